import type { Order } from '../../shared/order.schema';
import type { OrderContext } from './errors';

type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function lower(value: unknown): string {
	return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/**
 * `captured`: money moved; `authorized`: reserved on the customer's account, not transferred (pay later);
 * `none`: new, failed or voided, nothing moved.
 */
export type TransactionState = 'captured' | 'authorized' | 'none';

/** One Mijnwebwinkel payment (transaction) of the order, as the payments endpoint gives it. */
export interface Transaction {
	/** `payments[1]`, for messages. */
	field: string;
	/** Stable short key from the payment's id, for the payment reference of its booking. */
	key: string;
	/** Method without its issuer (`ideal:ideal_INGBNL2A` → `ideal`), lower case. */
	method: string;
	gateway: string;
	cents: number;
	state: TransactionState;
	/** yyyy-mm-dd of the latest capture (or of the authorisation), null when the payment does not say. */
	date: string | null;
	/** Given back to the customer in full (its refunds come to what was captured). */
	refundedInFull: boolean;
}

/** `payments` as the payments endpoint gives it (`[…]` or `{ payments: […] }`); null when the input has none. */
export function rawPayments(order: Order): JsonRecord[] | null {
	const raw = order.payments;
	const list = isRecord(raw) ? raw.payments : raw;
	if (!Array.isArray(list)) return null;
	const payments = list.filter(isRecord);
	return payments.length ? payments : null;
}

function day(value: unknown): string | null {
	const date = typeof value === 'string' ? value.slice(0, 10) : '';
	return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

function mutationsOf(payment: JsonRecord): JsonRecord[] | null {
	return Array.isArray(payment.mutations) ? payment.mutations.filter(isRecord) : null;
}

function latest(mutations: JsonRecord[], type: string): string | null {
	const dates = mutations
		.filter((mutation) => mutation.type === type)
		.map((mutation) => day(mutation.createdAt))
		.filter((date): date is string => date !== null)
		.sort();
	return dates.length ? dates[dates.length - 1] : null;
}

function cents(value: unknown, field: string, context: OrderContext): number {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	return context.fail(field, 'is not an amount in cents (the payments endpoint gives whole cents)');
}

/**
 * Mutations authorize, capture, failed, refund, void: captured money is the sum of the captures (the payment's
 * price when a capture carries none); an authorisation that was not voided is pay later. Without mutations
 * (fetched without `embed=mutations`) the order's `payment_status` decides, else the payment counts as captured.
 */
function stateOf(
	payment: JsonRecord,
	field: string,
	order: Order,
	context: OrderContext,
): Pick<Transaction, 'state' | 'cents' | 'date' | 'refundedInFull'> {
	const price =
		payment.price === undefined || payment.price === null
			? 0
			: cents(payment.price, `${field}.price`, context);
	const mutations = mutationsOf(payment);
	const created = day(payment.createdAt);
	if (!mutations) {
		const authorized = lower(order.payment_status) === 'authorized';
		return {
			state: authorized ? 'authorized' : 'captured',
			cents: price,
			date: created,
			refundedInFull: false,
		};
	}
	const captures = mutations.filter((mutation) => mutation.type === 'capture');
	if (captures.length) {
		const captured = captures.reduce(
			(sum, mutation, index) =>
				mutation.price === undefined || mutation.price === null
					? sum + (index === 0 ? price : 0)
					: sum + cents(mutation.price, `${field}.mutations.price`, context),
			0,
		);
		// Read leniently: refunds only decide whether a payment made twice was given back (payments.ts).
		const refunded = mutations
			.filter((mutation) => mutation.type === 'refund')
			.reduce((sum, mutation) => {
				if (mutation.price === undefined || mutation.price === null) return sum + captured;
				return Number.isSafeInteger(mutation.price) ? sum + (mutation.price as number) : sum;
			}, 0);
		return {
			state: 'captured',
			cents: captured,
			date: latest(mutations, 'capture') ?? created,
			refundedInFull: captured > 0 && refunded >= captured,
		};
	}
	const authorized = mutations.some((mutation) => mutation.type === 'authorize');
	const voided = mutations.some(
		(mutation) => mutation.type === 'void' || mutation.type === 'failed',
	);
	if (authorized && !voided) {
		return {
			state: 'authorized',
			cents: price,
			date: latest(mutations, 'authorize') ?? created,
			refundedInFull: false,
		};
	}
	return { state: 'none', cents: 0, date: created, refundedInFull: false };
}

function keyOf(payment: JsonRecord, index: number): string {
	for (const candidate of [payment.id, payment.reference]) {
		const key = typeof candidate === 'string' ? candidate.replace(/[^0-9a-z]/gi, '') : '';
		if (key) return key.slice(0, 8).toLowerCase();
	}
	return String(index + 1);
}

/** The order's transactions; null when the input does not carry them. A test payment stops the order. */
export function readTransactions(order: Order, context: OrderContext): Transaction[] | null {
	const payments = rawPayments(order);
	if (!payments) return null;
	const transactions = payments.map((payment, index): Transaction => {
		const field = `payments[${index}]`;
		if (payment.isTest === true) {
			context.fail(
				`${field}.isTest`,
				'is a test payment; test orders are not booked',
				'test orders are never booked. Leave out test orders (the Mijnwebwinkel nodes do unless told otherwise).',
			);
		}
		return {
			field,
			key: keyOf(payment, index),
			method: lower(payment.method).split(':')[0],
			gateway: lower(payment.gateway),
			...stateOf(payment, field, order, context),
		};
	});
	const keys = new Set<string>();
	for (const [index, transaction] of transactions.entries()) {
		if (keys.has(transaction.key)) transaction.key = `${transaction.key}${index + 1}`;
		keys.add(transaction.key);
	}
	return transactions;
}

/** Lines of the payments' embedded "payment order", each once (every payment may embed the same order). */
export function paymentOrderLines(order: Order): JsonRecord[] {
	const seen = new Set<string>();
	const lines: JsonRecord[] = [];
	for (const payment of rawPayments(order) ?? []) {
		const embedded = isRecord(payment.order) ? payment.order.lines : undefined;
		if (!Array.isArray(embedded)) continue;
		for (const line of embedded.filter(isRecord)) {
			const id = typeof line.id === 'string' ? line.id : JSON.stringify(line);
			if (seen.has(id)) continue;
			seen.add(id);
			lines.push(line);
		}
	}
	return lines;
}
