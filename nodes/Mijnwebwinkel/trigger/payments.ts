import type { OrderFacts } from '../api/summary';
import { isZero } from './qualifies';

/** What reading one order's payments gave: the payments, or why not and whether trying later may help. */
export type PaymentsAnswer = { payments: unknown[] } | { problem: string; temporary: boolean };

export interface PaymentsReader {
	/** `GET /v1/orders/{n}/payments?embed=mutations,order`, its `payments` array. */
	read(orderNumber: string): Promise<PaymentsAnswer>;
	/** False once there is no time left for more calls. */
	hasTime(): boolean;
	/** The answer already read, or on its way, for this order, without asking the shop; undefined when none. */
	answered?(orderNumber: string): Promise<PaymentsAnswer | undefined>;
}

export interface DeferredOrder {
	order: unknown;
	number: string;
	problem: string;
}

export interface CarriedPayments {
	/** The orders, each with `payments`, or with `paymentsError` when they cannot be read at all. */
	output: unknown[];
	/** Orders whose payments could not be read now (the shop was busy or down, or time ran out), in order. */
	deferred: DeferredOrder[];
}

type Json = Record<string, unknown>;

/**
 * Whether an order has transactions to read: credit orders carry no payment data and orders totalling 0.00
 * never have transactions (docs/api-notes.md, Mijnwebwinkel §5.2, §8); an order without a readable number cannot be asked for them.
 */
export function hasTransactions(facts: OrderFacts, creditStatuses: number[]): boolean {
	if (facts.unreadable.includes('number')) return false;
	const credited = facts.credited_order_number;
	if (credited !== undefined && credited !== '') return false;
	if (facts.status !== undefined && creditStatuses.includes(facts.status)) return false;
	return !(facts.total !== undefined && isZero(facts.total));
}

/** The numbers of these orders whose transactions are to be read (see `hasTransactions`), in order. */
export function numbersToRead(
	orders: unknown[],
	summarise: (raw: unknown) => OrderFacts,
	creditStatuses: number[],
): string[] {
	return orders
		.filter((order) => order !== null && typeof order === 'object' && !Array.isArray(order))
		.map(summarise)
		.filter((facts) => hasTransactions(facts, creditStatuses))
		.map((facts) => facts.number);
}

/**
 * Adds each order's transactions as `order.payments`, one call per order, one after the other. A lasting
 * problem (an answer that cannot be read) lets the order go on with `paymentsError` instead. A passing one
 * (rate limit, server error, no answer, no time left) stops the calls: that order and the ones after it are
 * deferred (or, with `defer: false`, go on with `paymentsError`), so a busy shop is not asked again and again
 * within one run. An order after it whose answer the reader already has (read alongside) still goes on with
 * it: else one order whose payments fail every time would hold back the orders read with it, poll after poll.
 */
export async function carryPayments(
	orders: unknown[],
	summarise: (raw: unknown) => OrderFacts,
	reader: PaymentsReader,
	creditStatuses: number[],
	options: { defer: boolean } = { defer: true },
): Promise<CarriedPayments> {
	const result: CarriedPayments = { output: [], deferred: [] };
	let stopped: string | undefined;
	/** Without deferring (no memory to retry from), the order goes on at once, saying why it has no payments. */
	const later = (order: unknown, number: string, problem: string) => {
		if (options.defer) result.deferred.push({ order, number, problem });
		else result.output.push({ ...(order as Json), paymentsError: `${problem}; run again later` });
	};
	for (const order of orders) {
		const facts = summarise(order);
		const isObject = order !== null && typeof order === 'object' && !Array.isArray(order);
		if (!isObject || !hasTransactions(facts, creditStatuses)) {
			result.output.push(order);
			continue;
		}
		if (stopped === undefined && !reader.hasTime())
			stopped = 'there was no time left in this run to read them';
		const answer =
			stopped === undefined
				? await reader.read(facts.number)
				: await reader.answered?.(facts.number);
		if (answer && 'payments' in answer) {
			result.output.push({ ...(order as Json), payments: answer.payments });
		} else if (answer && !answer.temporary) {
			result.output.push({ ...(order as Json), paymentsError: answer.problem });
		} else {
			stopped ??= answer?.problem;
			later(order, facts.number, answer?.problem ?? (stopped as string));
		}
	}
	return result;
}
