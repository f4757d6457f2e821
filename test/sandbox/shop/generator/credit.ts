/**
 * Credit orders (returns): a separate order with its own number, status 10, `credited_order_number` pointing
 * at the original and no payment data (docs/api-notes.md, Mijnwebwinkel §8, §5.2). The sign of credit amounts
 * is not documented; the sandbox writes them negative, with positive quantities, as a credit invoice has them.
 */
import type { LineDraft } from './lines';
import { STATUS, type OrderPlan } from './plan';
import type { Random } from './random';

function negate(line: LineDraft): LineDraft {
	return { ...line, parts: line.parts.map((part) => ({ rate: part.rate, cents: -part.cents })) };
}

/** Originals that may still get a credit order placed at `placedAt`. */
export function canBeCredited(plan: OrderPlan, placedAt: Date): boolean {
	return (
		(plan.lifecycle === 'finishedPaid' || plan.lifecycle === 'pickedUp') &&
		plan.creditNumbers.length === 0 &&
		plan.changedAt.getTime() < placedAt.getTime()
	);
}

export function creditPlan(
	random: Random,
	original: OrderPlan,
	placedAt: Date,
	number: number,
): OrderPlan {
	const articles = original.lines.filter((line) => line.type === 'article');
	const full = articles.length === 1 || random.chance(0.6);
	const lines = full ? original.lines.map(negate) : [negate(random.pick(articles))];
	original.creditNumbers = [number];
	return {
		...original,
		number,
		uuid: random.uuid(),
		lifecycle: 'credit',
		status: STATUS.credited,
		placedAt,
		changedAt: placedAt,
		lines,
		discountcode: undefined,
		method: undefined,
		paymentStatus: undefined,
		archived: false,
		creditOf: original.number,
		creditNumbers: [],
		reference: undefined,
		comment: undefined,
	};
}
