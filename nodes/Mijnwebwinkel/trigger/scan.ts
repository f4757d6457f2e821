import type { OrderFilters } from '../api/client';
import { PAGE_SIZE_MAX } from '../api/client';
import type { OrderFacts } from '../api/summary';
import type { CaptureNews } from './capture';
import { captureOf, isDue, noteCapture, seen } from './capture';
import { judgeOrder } from './qualifies';
import type { ScanContext, Seen } from './context';
import type { ScanState } from './state';

/** The I/O a scan needs, supplied by the node (or by a test). */
export interface ScanIo {
	fetchPage(filters: OrderFilters, offset: number, limit: number): Promise<unknown[]>;
	/** Reads the fields an order is judged by; never throws (unreadable fields are named in the result). */
	summarise(raw: unknown): OrderFacts;
	/** False once the poll should stop reading (page cap or n8n's poll budget). */
	mayFetch(): boolean;
	notePageFetched(): void;
}

export interface ScanResult extends CaptureNews {
	scan: ScanState;
	complete: boolean;
	output: unknown[];
	/** Emitted now, or remembered without emitting in a quiet scan. */
	emitted: Seen[];
	awaitingPayment: Seen[];
	/** Read and no longer waiting for payment (emitted, cancelled, moved on). */
	settled: string[];
}

export function statusChangedAt(order: OrderFacts): string | undefined {
	if (!order.status_changed_date) return undefined;
	const time = order.status_changed_time ?? '00:00:00';
	return `${order.status_changed_date} ${time.length === 5 ? `${time}:00` : time}`;
}

/**
 * Reads the window "status changed since scan.from" page by page, ascending by order number, from the saved
 * offset, until a short page (complete), or until the poll must stop fetching, or an order qualifies that this
 * poll has no room for (the offset then points at it, so the next poll starts there).
 */
export async function runScan(
	io: ScanIo,
	start: ScanState,
	context: ScanContext,
	now: string,
): Promise<ScanResult> {
	const scan = { ...start };
	const result: ScanResult = {
		scan,
		complete: false,
		output: [],
		emitted: [],
		awaitingPayment: [],
		settled: [],
		watchedRead: [],
		captured: [],
		unwatched: [],
	};
	const filters: OrderFilters = {
		statusChangedStartDate: scan.from,
		ordering: 'asc',
		includeTest: context.includeTestOrders,
	};
	let room = context.room;
	while ((scan.quiet || room > 0) && io.mayFetch()) {
		const page = await io.fetchPage(filters, scan.offset, PAGE_SIZE_MAX);
		io.notePageFetched();
		for (let index = 0; index < page.length; index++) {
			const raw = page[index];
			const order = io.summarise(raw);
			const verdict = judgeOrder(order, context.rules);
			const capture = captureOf(order, context);
			const fresh = isDue(order, verdict, context, capture);
			if (fresh && !scan.quiet && room === 0) {
				scan.offset += index;
				return result;
			}
			if (capture) noteCapture(order.number, capture, context, result);
			const changedAt = statusChangedAt(order);
			if (changedAt && (!scan.maxSeen || changedAt > scan.maxSeen)) scan.maxSeen = changedAt;
			const changed = changedAt ?? now;
			if (verdict === 'awaitingPayment') {
				result.awaitingPayment.push({ number: order.number, changed });
				continue;
			}
			result.settled.push(order.number);
			if (!fresh) continue;
			context.emitted.add(order.number);
			result.emitted.push(seen(order, changed, context.rules));
			if (!scan.quiet) {
				result.output.push(raw);
				room--;
			}
		}
		scan.offset += page.length;
		if (page.length < PAGE_SIZE_MAX) {
			result.complete = true;
			break;
		}
	}
	return result;
}
