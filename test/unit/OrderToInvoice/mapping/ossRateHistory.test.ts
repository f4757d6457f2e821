import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/**
 * A history import books orders from July 2021 on, and EU countries changed their rates since. An OSS sale carries
 * the rate that applied in the customer's country on the order date, so the check accepts that rate and refuses it
 * once the country changed it. Each order is €10.00 net: the line price is 10.00 × (1 + rate), worked out by hand.
 */
function ossSale(country: string, date: string, rate: string, inclusive: string) {
	return mapOrderToInvoice(
		order({
			date,
			tax_region: country,
			shipping: [{ country: { isocode: country } }],
			price: { total: inclusive },
			orderlines: [line('article', 1, 'Theepot', price(inclusive, rate))],
		}),
		{ ossEnabled: true },
	);
}

describe('OSS sales at the rate of their day', () => {
	it.each([
		['FI', '2023-05-01', '24.00', '12.40', 240, 'FI 24%'],
		['FI', '2025-03-01', '14.00', '11.40', 140, 'FI 14%'],
		['EE', '2023-05-01', '20.00', '12.00', 200, 'EE 20%'],
		['EE', '2024-06-01', '22.00', '12.20', 220, 'EE 22%'],
		['EE', '2025-06-30', '22.00', '12.20', 220, 'EE 22%'],
		['SK', '2024-12-31', '20.00', '12.00', 200, 'SK 20%'],
		['SK', '2022-02-01', '10.00', '11.00', 100, 'SK 10%'],
		['CZ', '2023-05-01', '15.00', '11.50', 150, 'CZ 15%'],
		['CZ', '2023-05-01', '10.00', '11.00', 100, 'CZ 10%'],
		['LU', '2023-05-01', '16.00', '11.60', 160, 'LU 16%'],
		['LU', '2022-05-01', '17.00', '11.70', 170, 'LU 17%'],
		['RO', '2025-07-31', '19.00', '11.90', 190, 'RO 19%'],
		['RO', '2024-05-01', '9.00', '10.90', 90, 'RO 9%'],
		['LT', '2025-12-31', '9.00', '10.90', 90, 'LT 9%'],
		['AT', '2021-09-01', '5.00', '10.50', 50, 'AT 5%'],
		['EE', '2022-09-01', '5.00', '10.50', 50, 'EE 5%'],
		['ES', '2023-05-01', '5.00', '10.50', 50, 'ES 5%'],
		['ES', '2024-11-01', '7.50', '10.75', 75, 'ES 7.5%'],
		['ES', '2024-11-01', '2.00', '10.20', 20, 'ES 2%'],
	])(
		'%s on %s at %s%%: booked under the OSS, €10.00 net and the VAT on the OSS ledger',
		(country, date, rate, inclusive, vatCents, label) => {
			const draft = ossSale(country, date, rate, inclusive);
			expect(draft.invoice.items).toEqual([
				{
					description: 'Theepot',
					quantity: 1,
					pricePerUnit: 10,
					vatCode: 'AFST_VERK',
					ledgerCode: '8040',
				},
				{
					description: `Btw ${label} (OSS)`,
					quantity: 1,
					pricePerUnit: vatCents / 100,
					vatCode: 'GEEN',
					ledgerCode: '1650',
				},
			]);
		},
	);

	it.each([
		['FI', '2024-09-01', '24.00', '12.40', 'FI (25.5%, 14%, 10%)'],
		['FI', '2026-01-01', '14.00', '11.40', 'FI (25.5%, 13.5%, 10%)'],
		['EE', '2024-01-01', '20.00', '12.00', 'EE (22%, 9%, 5%)'],
		['EE', '2025-07-01', '22.00', '12.20', 'EE (24%, 13%, 9%)'],
		['SK', '2025-01-01', '20.00', '12.00', 'SK (23%, 19%, 5%)'],
		['CZ', '2024-01-01', '15.00', '11.50', 'CZ (21%, 12%)'],
		['LU', '2023-06-01', '17.00', '11.70', 'LU (16%, 13%, 7%, 3%)'],
		['LU', '2022-12-31', '16.00', '11.60', 'LU (17%, 14%, 8%, 3%)'],
		['RO', '2025-08-01', '19.00', '11.90', 'RO (21%, 11%)'],
		['LT', '2026-01-01', '9.00', '10.90', 'LT (21%, 12%, 5%)'],
		['EE', '2022-07-31', '5.00', '10.50', 'EE (20%, 9%)'],
		['ES', '2022-06-30', '5.00', '10.50', 'ES (21%, 10%, 4%)'],
		['ES', '2024-10-01', '5.00', '10.50', 'ES (21%, 10%, 7.5%, 4%, 2%)'],
		['ES', '2025-01-01', '7.50', '10.75', 'ES (21%, 10%, 4%)'],
	])(
		'%s on %s at %s%%: refused, the country no longer (or not yet) had that rate',
		(country, date, rate, inclusive, known) => {
			expect(() => ossSale(country, date, rate, inclusive)).toThrow(
				`Order 1042: orderlines[0].price[0].rate: VAT rate ${Number(rate)}% (${country}) is not a VAT rate of ${known} on ${date}`,
			);
		},
	);
});

describe('OSS credit orders at the rate of the sale they correct', () => {
	/** A return of €10.00 net, dated after the rate changed; Mijnwebwinkel credits it at the rate of the sale. */
	function ossCredit(country: string, date: string, rate: string, inclusive: string) {
		return mapOrderToInvoice(
			order({
				number: 1077,
				credited_order_number: 1042,
				date,
				tax_region: country,
				shipping: [{ country: { isocode: country } }],
				price: { total: `-${inclusive}` },
				orderlines: [line('article', -1, 'Theepot', price(`-${inclusive}`, rate))],
			}),
			{ ossEnabled: true },
		);
	}

	it.each([
		['FI', '2024-09-10', '24.00', '12.40', 240, 'FI 24%'],
		['EE', '2025-07-15', '22.00', '12.20', 220, 'EE 22%'],
		['EE', '2025-07-15', '20.00', '12.00', 200, 'EE 20%'],
		['SK', '2025-01-20', '20.00', '12.00', 200, 'SK 20%'],
		['RO', '2025-08-05', '19.00', '11.90', 190, 'RO 19%'],
	])(
		'%s, credited on %s at the earlier %s%%: the net and the VAT go back under the OSS',
		(country, date, rate, inclusive, vatCents, label) => {
			const draft = ossCredit(country, date, rate, inclusive);
			expect(draft.kind).toBe('credit');
			expect(draft.invoice.items).toEqual([
				{
					description: 'Theepot',
					quantity: 1,
					pricePerUnit: -10,
					vatCode: 'AFST_VERK',
					ledgerCode: '8040',
				},
				{
					description: `Btw ${label} (OSS)`,
					quantity: 1,
					pricePerUnit: -vatCents / 100,
					vatCode: 'GEEN',
					ledgerCode: '1650',
				},
			]);
		},
	);

	it('a credit at a rate the country only has since after the credit date is refused', () => {
		expect(() => ossCredit('EE', '2024-06-01', '24.00', '12.40')).toThrow(
			'Order 1077: orderlines[0].price[0].rate: VAT rate 24% (EE) is not a VAT rate of EE',
		);
	});
});
