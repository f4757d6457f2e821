import type { OrderFilters } from '../api/client';
import { PAGE_SIZE_MAX } from '../api/client';
import type { CaptureNews } from './capture';
import { captureOf, isDue, noteCapture, seen } from './capture';
import { recheckWindows } from './memory';
import { judgeOrder } from './qualifies';
import type { ScanContext, Seen } from './context';
import type { ScanIo } from './scan';
import { statusChangedAt } from './scan';
import type { TriggerState, UnpaidEntry } from './state';

/** The unpaid orders are grouped into at most this many status-change windows (split at the widest gaps)… */
export const RECHECK_MAX_WINDOWS = 5;
/** …read at most this many pages per poll; a longer sweep carries on in the next polls… */
export const RECHECK_MAX_PAGES = 5;
/** …and a new sweep starts at most once an hour. */
export const RECHECK_INTERVAL_MINUTES = 60;

export type RecheckSweep = NonNullable<TriggerState['recheck']>;

export interface RecheckResult extends CaptureNews {
	output: unknown[];
	emitted: Seen[];
	/** Unpaid orders no longer waiting: paid (emitted) or no longer finished. */
	settled: string[];
	/** Where the sweep stopped, or undefined when it went through every window. */
	sweep?: RecheckSweep;
}

/**
 * A payment can arrive without a status change, so the incremental window never shows it (docs/api-notes.md, Mijnwebwinkel §4.3).
 * Re-reads the unpaid orders, and the pay-later ones watched for their capture (`context.uncaptured`), through a few status-change windows around them, not one call per order, and
 * sweeps a large window over several polls. A window is closed at both ends, so an order changing meanwhile
 * can shift the paging; it is then in the incremental window (its status changed) or in the next sweep.
 */
export async function recheckUnpaid(
	io: ScanIo,
	entries: UnpaidEntry[],
	unpaid: Set<string>,
	context: ScanContext,
	resume?: RecheckSweep,
): Promise<RecheckResult> {
	const result: RecheckResult = {
		output: [],
		emitted: [],
		settled: [],
		watchedRead: [],
		captured: [],
		unwatched: [],
	};
	const waiting = new Set(unpaid);
	const windows = recheckWindows(entries, RECHECK_MAX_WINDOWS);
	let index = resume ? windows.findIndex((window) => window.to >= resume.from) : 0;
	if (index < 0) return result;
	let offset = resume && windows[index].from === resume.from ? resume.offset : 0;
	let room = context.room;
	for (let pages = 0; index < windows.length; pages++) {
		if (pages === RECHECK_MAX_PAGES || !io.mayFetch()) {
			result.sweep = { from: windows[index].from, offset };
			return result;
		}
		const window = windows[index];
		const filters: OrderFilters = {
			statusChangedStartDate: window.from,
			statusChangedEndDate: window.to,
			ordering: 'asc',
			includeTest: context.includeTestOrders,
		};
		const page = await io.fetchPage(filters, offset, PAGE_SIZE_MAX);
		io.notePageFetched();
		for (const raw of page) {
			const order = io.summarise(raw);
			const capture = captureOf(order, context);
			if (!waiting.has(order.number) && !capture) continue;
			const verdict = judgeOrder(order, context.rules);
			const due = isDue(order, verdict, context, capture);
			if (due && room === 0) {
				result.sweep = { from: window.from, offset };
				return result;
			}
			if (capture) noteCapture(order.number, capture, context, result);
			if (verdict !== 'awaitingPayment' && waiting.delete(order.number))
				result.settled.push(order.number);
			if (!due) continue;
			context.emitted.add(order.number);
			result.emitted.push(seen(order, statusChangedAt(order) ?? window.to, context.rules));
			result.output.push(raw);
			room--;
		}
		if (page.length < PAGE_SIZE_MAX) {
			index++;
			offset = 0;
		} else {
			offset += page.length;
		}
	}
	return result;
}
