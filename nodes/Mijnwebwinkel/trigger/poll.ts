import { addDays, shiftShopDateTime, toShopDateTime } from '../api/dates';
import type { Unwatched } from './capture';
import { applySince, currentScan, cursorAfterScan, initialState, nextWindowStart } from './cursor';
import type { DeferredOrder, PaymentsReader } from './payments';
import { readPaymentsAhead } from '../api/paymentsReader';
import { carryPayments, hasTransactions } from './payments';
import {
	forgetUnpaid,
	noteAwaitingPayment,
	noteRetry,
	pruneEmitted,
	rememberEmitted,
} from './memory';
import type { QualifyRules } from './qualifies';
import { RECHECK_INTERVAL_MINUTES, recheckUnpaid } from './recheck';
import type { Seen } from './context';
import type { ScanIo } from './scan';
import { runScan } from './scan';
import type { TriggerState } from './state';
import { STATE_VERSION } from './state';
import { trimWatched, watchForCapture } from './watch';

export interface PollSettings {
	/** "Import orders since" as `yyyy-mm-dd 00:00:00`, or '' for none. */
	since: string;
	overlapMinutes: number;
	maxOrdersPerPoll: number;
	recheckDays: number;
	includeTestOrders: boolean;
}

export interface PollIo extends ScanIo {
	now(): Date;
	/** Set when each emitted order is to carry its transactions (`order.payments`). */
	payments?: PaymentsReader;
}

export interface PollResult {
	output: unknown[];
	state: TriggerState;
	/** Orders not emitted because their payments could not be read now; they are re-checked like unpaid ones. */
	deferred: DeferredOrder[];
	/** Pay-later orders emitted while authorised that are no longer watched for their capture, and why. */
	unwatched: Unwatched[];
}

/**
 * One poll, from the stored state to the orders to emit and the state to store. No n8n in here:
 * the node supplies the I/O and writes the returned state as its last step.
 */
export async function runPoll(
	previous: TriggerState | undefined,
	settings: PollSettings,
	rules: QualifyRules,
	io: PollIo,
): Promise<PollResult> {
	const now = toShopDateTime(io.now());
	const { overlapMinutes } = settings;
	const state = previous
		? applySince(previous, settings.since, now, overlapMinutes)
		: initialState(now, settings.since, overlapMinutes);
	const emitted = new Set(state.emitted.map(([number]) => number));
	const context = {
		rules,
		includeTestOrders: settings.includeTestOrders,
		emitted,
		room: settings.maxOrdersPerPoll,
		uncaptured: new Set(state.uncaptured.map(([number]) => number)),
	};

	const scan = await runScan(io, currentScan(state, now, overlapMinutes), context, now);
	let output = scan.output;
	let newlyEmitted: Seen[] = scan.emitted;
	// Orders a quiet scan remembers were never emitted, so their capture is not awaited either.
	let toWatch = scan.scan.quiet ? [] : scan.emitted;
	let captured = scan.captured;
	let unwatched = scan.unwatched;
	let unpaid = noteAwaitingPayment(
		forgetUnpaid(state.unpaid, scan.settled),
		scan.awaitingPayment,
		settings.recheckDays,
		now.slice(0, 10),
	);
	const cursor = scan.complete
		? cursorAfterScan(state.cursor, scan.scan, overlapMinutes)
		: state.cursor;

	let { recheck, recheckedAt } = state;
	const room = settings.maxOrdersPerPoll - output.length;
	const justRead = new Set([
		...scan.awaitingPayment.map(({ number }) => number),
		...scan.watchedRead,
	]);
	const toRecheck = unpaid.filter(([number]) => !justRead.has(number));
	const watching = state.uncaptured.filter(
		([number]) => context.uncaptured.has(number) && !justRead.has(number),
	);
	const due =
		recheck !== undefined ||
		!recheckedAt ||
		now >= shiftShopDateTime(recheckedAt, RECHECK_INTERVAL_MINUTES);
	if (toRecheck.length + watching.length === 0) recheck = undefined;
	else if (scan.complete && room > 0 && due) {
		const result = await recheckUnpaid(
			io,
			[...toRecheck, ...watching],
			new Set(toRecheck.map(([number]) => number)),
			{ ...context, room },
			recheck,
		);
		output = [...output, ...result.output];
		newlyEmitted = [...newlyEmitted, ...result.emitted];
		toWatch = [...toWatch, ...result.emitted];
		captured = [...captured, ...result.captured];
		unwatched = [...unwatched, ...result.unwatched];
		unpaid = forgetUnpaid(unpaid, result.settled);
		recheck = result.sweep;
		if (!recheck) recheckedAt = now;
	}

	let deferred: DeferredOrder[] = [];
	const later = new Set<string>();
	if (io.payments) {
		const toRead = output
			.map((order) => io.summarise(order))
			.filter((facts) => hasTransactions(facts, rules.credit))
			.map((facts) => facts.number);
		const reader = await readPaymentsAhead(io.payments, toRead);
		const carried = await carryPayments(output, io.summarise, reader, rules.credit);
		output = carried.output;
		deferred = carried.deferred;
		for (const { number } of deferred) later.add(number);
		// A captured order whose payments could not be read stays watched: it is emitted again once they can be.
		const recaptured = new Set(captured);
		const waiting = newlyEmitted.filter(
			({ number }) => later.has(number) && !recaptured.has(number),
		);
		newlyEmitted = newlyEmitted.filter(({ number }) => !later.has(number));
		const today = now.slice(0, 10);
		unpaid = noteRetry(unpaid, waiting, addDays(today, Math.max(1, settings.recheckDays)), today);
	}
	const watched = trimWatched(
		watchForCapture(
			state.uncaptured.filter(([number]) => context.uncaptured.has(number) || later.has(number)),
			toWatch.filter((order) => order.awaitsCapture && !later.has(order.number)),
		),
		now.slice(0, 10),
	);

	const next: TriggerState = {
		version: STATE_VERSION,
		cursor,
		since: state.since,
		...(scan.complete ? {} : { scan: scan.scan }),
		emitted: pruneEmitted(
			rememberEmitted(
				state.emitted,
				newlyEmitted.map(({ number, changed }) => [number, changed]),
			),
			nextWindowStart(cursor, overlapMinutes),
		),
		unpaid,
		uncaptured: watched.kept,
		...(recheck ? { recheck } : {}),
		...(recheckedAt ? { recheckedAt } : {}),
	};
	return { output, state: next, deferred, unwatched: [...unwatched, ...watched.dropped] };
}
