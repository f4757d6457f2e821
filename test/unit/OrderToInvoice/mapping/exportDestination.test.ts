import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/**
 * Mijnwebwinkel applies 0% (`zero_percent`) to sales crossing the EU border (docs/api-notes.md, Mijnwebwinkel §7.4).
 * Whether an order's `tax_region` then names the destination or the shop's own country is not documented; the
 * goods go where they are shipped, so an order shipped outside the EU is an export either way.
 */
function zeroPercent(taxRegion: string, shippedTo: string) {
	return mapOrderToInvoice(
		order({
			tax_strategy: 'zero_percent',
			tax_region: taxRegion,
			shipping: [{ country: { isocode: shippedTo } }],
			price: { total: '10.00' },
			orderlines: [line('article', 1, 'Theepot', price('10.00', '0.00'))],
		}),
	);
}

describe('a 0% sale across the EU border', () => {
	it.each([
		['CH', 'CH'],
		['NL', 'CH'],
		['NL', 'US'],
		['NL', 'GB'],
	])(
		'with tax region %s, shipped to %s: export (BU_EU_VERK) on the export ledger',
		(region, to) => {
			expect(zeroPercent(region, to).invoice.items).toEqual([
				{
					description: 'Theepot',
					quantity: 1,
					pricePerUnit: 10,
					vatCode: 'BU_EU_VERK',
					ledgerCode: '8030',
				},
			]);
		},
	);

	it('shipped within the EU it is not booked as an export', () => {
		expect(zeroPercent('NL', 'DE').invoice.items[0]).toMatchObject({ vatCode: 'GEEN' });
	});
});
