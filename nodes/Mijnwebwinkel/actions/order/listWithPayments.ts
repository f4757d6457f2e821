import type { PaymentsAhead } from '../../api/paymentsReader';
import { readOrderFacts } from '../../api/summary';
import { carryPayments, numbersToRead } from '../../trigger/payments';
import type { OrderJudge } from './finishedAndPaidJudge';

/** What a number-less order (neither number nor uuid) is named; such orders are never taken for one another. */
const NO_NUMBER = '(unknown)';

/**
 * Goes through the listed pages one at a time and keeps what `judge` lets through, up to `limit`, in the shop's
 * order, each order once: an order entering the list while it is paged (finished into a status-changed window,
 * placed while listing newest first) shifts the offsets, so the order at a page boundary comes again. With
 * `payments`, the kept orders of a page start having their payments read at once, while the next page is
 * fetched; at the end each order carries them, or `paymentsError` when they could not be read.
 */
export async function listWithPayments(
	pages: AsyncIterable<unknown[]>,
	judge: OrderJudge,
	limit: number,
	payments?: PaymentsAhead,
): Promise<unknown[]> {
	const orders: unknown[] = [];
	const seen = new Set<string>();
	const firstTime = (order: unknown) => {
		const { number } = readOrderFacts(order);
		if (number === NO_NUMBER) return true;
		if (seen.has(number)) return false;
		seen.add(number);
		return true;
	};
	let listed = false;
	try {
		for await (const page of pages) {
			const kept = (await judge.page(page)).filter(firstTime).slice(0, limit - orders.length);
			orders.push(...kept);
			payments?.add(numbersToRead(kept, readOrderFacts, judge.credit()));
			if (orders.length >= limit) break;
		}
		listed = true;
	} finally {
		// The node fails: no read of this run may still be at the shop afterwards.
		if (!listed) await payments?.stop();
	}
	if (!payments) return orders;
	await payments.settled();
	const carried = await carryPayments(orders, readOrderFacts, payments, judge.credit(), {
		defer: false,
	});
	return carried.output;
}
