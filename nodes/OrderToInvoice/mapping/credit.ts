import type { RatedPart } from './discounts';

/** The original order of a credit order, or null for a sale (docs/api-notes.md, Mijnwebwinkel §8). */
export function creditedOrderNumber(value: string | number | null | undefined): string | null {
	const number = String(value ?? '').trim();
	return number === '' || number === '0' ? null : number;
}

/**
 * Credit orders are negative in the books whatever sign the shop used: the sign of Mijnwebwinkel's credit
 * lines is unknown (docs/api-notes.md, Mijnwebwinkel §8) and its credit POST takes positive quantities. Lines keep their
 * signs relative to each other, so a returned discount share turns positive.
 */
export function asCredit(parts: RatedPart[], totalCents: number) {
	const sign = parts.reduce((sum, part) => sum + part.cents, 0) > 0 ? -1 : 1;
	return {
		parts: parts.map((part) => ({ ...part, cents: part.cents * sign || 0 })),
		total: -Math.abs(totalCents),
	};
}
