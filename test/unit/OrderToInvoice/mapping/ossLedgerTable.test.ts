import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/** A Belgian consumer order of 12.10 at 21%: 2.10 Belgian VAT. */
const belgian = order({
	tax_region: 'BE',
	orderlines: [line('article', 1, 'Boek', price('12.10'))],
});

describe('OSS VAT Ledgers by Country', () => {
	it.each(['BEL', 'Belgium', 'België', 'B'])(
		"refuses a row for '%s', which no order is ever taxed for, instead of booking Belgian VAT on the general OSS ledger",
		(country) => {
			expect(() =>
				mapOrderToInvoice(belgian, {
					ossEnabled: true,
					ossVatLedgerByCountry: { [country]: '1651' },
				}),
			).toThrow(
				`Order 1042: settings.ossVatLedgerByCountry: '${country}' is not the code of an EU country (two letters, e.g. BE or DE)`,
			);
		},
	);

	it('takes the code in any case, and Greece as GR or EL', () => {
		const draft = mapOrderToInvoice(belgian, {
			ossEnabled: true,
			ossVatLedgerByCountry: { be: '1651', EL: '1657', gr: '1657' },
		});
		expect(draft.invoice.items[1]).toMatchObject({ pricePerUnit: 2.1, ledgerCode: '1651' });
	});
});
