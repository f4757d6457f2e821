import { mapOrderToInvoice, MappingError } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

function errorOf(input: unknown): MappingError {
	try {
		mapOrderToInvoice(input);
	} catch (error) {
		if (error instanceof MappingError) return error;
		throw error;
	}
	throw new Error('the order was mapped');
}

describe('an order line whose amount including VAT or VAT rate is null', () => {
	it('without amount_including_tax (null, as for an absent one) is booked from amount × (1 + rate)', () => {
		// 10.000000 excl. at 21% is 12.10 incl., worked out by hand.
		const draft = mapOrderToInvoice(
			order({
				orderlines: [
					line('article', 1, 'Boek', {
						amount: '10.000000',
						amount_including_tax: null,
						rate: '21.00',
					} as never),
				],
			}),
		);
		expect(draft.invoice.items).toEqual([
			{
				description: 'Boek',
				quantity: 1,
				pricePerUnit: 12.1,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8000',
			},
		]);
	});

	it('an old discount line with rate null is spread over the product rates like one with an empty rate', () => {
		// -2.00 over 12.10 at 21% and 10.90 at 9%: 2.00 × 1210/2300 = 1.052 → 1.05, the rest 0.95.
		const draft = mapOrderToInvoice(
			order({
				orderlines: [
					line('article', 1, 'Boek', price('12.10')),
					line('article', 1, 'Thee', price('10.90', '9.00')),
					line('discount', 1, 'Korting', {
						amount: '-2.000000',
						amount_including_tax: '-2.00',
						rate: null,
					} as never),
				],
				price: { total: '21.00' },
			}),
		);
		expect(draft.totals.byVatCode).toEqual({ HOOG_VERK_21: 11.05, LAAG_VERK_9: 9.95 });
	});

	it('a product line with rate null stops the order, naming the rate of that line', () => {
		const error = errorOf(
			order({
				orderlines: [
					line('article', 1, 'Boek', {
						amount: '10.000000',
						amount_including_tax: '12.10',
						rate: null,
					} as never),
				],
			}),
		);
		expect(error.message).toBe('Order 1042: orderlines[0].price[0].rate: has no VAT rate');
	});
});

describe('a field that is null or of the wrong kind names that field and what it holds', () => {
	it.each([
		[{ price: { total: null } }, 'price.total', 'Expected string or number, received null'],
		[
			{ orderlines: [line('article', null as never, 'Boek', price('12.10'))] },
			'orderlines[0].quantity',
			'Expected number or string, received null',
		],
		[
			{
				orderlines: [line('article', 1, 'Boek', { amount: null, rate: '21.00' } as never)],
			},
			'orderlines[0].price.amount',
			'Expected string or number, received null',
		],
		[
			{ orderlines: [line('article', 1, 'Boek', { amount: '10.00', rate: {} } as never)] },
			'orderlines[0].price.rate',
			'Expected string or number, received object',
		],
	])('%j: %s', (overrides, field, message) => {
		const error = errorOf(order(overrides));
		expect([error.orderNumber, error.field, error.reason]).toEqual(['1042', field, message]);
	});

	it('an order number that is null is named, with the order left unknown', () => {
		const error = errorOf(order({ number: null }));
		expect(error.message).toBe('Order (unknown): number: Expected string or number, received null');
	});

	it.each(['', '  ', '2,5'])('a quantity %j is not a number', (quantity) => {
		const error = errorOf(
			order({ orderlines: [line('article', quantity as never, 'Boek', price('12.10'))] }),
		);
		expect([error.field, error.reason]).toEqual([
			'orderlines[0].quantity',
			`'${quantity}' is not a number`,
		]);
	});
});
