import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

const twoRates = [
	line('article', 1, 'Koffie', price('30.00', '9.00')),
	line('article', 1, 'Molen', price('70.00')),
];

describe('discounts', () => {
	it('become one negative item per rate, naming the discount code, on the revenue ledger of that rate', () => {
		const input = order({
			discountcode: 'ZOMER10',
			orderlines: [
				...twoRates,
				line('discount', 1, 'Korting', [price('-3.00', '9.00'), price('-7.00', '21.00')]),
			],
			price: { total: '90.00' },
		});
		const draft = mapOrderToInvoice(input);
		expect(draft.invoice.items.slice(2)).toEqual([
			{
				description: 'Korting (kortingscode ZOMER10, 9% btw)',
				quantity: 1,
				pricePerUnit: -3,
				vatCode: 'LAAG_VERK_9',
				ledgerCode: '8010',
			},
			{
				description: 'Korting (kortingscode ZOMER10, 21% btw)',
				quantity: 1,
				pricePerUnit: -7,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8000',
			},
		]);
		expect(draft.totals).toEqual({
			amountInclVat: 90,
			byVatCode: { LAAG_VERK_9: 27, HOOG_VERK_21: 63 },
		});
	});

	it('go on the discount ledger when one is set', () => {
		const input = order({
			orderlines: [
				...twoRates,
				line('discount', 1, 'Winkelwagenkorting', [
					price('-3.00', '9.00'),
					price('-7.00', '21.00'),
				]),
			],
			price: { total: '90.00' },
		});
		const items = mapOrderToInvoice(input, { discountLedger: '8200' }).invoice.items;
		expect(items.slice(2).map((item) => [item.description, item.ledgerCode])).toEqual([
			['Winkelwagenkorting (9% btw)', '8200'],
			['Winkelwagenkorting (21% btw)', '8200'],
		]);
	});

	it('do not repeat a code the shop already put in the text', () => {
		const input = order({
			discountcode: 'ZOMER10',
			orderlines: [
				line('article', 1, 'Molen', price('70.00')),
				line('discount', 1, 'Kortingscode zomer10', price('-7.00')),
			],
			price: { total: '63.00' },
		});
		expect(mapOrderToInvoice(input).invoice.items[1].description).toBe('Kortingscode zomer10');
	});

	it('of the old shape (one price, empty rate) are spread over the product rates in proportion, to the cent', () => {
		// -10.00 over 30.00 at 9% and 70.00 at 21% → -3.00 and -7.00
		const input = order({
			orderlines: [
				...twoRates,
				line('discount', 1, null, {
					amount: '-8.000000',
					amount_including_tax: '-10.00',
					rate: '',
				}),
			],
			price: { total: '90.00' },
		});
		expect(
			mapOrderToInvoice(input)
				.invoice.items.slice(2)
				.map((item) => [item.description, item.pricePerUnit, item.vatCode]),
		).toEqual([
			['Korting (9% btw)', -3, 'LAAG_VERK_9'],
			['Korting (21% btw)', -7, 'HOOG_VERK_21'],
		]);
	});

	it('of the old shape without an amount including VAT cannot be booked exactly', () => {
		const input = order({
			orderlines: [...twoRates, line('discount', 1, null, { amount: '-8.000000', rate: '' })],
			price: { total: '90.00' },
		});
		expect(() => mapOrderToInvoice(input)).toThrow(
			'Order 1042: orderlines[2].price[0].rate: has no VAT rate and no amount_including_tax, so the amount cannot be booked exactly',
		);
	});

	it('of an unknown negative line type are booked as a discount, with a warning', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Molen', price('70.00')),
				line('coupon_code', 1, 'Actie', price('-7.00')),
			],
			price: { total: '63.00' },
		});
		const draft = mapOrderToInvoice(input);
		expect(draft.invoice.items[1]).toMatchObject({ description: 'Actie', pricePerUnit: -7 });
		expect(draft.warnings).toEqual([]);
		const unknown = order({
			orderlines: [
				line('article', 1, 'Molen', price('70.00')),
				line('voucher', 1, 'Bon', price('-7.00')),
			],
			price: { total: '63.00' },
		});
		expect(mapOrderToInvoice(unknown).warnings).toEqual([
			"orderlines[1].type: unknown order line type 'voucher' booked as a discount",
		]);
	});

	it('leave action prices inside the article price alone', () => {
		const input = order({
			orderlines: [
				{
					...line('article', 1, 'Article A', price('15.00')),
					articles: [
						{
							id: 1,
							price: { amount: '24.793388', rate: '21.00' },
							options: [
								{ description: 'Action price', price: { amount: '-12.396694', rate: '21.00' } },
							],
						},
					],
				},
			],
			price: { total: '15.00' },
		});
		expect(mapOrderToInvoice(input).invoice.items).toHaveLength(1);
	});
});
