/**
 * The default mix: how often each kind of order occurs. Above `QUOTA_FROM_COUNT` orders every kind gets
 * at least one, so a 200-order seed always holds every case a test may look for.
 */
import type { TaxSituation } from './customers';
import type { Lifecycle } from './plan';
import type { Random } from './random';

const QUOTA_FROM_COUNT = 25;

export const LIFECYCLE_SHARES: ReadonlyArray<readonly [Lifecycle, number]> = [
	['pickedUp', 0.05],
	['finishedUnpaid', 0.04],
	['paid', 0.08],
	['shipped', 0.07],
	['unpaid', 0.08],
	['cancelled', 0.06],
	['credit', 0.04],
	['test', 0.03],
	['legacy', 0.04],
	['zeroTotal', 0.02],
];

export function situationShares(
	includeOss: boolean,
): ReadonlyArray<readonly [TaxSituation, number]> {
	const shares: Array<readonly [TaxSituation, number]> = [
		['domesticB2B', 0.08],
		['reverseCharge', 0.06],
		['export', 0.06],
	];
	return includeOss ? [...shares, ['oss', 0.06]] : shares;
}

/** `count` values in random order: each share's quota (at least one), the rest `rest`. */
export function deal<T>(
	random: Random,
	count: number,
	shares: ReadonlyArray<readonly [T, number]>,
	rest: T,
): T[] {
	if (count < QUOTA_FROM_COUNT) {
		const restShare = 1 - shares.reduce((sum, [, share]) => sum + share, 0);
		return Array.from({ length: count }, () => random.weighted([...shares, [rest, restShare]]));
	}
	const cards = shares.flatMap(([value, share]) =>
		Array<T>(Math.max(1, Math.round(share * count))).fill(value),
	);
	while (cards.length < count) cards.push(rest);
	return random.shuffle(cards.slice(0, count));
}
