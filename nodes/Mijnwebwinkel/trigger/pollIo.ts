import type { IPollFunctions, Logger } from 'n8n-workflow';
import { fetchOrdersPage } from '../api/client';
import { readOrderFacts } from '../api/summary';
import type { MijnwebwinkelTransport } from '../api/transport';
import type { PollIo, PollResult } from './poll';
import { createPaymentsReader } from '../api/paymentsReader';

/** A poll reads at most this many pages of 100 orders, however large the backlog. */
export const MAX_PAGES_PER_POLL = 40;
/** n8n 1.x has no poll budget; assume the 2.x default. */
export const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;
/** Stop fetching once this share of the budget is spent, leaving time to emit what was found. */
export const POLL_BUDGET_SHARE = 0.6;
/** Reading the emitted orders' payments (one call each) may go on until this share of the budget. */
export const PAYMENTS_BUDGET_SHARE = 0.85;

export function createPollIo(
	context: IPollFunctions,
	transport: MijnwebwinkelTransport,
	options: { includePayments: boolean } = { includePayments: false },
): PollIo {
	const budget =
		typeof context.getPollBudgetMs === 'function'
			? context.getPollBudgetMs()
			: DEFAULT_POLL_BUDGET_MS;
	const startedAt = Date.now();
	const usable = budget > 0 ? budget : DEFAULT_POLL_BUDGET_MS;
	const stopAt = startedAt + usable * POLL_BUDGET_SHARE;
	const paymentsStopAt = startedAt + usable * PAYMENTS_BUDGET_SHARE;
	let pages = 0;
	return {
		fetchPage: async (filters, offset, limit) =>
			await fetchOrdersPage(transport, filters, { offset, limit }),
		summarise: readOrderFacts,
		mayFetch: () => pages < MAX_PAGES_PER_POLL && Date.now() < stopAt,
		notePageFetched: () => {
			pages++;
		},
		now: () => new Date(),
		...(options.includePayments
			? { payments: createPaymentsReader(transport, () => Date.now() < paymentsStopAt) }
			: {}),
	};
}

/** Says what a poll left for later or stopped watching, so the user can act on it. */
export function reportPoll(logger: Logger, { deferred, unwatched }: PollResult): void {
	if (deferred.length > 0) {
		const numbers = deferred.map(({ number }) => number).join(', ');
		logger.warn(
			`Mijnwebwinkel Trigger: the payments of ${deferred.length} order(s) could not be read (${deferred[0].problem}); they are emitted on a later poll: ${numbers}`,
		);
	}
	for (const { number, reason } of unwatched) {
		logger.warn(
			`Mijnwebwinkel Trigger: order ${number} was emitted while its pay-later payment was authorised, and is no longer watched for its capture: ${reason}. Check its payment in e-Boekhouden (book it by hand if the money arrives later).`,
		);
	}
}
