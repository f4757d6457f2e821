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
