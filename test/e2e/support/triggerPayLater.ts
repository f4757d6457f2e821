/**
 * Pay later as the sync books it at its defaults ("Count Authorized Payments as Paid" on): an authorised order is
 * invoiced at once, its payment on the Pay Later Ledger of its method (Order to Invoice: klarna 1040, afterpay 1050),
 * or, for a method without one, booked only when captured. The shared expectations (expected.ts) read an authorised
 * order as unpaid; these helpers let them check the books of this default.
 */
import { buildCase } from '../../sandbox/shop/cases';
import type { ShopOrder } from '../../sandbox/shop/generator';

/** The shop's orders with each finished, authorised one read as paid: what the books must hold an invoice for. */
export function payLaterAsPaid(orders: ShopOrder[]): ShopOrder[] {
	return orders.map((order) =>
		order.payment_status === 'authorized' ? { ...order, payment_status: 'captured' } : order,
	);
}

/**
 * A finished order paid later with a method that has no Pay Later Ledger (Riverty), authorised, its status changed
 * a minute ago; an ordinary order for the shared checks (no case marker).
 */
export function rivertyAuthorized(number: number): ShopOrder {
	const planted = buildCase('afterpayAuthorized', {
		number,
		changedAt: new Date(Date.now() - 60_000),
	});
	const riverty = { gateway: 'riverty', method: 'riverty' };
	return {
		...planted,
		comments: { internal: '' },
		payment: { gateway_name: riverty.gateway, method_name: riverty.method },
		sandbox: {
			...planted.sandbox,
			transactions: (planted.sandbox.transactions ?? []).map((transaction) => ({
				...transaction,
				...riverty,
			})),
		},
	} as ShopOrder;
}
