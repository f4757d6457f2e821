import { z } from 'zod';
import type { OrderStatus } from '../api/schemas';
import type { OrderFacts } from '../api/summary';
import type { PollIo } from './poll';

/**
 * The shop's order-status table, remembered in the trigger's static data so that a poll with nothing new costs
 * one call to the shop. It is read again after STATUS_TABLE_HOURS, and at once when an order carries a status
 * the remembered table does not know (the shop owner added one).
 */

export const STATUS_TABLE_KEY = 'mijnwebwinkelStatuses';
export const STATUS_TABLE_HOURS = 24;

const storedSchema = z.object({
	readAt: z.string().datetime(),
	statuses: z.array(
		z.object({ status: z.number().int(), description: z.string(), credit_order: z.boolean() }),
	),
});

/** Thrown by a strict poll when an order's status is not in the remembered table; the poll then runs again. */
export class UnknownStatusError extends Error {
	constructor(readonly status: number) {
		super(`order status ${status} is not in the remembered status table`);
	}
}

/** The remembered table, or undefined when there is none, it is not ours, or it is older than its lifetime. */
export function rememberedStatuses(
	staticData: Record<string, unknown>,
	now: Date,
): OrderStatus[] | undefined {
	const parsed = storedSchema.safeParse(staticData[STATUS_TABLE_KEY]);
	if (!parsed.success) return undefined;
	const age = now.getTime() - Date.parse(parsed.data.readAt);
	if (age < 0 || age >= STATUS_TABLE_HOURS * 3_600_000) return undefined;
	return parsed.data.statuses;
}

/** Stores only what the rules are resolved from, as a new object (n8n saves static data it sees changed). */
export function rememberStatuses(
	staticData: Record<string, unknown>,
	statuses: OrderStatus[],
	now: Date,
): void {
	staticData[STATUS_TABLE_KEY] = {
		readAt: now.toISOString(),
		statuses: statuses.map(({ status, description, credit_order }) => ({
			status,
			description,
			credit_order,
		})),
	};
}

/** The same I/O, refusing to judge an order whose status the table does not know. */
export function strictAbout(io: PollIo, statuses: OrderStatus[]): PollIo {
	const known = new Set(statuses.map(({ status }) => status));
	return {
		...io,
		summarise: (raw: unknown): OrderFacts => {
			const facts = io.summarise(raw);
			if (facts.status !== undefined && !known.has(facts.status))
				throw new UnknownStatusError(facts.status);
			return facts;
		},
	};
}

/**
 * Runs `poll` with the remembered table (strict about unknown statuses), or with a freshly read one; an unknown
 * status read with the remembered table reads the table again and runs the poll once more, not strict.
 */
export async function withStatusTable<T>(
	staticData: Record<string, unknown>,
	now: Date,
	read: () => Promise<OrderStatus[]>,
	poll: (statuses: OrderStatus[], strict: boolean) => Promise<T>,
): Promise<T> {
	const remembered = rememberedStatuses(staticData, now);
	if (remembered) {
		const attempt = await poll(remembered, true).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('value' in attempt) return attempt.value;
		// Any other error goes on as the poll raised it (already a node error, tokens redacted).
		if (!(attempt.error instanceof UnknownStatusError)) return await Promise.reject(attempt.error);
	}
	const statuses = await read();
	const result = await poll(statuses, false);
	// Remembered only after a poll that went through: a failed one (a wrong token) reads the table again next time.
	rememberStatuses(staticData, statuses, now);
	return result;
}
