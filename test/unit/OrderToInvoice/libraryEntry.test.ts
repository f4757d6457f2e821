import * as library from '../../../index';
import type { InvoiceDraft, MappingSettings } from '../../../index';

describe('the package main entry', () => {
	it('exports the mapping, its error and its default settings', () => {
		const settings: Partial<MappingSettings> = { invoicePrefix: 'WEB-' };
		const draft: InvoiceDraft = library.mapOrderToInvoice(
			{
				number: 7,
				date: '2025-01-02',
				status: 4,
				debtor: { email: 'a@b.nl', name: 'A' },
				price: { total: '1.21' },
				orderlines: [
					{
						type: 'article',
						quantity: 1,
						description: 'X',
						price: { amount: '1', amount_including_tax: '1.21', rate: '21' },
					},
				],
			},
			settings,
		);
		expect(draft.invoice.invoiceNumber).toBe('WEB-7');
		expect(() => library.mapOrderToInvoice(null)).toThrow(library.MappingError);
		expect(library.DEFAULT_MAPPING_SETTINGS.invoicePrefix).toBe('MWW-');
	});
});
