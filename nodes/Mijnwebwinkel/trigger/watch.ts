import { addDays } from '../api/dates';
import type { Unwatched } from './capture';
import type { UnpaidEntry } from './state';
import { CAPTURE_WATCH_DAYS, UNCAPTURED_MAX } from './state';

/**
 * The list of pay-later orders emitted while authorised, watched until captured. Bounded in time and size; an
 * order that leaves it without its capture is named with the reason, so the user can book that payment by hand.
 */

/** Notes orders emitted while authorised; an order keeps its first deadline. */
export function watchForCapture(
	list: UnpaidEntry[],
	orders: Array<{ number: string; changed: string }>,
): UnpaidEntry[] {
	const known = new Map(list.map((entry) => [entry[0], entry]));
	for (const { number, changed } of orders) {
		const until = known.get(number)?.[2] ?? addDays(changed.slice(0, 10), CAPTURE_WATCH_DAYS);
		known.set(number, [number, changed, until]);
	}
	return [...known.values()];
}

/** Drops the orders past their deadline and, over UNCAPTURED_MAX, the ones expiring first; names each dropped. */
export function trimWatched(
	list: UnpaidEntry[],
	today: string,
): { kept: UnpaidEntry[]; dropped: Unwatched[] } {
	const dropped: Unwatched[] = [];
	const live = list.filter(([number, , until]) => {
		if (until >= today) return true;
		dropped.push({
			number,
			reason: `still only authorised after ${CAPTURE_WATCH_DAYS} days`,
		});
		return false;
	});
	const newestFirst = [...live].sort((a, b) => (a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : 0));
	for (const [number] of newestFirst.slice(UNCAPTURED_MAX)) {
		dropped.push({
			number,
			reason: `more than ${UNCAPTURED_MAX} pay-later orders wait for their capture`,
		});
	}
	const kept = newestFirst
		.slice(0, UNCAPTURED_MAX)
		.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
	return { kept, dropped };
}
