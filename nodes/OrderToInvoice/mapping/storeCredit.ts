import type { Order } from '../../shared/order.schema';
import { paymentOrderLines } from './transactions';

const REDEEMED_LINE_TYPES = new Set(['store_credit', 'gift_card']);

/**
 * Store credit and gift cards the customer spent, as negative `store_credit` / `gift_card` lines of the payments'
 * embedded payment order, in cents (positive). The payment's own price leaves that part out.
 */
export function storeCreditCents(order: Order): number {
	return paymentOrderLines(order)
		.filter((line) => REDEEMED_LINE_TYPES.has(String(line.type)))
		.map((line) =>
			typeof line.price === 'number' && Number.isSafeInteger(line.price) ? line.price : 0,
		)
		.filter((price) => price < 0)
		.reduce((sum, price) => sum - price, 0);
}
