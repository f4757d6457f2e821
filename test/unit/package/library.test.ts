import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import * as library from '../../../index';
import type { InvoiceDraft } from '../../../index';
import { cents, centsByVatCode } from '../../support/cents';

/** The package main entry as a developer outside n8n uses it: the official example order, mapped and checked. */

const officialExample = (
	JSON.parse(readFileSync(join(__dirname, '../../golden/official-example.json'), 'utf8')) as {
		order: IDataObject;
	}
).order;

describe('the library entry', () => {
	it('checks the official example order, maps it to the cent and the draft passes the draft schema', () => {
		const parsed = library.safeParseOrder(officialExample);
		if (!parsed.success) throw new Error(`${parsed.field} ${parsed.message}`);

		const draft: InvoiceDraft = library.mapOrderToInvoice(parsed.order);

		// The example carries credited_order_number 28, so it is the credit note of order 28: amounts negative.
		expect(draft.kind).toBe('credit');
		expect(draft.invoice.invoiceNumber).toBe('MWW-C-27');
		expect(draft.relation.name).toBe('Voorbeeldig BV');
		expect(draft.invoice.items).toHaveLength(7);
		// 21%: 15.00 + 2 × 4.95 + 3 × 1.95 + 0.79 + 5.95 = 37.49; 9%: 5 × 1.95 + 0.21 = 9.96; total 47.45.
		expect(centsByVatCode(draft.invoice.items)).toEqual({ HOOG_VERK_21: -3749, LAAG_VERK_9: -996 });
		expect(cents(draft.totals.amountInclVat)).toBe(-4745);
		expect(draft.payments).toEqual([
			{
				amount: -47.45,
				date: '2015-11-03',
				ledgerCode: '1010',
				kind: 'received',
				method: 'advance',
				reference: '',
			},
		]);
		expect(library.parseDraft(draft)).toMatchObject({ ok: true });
		expect(library.draftSchema.safeParse(draft).success).toBe(true);
		expect(library.mapOrder(parsed.order)).toEqual(draft);
	});

	it('names the order and the field of an order it cannot read, and of one it cannot map', () => {
		const withoutLines = { ...officialExample, orderlines: 'none' };
		expect(library.safeParseOrder(withoutLines)).toMatchObject({
			success: false,
			orderNumber: '27',
			field: 'orderlines',
		});
		expect(() => library.mapOrderToInvoice(withoutLines)).toThrow(library.MappingError);
		expect(() => library.mapOrderToInvoice(withoutLines)).toThrow(/27/);
	});

	it('the draft schema refuses a VAT code e-Boekhouden does not sell with, naming the field', () => {
		const draft = library.mapOrderToInvoice(officialExample);
		const [first, ...others] = draft.invoice.items;
		const result = library.parseDraft({
			...draft,
			invoice: { ...draft.invoice, items: [{ ...first, vatCode: 'HOOG_INK_21' }, ...others] },
		});
		expect(result).toMatchObject({ ok: false });
		expect(JSON.stringify(result)).toContain('vatCode');
		expect(library.SALES_VAT_CODES).toContain(first.vatCode);
	});
});
