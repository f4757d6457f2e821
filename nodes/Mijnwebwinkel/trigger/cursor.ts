import { shiftShopDateTime } from '../api/dates';
import type { ScanState, TriggerState } from './state';
import { STATE_VERSION } from './state';

/**
 * Where each poll reads. Windows are open-ended ("status changed since …", no end), so an order that changes
 * while we page can only move inside the window, never out of it: paging by offset may read an order twice
 * (the emitted memory drops it) but cannot skip one.
 */

const laterOf = (a: string, b: string) => (a > b ? a : b);
const earlierOf = (a: string, b: string) => (a < b ? a : b);

/**
 * First poll. Without "Import orders since" the cursor starts now and a quiet scan of the last overlap
 * remembers what already qualified, so only orders finished after activation come out. With a date (not in
 * the future) the first scan reads from that day and emits.
 */
export function initialState(now: string, since: string, overlapMinutes: number): TriggerState {
	const importing = since !== '' && since < now;
	return {
		version: STATE_VERSION,
		cursor: now,
		since,
		scan: importing
			? newScan(since, now, false)
			: newScan(shiftShopDateTime(now, -overlapMinutes), now, true),
		emitted: [],
		unpaid: [],
		uncaptured: [],
	};
}

/** A newly set "Import orders since" date restarts the scan from that day; emitted orders stay remembered. */
export function applySince(
	state: TriggerState,
	since: string,
	now: string,
	overlapMinutes: number,
): TriggerState {
	if (since === state.since) return state;
	if (since === '' || since >= now) return { ...state, since };
	const from = earlierOf(since, state.scan?.from ?? nextWindowStart(state.cursor, overlapMinutes));
	return { ...state, since, scan: newScan(from, now, false) };
}

/** The scan this poll continues or starts. */
export function currentScan(state: TriggerState, now: string, overlapMinutes: number): ScanState {
	return state.scan ?? newScan(nextWindowStart(state.cursor, overlapMinutes), now, false);
}

export function nextWindowStart(cursor: string, overlapMinutes: number): string {
	return shiftShopDateTime(cursor, -overlapMinutes);
}

/**
 * After a complete scan the cursor moves to the time the scan began, but never more than one overlap past the
 * latest status change actually read. So the next window starts at or before that change, in the shop's own
 * clock: a wrong guess of the shop's time zone costs re-reading, never a skipped order. Nothing read: it stays.
 */
export function cursorAfterScan(cursor: string, scan: ScanState, overlapMinutes: number): string {
	if (!scan.maxSeen) return cursor;
	return laterOf(
		cursor,
		earlierOf(scan.startedAt, shiftShopDateTime(scan.maxSeen, overlapMinutes)),
	);
}

function newScan(from: string, now: string, quiet: boolean): ScanState {
	return { from, offset: 0, startedAt: now, quiet };
}
