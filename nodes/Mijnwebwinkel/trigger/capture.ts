import type { OrderFacts } from '../api/summary';
import type { QualifyRules } from './qualifies';
import { judgeOrder } from './qualifies';
import type { ScanContext, Seen } from './context';

/**
 * Pay later: an order counted as paid while its payment is only authorised is emitted at once (the sale is
 * invoiced), then watched, and emitted once more when the payment is captured, so the money that arrived is
 * booked then (docs/api-notes.md, Mijnwebwinkel §5.2). The booking refuses a payment already booked.
 */

const paymentStatus = (order: OrderFacts) => (order.payment_status ?? '').toLowerCase();

/** Emitted while authorised, not captured: to be watched until its capture. */
export function awaitsCapture(order: OrderFacts, rules: QualifyRules): boolean {
	return rules.acceptAuthorized && paymentStatus(order) === 'authorized';
}

/** A watched order read again: captured now (emit it again), still authorised, or no longer to watch, and why. */
export type CaptureVerdict = { captured: true } | { waiting: true } | { gone: string };

export function judgeCapture(order: OrderFacts, rules: QualifyRules): CaptureVerdict {
	const verdict = judgeOrder(order, rules);
	if (verdict === 'skip') return { gone: 'it is no longer finished' };
	const status = paymentStatus(order);
	if (verdict === 'emit' && status === 'captured') return { captured: true };
	if (verdict === 'emit' && status === 'authorized') return { waiting: true };
	return { gone: `its payment is now ${status || 'unknown'}, not captured` };
}

/** An order no longer watched for its capture, and why; the node logs these. */
export interface Unwatched {
	number: string;
	reason: string;
}

/** What reading orders told about the watched pay-later ones. */
export interface CaptureNews {
	/** Watched orders read (whatever they said). */
	watchedRead: string[];
	/** Watched orders now captured, emitted again. */
	captured: string[];
	/** Watched orders that will not be captured (cancelled, voided, …), and why. */
	unwatched: Unwatched[];
}

/** A watched order read again: its capture verdict, or undefined when it is not watched. */
export function captureOf(order: OrderFacts, context: ScanContext): CaptureVerdict | undefined {
	return context.uncaptured.has(order.number) ? judgeCapture(order, context.rules) : undefined;
}

/** Notes what a watched order said; a captured or gone one is watched no more. */
export function noteCapture(
	number: string,
	verdict: CaptureVerdict,
	context: ScanContext,
	news: CaptureNews,
): void {
	news.watchedRead.push(number);
	if ('waiting' in verdict) return;
	context.uncaptured.delete(number);
	if ('captured' in verdict) news.captured.push(number);
	else news.unwatched.push({ number, reason: verdict.gone });
}

/** Emits it: it qualifies and was not emitted yet, or it was emitted while authorised and is captured now. */
export function isDue(
	order: OrderFacts,
	verdict: string,
	context: ScanContext,
	capture: CaptureVerdict | undefined,
): boolean {
	if (verdict !== 'emit') return false;
	if (!context.emitted.has(order.number)) return true;
	return capture !== undefined && 'captured' in capture;
}

/** How an emitted order is remembered. */
export function seen(order: OrderFacts, changed: string, rules: QualifyRules): Seen {
	return awaitsCapture(order, rules)
		? { number: order.number, changed, awaitsCapture: true }
		: { number: order.number, changed };
}
