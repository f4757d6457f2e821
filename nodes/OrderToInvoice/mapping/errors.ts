import { adviceFor } from './advice';

/**
 * An order the mapping cannot book correctly. The message names the order and the field,
 * e.g. `Order 1042: orderlines[2].price[0].rate: VAT rate 19% (DE) is not a Dutch rate…`.
 * `description` says what to do about it. `runPerItem` copies `orderNumber`, `field` and `description`
 * onto the error item's details.
 */
export class MappingError extends Error {
	readonly orderNumber: string;
	readonly field: string;
	readonly reason: string;
	readonly description: string;

	constructor(orderNumber: string, field: string, reason: string, advice?: string) {
		super(`Order ${orderNumber}: ${field}: ${reason}`);
		this.name = 'MappingError';
		this.orderNumber = orderNumber;
		this.field = field;
		this.reason = reason;
		this.description = `Order ${orderNumber}, field ${field}: ${advice ?? adviceFor(field)}`;
	}
}

/** Raises errors for one order, so the order number is named once. */
export interface OrderContext {
	orderNumber: string;
	fail(field: string, reason: string, advice?: string): never;
}

export function orderContext(orderNumber: string): OrderContext {
	return {
		orderNumber,
		fail(field, reason, advice) {
			throw new MappingError(orderNumber, field, reason, advice);
		},
	};
}
