import { PAGE_SIZE_MAX } from '../api/client';
import { carryPayments } from './payments';
import type { PollIo } from './poll';
import type { QualifyRules } from './qualifies';
import { judgeOrder } from './qualifies';

/** "Fetch Test Event" shows at most this many of the newest matching orders… */
export const SAMPLE_SIZE = 5;
/** …found among the newest SAMPLE_MAX_PAGES × 100 orders. */
export const SAMPLE_MAX_PAGES = 3;

/**
 * The newest orders that would be emitted, newest first, with their payments when the poll carries them
 * (one whose payments cannot be read shows `paymentsError`). Reads no state and writes none.
 */
export async function sampleNewest(
	io: PollIo,
	rules: QualifyRules,
	includeTestOrders: boolean,
): Promise<unknown[]> {
	const found: unknown[] = [];
	for (let page = 0; page < SAMPLE_MAX_PAGES && found.length < SAMPLE_SIZE; page++) {
		const orders = await io.fetchPage(
			{ ordering: 'desc', includeTest: includeTestOrders },
			page * PAGE_SIZE_MAX,
			PAGE_SIZE_MAX,
		);
		for (const raw of orders) {
			if (found.length < SAMPLE_SIZE && judgeOrder(io.summarise(raw), rules) === 'emit')
				found.push(raw);
		}
		if (orders.length < PAGE_SIZE_MAX) break;
	}
	if (!io.payments) return found;
	const carried = await carryPayments(found, io.summarise, io.payments, rules.credit, {
		defer: false,
	});
	return carried.output;
}
