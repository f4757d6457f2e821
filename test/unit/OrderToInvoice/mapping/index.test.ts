import {
	mapOrder,
	mapOrderToInvoice,
	MappingError,
} from '../../../../nodes/OrderToInvoice/mapping';
import { orderSchema } from '../../../../nodes/shared/order.schema';
import { line, order, price } from '../orders';

function mappingError(input: unknown): MappingError {
	try {
		mapOrderToInvoice(input);
	} catch (error) {
		if (error instanceof MappingError) return error;
		throw error;
	}
	throw new Error('expected a MappingError');
}

describe('bad input gives a MappingError naming order and field', () => {
	it.each([
		[null, '(unknown)', '(order)', 'is not an object'],
		[42, '(unknown)', '(order)', 'is not an object'],
		['order 1042', '(unknown)', '(order)', 'is not an object'],
		[[order()], '(unknown)', '(order)', 'is not an object'],
		[{}, '(unknown)', 'number', expect.any(String)],
		[{ ...order(), number: undefined }, '(unknown)', 'number', expect.any(String)],
	] as Array<[unknown, string, string, unknown]>)('%j', (input, orderNumber, field, reason) => {
		expect(mappingError(input)).toMatchObject({ orderNumber, field, reason });
	});

	it.each([
		[{ price: { total: { value: 12.1 } } }, 'price.total'],
		[{ price: { total: '12,10' } }, 'price.total'],
		[{ price: undefined }, 'price'],
		[{ debtor: 'jan@example.com' }, 'debtor'],
		[{ orderlines: { 0: {} } }, 'orderlines'],
		[
			{ orderlines: [line('article', Number.NaN, 'Boek', price('12.10'))] },
			'orderlines[0].quantity',
		],
		[{ orderlines: [{ type: 'article', quantity: 1, price: null }] }, 'orderlines[0].price'],
		[{ date: '14-03-2025' }, 'date'],
		[{ status: 'afgerond' }, 'status'],
	])('wrong type %j → field %s', (overrides, field) => {
		const error = mappingError(order(overrides));
		expect(error).toMatchObject({ orderNumber: '1042', field });
		expect(error.message).toMatch(new RegExp(`^Order 1042: ${field.replace(/[[\].]/g, '\\$&')}: `));
	});

	it('stops an order in another currency', () => {
		expect(mappingError(order({ currency: 'USD' }))).toMatchObject({
			field: 'currency',
			reason: 'the order is in USD; e-Boekhouden books in euros',
		});
	});

	it('is an Error with the name MappingError, for n8n and for library users', () => {
		const error = mappingError(null);
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('MappingError');
		expect(error.message).toBe('Order (unknown): (order): is not an object');
	});
});

describe('the draft', () => {
	it('leaves the input order untouched', () => {
		const input = order({ credited_order_number: 7 });
		const before = JSON.stringify(input);
		mapOrderToInvoice(input);
		expect(JSON.stringify(input)).toBe(before);
	});

	it('is plain JSON (what n8n puts in an item)', () => {
		const draft = mapOrderToInvoice(order());
		expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
	});
});

describe('the mapping takes a parsed order', () => {
	it('maps the order as the order schema gives it, as the node does; the library entry reads raw JSON the same way', () => {
		const raw = order({ number: ' 1042 ' });
		const parsed = orderSchema.parse(raw);
		expect(mapOrder(parsed).orderNumber).toBe('1042');
		expect(mapOrderToInvoice(raw)).toEqual(mapOrder(parsed));
	});

	it('refuses a parsed order without lines, naming the order', () => {
		expect(() => mapOrder(orderSchema.parse(order({ orderlines: [] })))).toThrow(
			'Order 1042: orderlines: the order has no order lines, so there is nothing to book',
		);
	});
});
