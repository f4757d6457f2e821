import { formatEuros } from '../../shared/money';
import type { OrderContext } from './errors';
import type { LinePart } from './lines';

/** Test orders carry a `T-` number; the trigger leaves them out, and the mapping refuses them too. */
export function checkNotTest(orderNumber: string, context: OrderContext): void {
	if (/^T-/i.test(orderNumber)) {
		context.fail(
			'number',
			'is a test order (its number starts with T-); test orders are not booked',
			'test orders are never booked. Leave out test orders (the Mijnwebwinkel nodes do unless told otherwise).',
		);
	}
}

/** An order without lines cannot be booked, whatever its total says (a list entry may come without them). */
export function requireOrderLines(lines: unknown, context: OrderContext): void {
	if (lines === undefined || lines === null || (Array.isArray(lines) && lines.length === 0)) {
		context.fail(
			'orderlines',
			'the order has no order lines, so there is nothing to book',
			'pass the whole order as Mijnwebwinkel gives it (with its orderlines), e.g. from the Mijnwebwinkel Trigger or Get; if the order really has no lines, book it by hand.',
		);
	}
}

/** A sale line is quantity × price: a negative quantity with a positive amount (or the reverse) is a data error. */
export function checkLineSigns(parts: LinePart[], context: OrderContext): void {
	for (const part of parts) {
		if (part.kind !== 'product') continue;
		if ((part.quantity < 0 && part.cents > 0) || (part.quantity > 0 && part.cents < 0)) {
			context.fail(
				`orderlines[${part.line}]`,
				`sale line '${part.name}' has quantity ${part.quantity} and amount ${formatEuros(part.cents, { symbol: false })}; quantity and amount must have the same sign`,
			);
		}
	}
}
