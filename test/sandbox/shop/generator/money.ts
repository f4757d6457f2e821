/**
 * Amounts in the shapes Mijnwebwinkel sends (docs/api-notes.md, Mijnwebwinkel §7.1): `amount` excl. VAT with
 * 6 decimals, `amount_including_tax` with exactly 2. Everything is computed in whole cents or micro-euros.
 */
const MICROS_PER_CENT = 10_000;

function signed(value: number, format: (absolute: number) => string): string {
	return `${value < 0 ? '-' : ''}${format(Math.abs(value))}`;
}

export function formatCents(cents: number): string {
	return signed(cents, (abs) => `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

export function formatMicros(micros: number): string {
	return signed(
		micros,
		(abs) => `${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, '0')}`,
	);
}

/** A VAT percentage as the shop writes it: "21.00", "9.00", "5.50", "0.00". */
export function formatRate(rate: number): string {
	return rate.toFixed(2);
}

/** Rounds half away from zero, so a credit is the exact mirror of the sale. */
export function roundHalfAway(value: number): number {
	return Math.sign(value) * Math.round(Math.abs(value));
}

/** The amount excl. VAT, in micro-euros, of an amount incl. VAT in cents. */
export function exclusiveMicros(inclusiveCents: number, rate: number): number {
	const rateHundredths = Math.round(rate * 100);
	return roundHalfAway((inclusiveCents * MICROS_PER_CENT * 10_000) / (10_000 + rateHundredths));
}

/** The amount incl. VAT, in cents, of an amount excl. VAT in micro-euros. */
export function inclusiveCents(exclusive: number, rate: number): number {
	const rateHundredths = Math.round(rate * 100);
	return roundHalfAway((exclusive * (10_000 + rateHundredths)) / 10_000 / MICROS_PER_CENT);
}

/** Micro-euros of a decimal string or number ("47.450000", "-0.83", 12.5); NaN when it is not an amount. */
export function parseMicros(value: unknown): number {
	const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(String(value).trim());
	if (!match) return Number.NaN;
	const micros = Number(match[2]) * 1_000_000 + Number((match[3] ?? '').padEnd(6, '0'));
	return match[1] ? -micros : micros;
}

/** Whole cents of an amount, rounded half away from zero. */
export function parseCents(value: unknown): number {
	return roundHalfAway(parseMicros(value) / MICROS_PER_CENT);
}

/** Splits `total` cents over `weights` so the shares always add up to `total` (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	if (weightSum === 0) return weights.map((_, index) => (index === 0 ? total : 0));
	const magnitude = Math.abs(total);
	const exact = weights.map((weight) => (magnitude * weight) / weightSum);
	const shares = exact.map(Math.floor);
	let left = magnitude - shares.reduce((sum, share) => sum + share, 0);
	const byRemainder = exact
		.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const { index } of byRemainder) {
		if (left === 0) break;
		shares[index] += 1;
		left -= 1;
	}
	return shares.map((share) => Math.sign(total) * share);
}
