import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem, type ItemResult } from './runPerItem';

/**
 * Several items at once (the pause for all of them on "too many requests" is in backoff.ts).
 *
 * A real e-Boekhouden call takes 100–300 ms, so one item after the other costs calls per order × latency. The pool
 * works on up to `width` items at a time; each item makes its calls one after the other, so no more than `width`
 * requests of a node are in flight. Every guarantee of the one-at-a-time loop holds: work on one key (an e-mail
 * address, an invoice number) still waits for the item before it (EBoekhouden/booking/keyLock.ts), output items keep the input
 * order with their `pairedItem`, and errors are reported per item by the same code (runPerItem.ts).
 */

export const DEFAULT_REQUESTS_IN_PARALLEL = 8;
export const MAX_REQUESTS_IN_PARALLEL = 16;

/** The node's width: the option (read once, for the first item), whole, between 1 and the maximum. */
export function requestsInParallel(ctx: IExecuteFunctions): number {
	let raw: unknown = DEFAULT_REQUESTS_IN_PARALLEL;
	try {
		raw = ctx.getNodeParameter('options.requestsInParallel', 0, DEFAULT_REQUESTS_IN_PARALLEL);
	} catch {
		// No input items or no such option: the default.
	}
	const width = Math.floor(Number(raw));
	if (!Number.isFinite(width)) return DEFAULT_REQUESTS_IN_PARALLEL;
	return Math.min(Math.max(width, 1), MAX_REQUESTS_IN_PARALLEL);
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs `work(0..count-1)` with at most `width` running at once, started in index order. The results come back by
 * index. With `stopOnError`, nothing new starts after a failure (what is running finishes), so as with the loop
 * one item after the other, the items after a failed one are left alone; they are `undefined` in the result.
 */
export async function settleInPool<R>(
	count: number,
	width: number,
	work: (index: number) => Promise<R>,
	options: { stopOnError?: boolean } = {},
): Promise<Array<Settled<R> | undefined>> {
	const results: Array<Settled<R> | undefined> = new Array<Settled<R> | undefined>(count);
	let next = 0;
	let failed = false;
	const worker = async (): Promise<void> => {
		while (next < count && !(failed && options.stopOnError)) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await work(index) };
			} catch (error) {
				results[index] = { ok: false, error };
				failed = true;
			}
		}
	};
	const lanes = Math.min(Math.max(1, Math.floor(width) || 1), Math.max(count, 1));
	await Promise.all(Array.from({ length: lanes }, async () => await worker()));
	return results;
}

/**
 * runPerItem with up to `width` items at once (by default the node's Requests in Parallel option). The items are
 * worked on in the pool first; then runPerItem reads the results in input order, so the output, the `pairedItem`s,
 * Continue On Fail, the error output and the error that stops the node are exactly those of the one-at-a-time loop:
 * without Continue On Fail the node fails with the first failed item's error, and no item after it was started
 * after that failure.
 */
export async function runPerItemInPool(
	ctx: IExecuteFunctions,
	handle: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
	width = requestsInParallel(ctx),
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const settled = await settleInPool(
		items.length,
		width,
		async (itemIndex) => await handle(itemIndex, items[itemIndex]),
		{ stopOnError: !ctx.continueOnFail() },
	);
	return await runPerItem(ctx, async (itemIndex) => {
		const result = settled[itemIndex];
		// Not started: an earlier item failed and the node stops there (runPerItem throws before reaching this).
		if (!result)
			throw new Error(`Item ${itemIndex} was not processed after an earlier item failed`);
		if (!result.ok) throw result.error;
		return result.value;
	});
}

// The shared back-off moved to backoff.ts; re-exported here so existing imports keep working.
export { SharedBackoff, backoffFor, clearBackoffs, type Clock } from './backoff';
