import type { EmittedEntry, UnpaidEntry } from './state';
import { EMITTED_KEEP_RECENT, EMITTED_MAX, UNPAID_MAX } from './state';
import { addDays } from '../api/dates';

/** Appends newly emitted orders (oldest first); an order already listed moves to the end. */
export function rememberEmitted(list: EmittedEntry[], added: EmittedEntry[]): EmittedEntry[] {
	const numbers = new Set(added.map(([number]) => number));
	return [...list.filter(([number]) => !numbers.has(number)), ...added];
}

/**
 * Keeps the newest emitted orders plus every one whose status change lies inside the next window
 * (they are the ones the next poll reads again), never more than EMITTED_MAX.
 */
export function pruneEmitted(list: EmittedEntry[], windowStart: string): EmittedEntry[] {
	const recentFrom = Math.max(0, list.length - EMITTED_KEEP_RECENT);
	const kept = list.filter(([, changed], index) => index >= recentFrom || changed >= windowStart);
	return kept.slice(-EMITTED_MAX);
}

/** Notes finished-but-unpaid orders; an order keeps its first deadline. Those past the deadline are not kept. */
export function noteAwaitingPayment(
	list: UnpaidEntry[],
	orders: Array<{ number: string; changed: string }>,
	recheckDays: number,
	today: string,
): UnpaidEntry[] {
	const known = new Map(list.map((entry) => [entry[0], entry]));
	for (const { number, changed } of orders) {
		const until = known.get(number)?.[2] ?? addDays(changed.slice(0, 10), recheckDays);
		known.set(number, [number, changed, until]);
	}
	return trimUnpaid([...known.values()], today);
}

/** Notes orders to read again until `until` (yyyy-mm-dd), whatever their status change; a later deadline wins. */
export function noteRetry(
	list: UnpaidEntry[],
	orders: Array<{ number: string; changed: string }>,
	until: string,
	today: string,
): UnpaidEntry[] {
	const known = new Map(list.map((entry) => [entry[0], entry]));
	for (const { number, changed } of orders) {
		const previous = known.get(number)?.[2];
		known.set(number, [number, changed, previous && previous > until ? previous : until]);
	}
	return trimUnpaid([...known.values()], today);
}

export function forgetUnpaid(list: UnpaidEntry[], numbers: Iterable<string>): UnpaidEntry[] {
	const gone = new Set(numbers);
	return list.filter(([number]) => !gone.has(number));
}

/** Drops expired entries; over UNPAID_MAX, the ones expiring first go. Sorted by status change. */
export function trimUnpaid(list: UnpaidEntry[], today: string): UnpaidEntry[] {
	const live = list.filter(([, , until]) => until >= today);
	const newestFirst = [...live]
		.sort((a, b) => (a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : 0))
		.slice(0, UNPAID_MAX);
	return newestFirst.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/**
 * Groups unpaid orders into at most `maxWindows` status-change windows, split at the widest gaps, so a few
 * list queries re-check them all (a payment can arrive without a status change; docs/api-notes.md, Mijnwebwinkel §4.3).
 */
export function recheckWindows(
	list: UnpaidEntry[],
	maxWindows: number,
): Array<{ from: string; to: string }> {
	const times = [...new Set(list.map(([, changed]) => changed))].sort();
	if (times.length === 0) return [];
	const gaps = times
		.slice(1)
		.map((time, index) => ({ index: index + 1, width: toMs(time) - toMs(times[index]) }))
		.sort((a, b) => b.width - a.width)
		.slice(0, Math.max(0, maxWindows - 1))
		.map((gap) => gap.index)
		.sort((a, b) => a - b);
	const starts = [0, ...gaps];
	return starts.map((start, index) => ({
		from: times[start],
		to: times[(starts[index + 1] ?? times.length) - 1],
	}));
}

function toMs(shopDateTime: string): number {
	return Date.parse(`${shopDateTime.replace(' ', 'T')}Z`);
}
