import { getOrderPayments } from './client';
import type { MijnwebwinkelTransport } from './transport';
import type { PaymentsAnswer, PaymentsReader } from '../trigger/payments';

/** Error kinds (see api/errors.ts) that may pass: trying again later can succeed. */
const TEMPORARY = ['rateLimited', 'server', 'unreachable'];

/**
 * How many payment reads go to the shop at once. The shop documents no rate limit (docs/api-notes.md,
 * Mijnwebwinkel §11), so this is the e-Boekhouden node's default: a history import reads one payment list per order,
 * and at 4 at a time those reads took a third of a 2,000-order import at 150 ms a call (scripts/bench-parallel.ts).
 * A 429 pauses all of them together for its Retry-After (api/transport.ts).
 */
export const SHOP_REQUESTS_IN_PARALLEL = 8;

/** Reads `GET /v1/orders/{n}/payments?embed=mutations,order`; a failure becomes an answer, never a throw. */
export function createPaymentsReader(
	transport: MijnwebwinkelTransport,
	hasTime: () => boolean = () => true,
): PaymentsReader {
	return {
		hasTime,
		read: async (orderNumber): Promise<PaymentsAnswer> => {
			try {
				return { payments: await getOrderPayments(transport, orderNumber, ['mutations', 'order']) };
			} catch (error) {
				const { message, context } = (error ?? {}) as {
					message?: string;
					context?: { kind?: unknown };
				};
				return {
					problem: message ?? 'the payments could not be read',
					temporary: TEMPORARY.includes(String(context?.kind)),
				};
			}
		},
	};
}

/** A reader fed order numbers as they come (a page at a time), which reads them ahead and answers by number. */
export interface PaymentsAhead extends PaymentsReader {
	/** Queues these orders' reads after those already queued; each order is read once. */
	add(orderNumbers: string[]): void;
	/** Resolves once every queued read has an answer or was left (busy shop, no time left). */
	settled(): Promise<void>;
	/** Starts no new reads; resolves once those on their way have finished. */
	stop(): Promise<void>;
}

/**
 * Reads the payments of the orders added to it up to `width` at a time, in the order they were added. As with the
 * reads one after the other, a passing problem (busy or unreachable shop) starts no new reads: what was already on
 * its way finishes, and an order left unread answers with that problem. An order left because there was no time,
 * or never added, is read when asked for.
 */
export function paymentsAhead(
	reader: PaymentsReader,
	width: number = SHOP_REQUESTS_IN_PARALLEL,
): PaymentsAhead {
	const answers = new Map<string, Promise<PaymentsAnswer | undefined>>();
	const settle = new Map<string, (answer: PaymentsAnswer | undefined) => void>();
	const queue: string[] = [];
	let inFlight = 0;
	let busy: string | undefined;
	let stopped = false;
	const lanes = Math.max(1, Math.floor(width) || 1);

	const readOne = async (orderNumber: string): Promise<PaymentsAnswer | undefined> => {
		// Out of time: left unread here, so the caller defers it as it would have one after the other.
		if (!reader.hasTime()) return undefined;
		const answer = await reader.read(orderNumber);
		if ('problem' in answer && answer.temporary) busy ??= answer.problem;
		return answer;
	};
	const start = (orderNumber: string) => {
		inFlight++;
		void readOne(orderNumber)
			.catch(() => undefined)
			.then((answer) => {
				inFlight--;
				settle.get(orderNumber)?.(answer);
				pump();
			});
	};
	const pump = () => {
		if (busy !== undefined || stopped) {
			for (const orderNumber of queue.splice(0)) settle.get(orderNumber)?.(undefined);
			return;
		}
		while (inFlight < lanes && queue.length > 0) start(queue.shift() as string);
	};

	return {
		hasTime: reader.hasTime,
		add(orderNumbers) {
			for (const orderNumber of orderNumbers) {
				if (answers.has(orderNumber)) continue;
				answers.set(orderNumber, new Promise((resolve) => settle.set(orderNumber, resolve)));
				queue.push(orderNumber);
			}
			pump();
		},
		read: async (orderNumber) => {
			const answer = await answers.get(orderNumber);
			if (answer) return answer;
			if (busy !== undefined) return { problem: busy, temporary: true };
			return await reader.read(orderNumber);
		},
		answered: async (orderNumber) => await answers.get(orderNumber),
		settled: async () => {
			await Promise.all(answers.values());
		},
		stop: async () => {
			stopped = true;
			pump();
			await Promise.all(answers.values());
		},
	};
}

/**
 * Reads the payments of these orders up to `width` at a time, in order, and gives a reader that answers from
 * what was read, so the caller can still go through the orders one by one.
 */
export async function readPaymentsAhead(
	reader: PaymentsReader,
	orderNumbers: string[],
	width: number = SHOP_REQUESTS_IN_PARALLEL,
): Promise<PaymentsReader> {
	const ahead = paymentsAhead(reader, width);
	ahead.add(orderNumbers);
	await ahead.settled();
	return ahead;
}
