import { settleInPool } from '../../shared/pool';
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

class TemporaryProblem extends Error {}

/**
 * Reads the payments of these orders up to `width` at a time, in order, and gives a reader that answers from
 * what was read, so the caller can still go through the orders one by one. As with the reads one after the other,
 * a passing problem (busy or unreachable shop) starts no new reads; what was already on its way finishes.
 */
export async function readPaymentsAhead(
	reader: PaymentsReader,
	orderNumbers: string[],
	width: number = SHOP_REQUESTS_IN_PARALLEL,
): Promise<PaymentsReader> {
	const numbers = [...new Set(orderNumbers)];
	const answers = new Map<string, PaymentsAnswer>();
	await settleInPool(
		numbers.length,
		width,
		async (index) => {
			// Out of time: left unread here, so the caller defers it as it would have one after the other.
			if (!reader.hasTime()) return;
			const answer = await reader.read(numbers[index]);
			answers.set(numbers[index], answer);
			if ('problem' in answer && answer.temporary) throw new TemporaryProblem(answer.problem);
		},
		{ stopOnError: true },
	);
	return {
		hasTime: reader.hasTime,
		read: async (orderNumber) => answers.get(orderNumber) ?? (await reader.read(orderNumber)),
	};
}
