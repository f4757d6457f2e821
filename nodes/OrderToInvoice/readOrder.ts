import { safeParseOrder, type Order } from '../shared/order.schema';
import { MappingError, orderContext } from './mapping/errors';
import { requireOrderLines } from './mapping/guards';

/**
 * The node's input item as an order, checked with the order schema the Mijnwebwinkel nodes emit: anything else stops
 * this item only, with a MappingError naming the order and the field.
 */
export function readOrder(input: unknown): Order {
	const parsed = safeParseOrder(input);
	if (parsed.success) return parsed.order;
	if (parsed.field === 'orderlines') {
		// `orderlines: null` reads as "no lines", which says more than "expected an array".
		requireOrderLines(
			(input as { orderlines?: unknown }).orderlines,
			orderContext(parsed.orderNumber),
		);
	}
	throw new MappingError(parsed.orderNumber, parsed.field, parsed.message);
}
