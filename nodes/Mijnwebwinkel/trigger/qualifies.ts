import type { OrderStatus } from '../api/schemas';
import type { OrderFacts } from '../api/summary';

/** What the user chose: shared by the trigger and the node's "Finished and Paid Only" filter. */
export interface QualifySettings {
	/** Status ids that mean finished; empty = the shop's statuses named "Afgerond" or "Afgehaald…". */
	finishedStatuses: number[];
	includeCreditOrders: boolean;
	/** Status ids that by themselves mean the order is paid (e.g. "Afgehaald en betaald"). */
	paidStatuses: number[];
	/** Count `authorized` (pay-later methods such as Klarna, Afterpay) as paid. */
	acceptAuthorized: boolean;
	includeTestOrders: boolean;
}

export interface QualifyRules {
	finished: number[];
	credit: number[];
	paid: number[];
	acceptAuthorized: boolean;
	includeCreditOrders: boolean;
	includeTestOrders: boolean;
}

/** emit: finished and paid (or a credit order); awaitingPayment: finished, not paid yet; skip: anything else. */
export type Verdict = 'emit' | 'awaitingPayment' | 'skip';

/** "Afgehaald en betaald" (picked up) ends an order as "Afgerond" does (docs/api-notes.md, Mijnwebwinkel §5.1). */
const DEFAULT_FINISHED_NAME = /afgerond|afgehaald/i;
/** Legacy `Order.payment.status.id` 1 = "Successful" (docs/api-notes.md, Mijnwebwinkel §5.2). */
const LEGACY_PAYMENT_SUCCESSFUL = 1;
/** Test orders are reported to carry a "T-" marker in their number (docs/api-notes.md, Mijnwebwinkel §12). */
const TEST_ORDER_NUMBER = /^T-/i;

/**
 * Resolves the settings against the shop's status table (read in Dutch): the default finished statuses are
 * the non-credit ones described as "Afgerond" or "Afgehaald…"; credit statuses are those flagged `credit_order`.
 */
export function resolveRules(
	settings: QualifySettings,
	statuses: OrderStatus[],
): { rules: QualifyRules } | { problem: string } {
	const credit = statuses.filter((status) => status.credit_order).map((status) => status.status);
	const finished = settings.finishedStatuses.length
		? settings.finishedStatuses
		: statuses
				.filter((status) => !status.credit_order && DEFAULT_FINISHED_NAME.test(status.description))
				.map((status) => status.status);
	if (finished.length === 0) {
		const names = statuses.map((status) => `${status.description} (${status.status})`).join(', ');
		return {
			problem: `This shop has no order status named "Afgerond" or "Afgehaald"; choose the Finished Statuses. Statuses: ${names}`,
		};
	}
	return {
		rules: {
			finished,
			credit,
			paid: settings.paidStatuses,
			acceptAuthorized: settings.acceptAuthorized,
			includeCreditOrders: settings.includeCreditOrders,
			includeTestOrders: settings.includeTestOrders,
		},
	};
}

/**
 * Judges from what can be read. An order that cannot be judged (its status, or whether it is paid, is
 * unreadable) is emitted all the same, once, so the mapping node names the field on its error output
 * instead of the order being dropped silently or stopping the poll.
 */
export function judgeOrder(order: OrderFacts, rules: QualifyRules): Verdict {
	if (!rules.includeTestOrders && TEST_ORDER_NUMBER.test(order.number)) return 'skip';
	if (isCreditOrder(order, rules)) return rules.includeCreditOrders ? 'emit' : 'skip';
	if (order.status === undefined) return 'emit';
	if (!rules.finished.includes(order.status)) return 'skip';
	const paid = isPaid(order, rules);
	return paid === false ? 'awaitingPayment' : 'emit';
}

/** Credit orders carry no payment data (docs/api-notes.md, Mijnwebwinkel §5.2, §8), so they need no payment test. */
export function isCreditOrder(order: OrderFacts, rules: QualifyRules): boolean {
	const credited = order.credited_order_number;
	return (
		(order.status !== undefined && rules.credit.includes(order.status)) ||
		(credited !== undefined && credited !== '')
	);
}

/** True or false, or undefined when what would decide it (the total, the payment status) cannot be read. */
export function isPaid(order: OrderFacts, rules: QualifyRules): boolean | undefined {
	const paymentStatus = (order.payment_status ?? '').toLowerCase();
	if (paymentStatus === 'captured') return true;
	if (rules.acceptAuthorized && paymentStatus === 'authorized') return true;
	if (order.legacy_payment_status === LEGACY_PAYMENT_SUCCESSFUL) return true;
	if (order.status !== undefined && rules.paid.includes(order.status)) return true;
	// A payment status that cannot be read does not say unpaid either: the order is judged as unreadable.
	if (order.unreadable.includes('payment_status') || order.unreadable.includes('payment.status.id'))
		return undefined;
	if (order.total !== undefined) return isZero(order.total);
	// A zero-total order has no payment information at all, so one that has some is simply unpaid.
	const hasPaymentInfo =
		(paymentStatus !== '' && paymentStatus !== 'unknown') ||
		(order.legacy_payment_status !== undefined && order.legacy_payment_status !== 0);
	return hasPaymentInfo ? false : undefined;
}

/** Orders with total 0.00 have no payment information at all (docs/api-notes.md, Mijnwebwinkel §5.2). */
export function isZero(amount: string): boolean {
	return /^-?0*(\.0*)?$/.test(amount) && /\d/.test(amount);
}
