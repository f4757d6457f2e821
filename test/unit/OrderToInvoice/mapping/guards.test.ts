import { mapOrderToInvoice, MappingError } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

describe('defence in depth', () => {
	it.each(['T-1042', 't-77'])('refuses test order %s', (number) => {
		expect(() => mapOrderToInvoice(order({ number }))).toThrow(
			new MappingError(
				number,
				'number',
				'is a test order (its number starts with T-); test orders are not booked',
			),
		);
	});

	it.each([
		[-2, '24.20', 'quantity -2 and amount 24.20'],
		[2, '-24.20', 'quantity 2 and amount -24.20'],
	])(
		'refuses a sale line with quantity %i and amount %s, naming the line',
		(quantity, amount, what) => {
			const input = order({
				orderlines: [
					line('article', 1, 'Boek', price('12.10')),
					line('article', quantity, 'Pen', price(amount)),
				],
				price: { total: amount.startsWith('-') ? '-12.10' : '36.30' },
			});
			expect(() => mapOrderToInvoice(input)).toThrow(
				`Order 1042: orderlines[1]: sale line 'Pen' has ${what}; quantity and amount must have the same sign`,
			);
		},
	);

	it('lets a credit order have positive quantities and negative amounts', () => {
		const credit = order({
			credited_order_number: 1000,
			orderlines: [line('article', 2, 'Boek', price('-24.20'))],
			price: { total: '-24.20' },
		});
		expect(mapOrderToInvoice(credit).totals.amountInclVat).toBe(-24.2);
	});

	it('says what to do about a mapping error, for the error item’s details', () => {
		let caught: MappingError | undefined;
		try {
			mapOrderToInvoice(order({ orderlines: [] }));
		} catch (error) {
			caught = error as MappingError;
		}
		expect(caught).toMatchObject({
			orderNumber: '1042',
			field: 'orderlines',
			description: expect.stringMatching(/^Order 1042, field orderlines: pass the whole order/),
		});
	});
});
