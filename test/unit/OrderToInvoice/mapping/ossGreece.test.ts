import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/**
 * Greece is GR in ISO 3166 and EL as a VAT prefix (and in the OSS return); the mapping accepts both on an order, so
 * a ledger set for Greece under either code takes Greek OSS VAT under either code.
 */
describe('OSS VAT of Greece', () => {
	it.each([
		['EL', 'GR'],
		['GR', 'EL'],
		['EL', 'EL'],
		['GR', 'GR'],
	])('an order taxed for %s goes on the ledger set for %s', (region, configured) => {
		const draft = mapOrderToInvoice(
			order({
				tax_region: region,
				price: { total: '12.40' },
				orderlines: [line('article', 1, 'Olijfolie', price('12.40', '24.00'))],
			}),
			{ ossEnabled: true, ossVatLedgerByCountry: { [configured]: '1657' } },
		);
		// 12.40 × 24/124 = 2.40 Greek VAT
		expect(draft.invoice.items[1]).toMatchObject({ pricePerUnit: 2.4, ledgerCode: '1657' });
	});
});
