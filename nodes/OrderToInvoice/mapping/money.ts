/**
 * Money in integer cents, never floats. Decimal strings are read digit by digit; products that could
 * pass 2^53 use BigInt. Rounding is half up, away from zero (commercial rounding), so a credit rounds
 * exactly like the sale it reverses.
 */

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d*))?$/;
const MAX_WHOLE_DIGITS = 13;

interface Decimal {
	negative: boolean;
	whole: string;
	fraction: string;
}

function readDecimal(text: string): Decimal | undefined {
	const match = DECIMAL.exec(text.trim());
	if (!match || match[2].length > MAX_WHOLE_DIGITS) return undefined;
	return { negative: match[1] === '-', whole: match[2], fraction: match[3] ?? '' };
}

function signed(value: number, negative: boolean): number {
	return negative && value !== 0 ? -value : value;
}

/** `"47.450000"` → 4745; rounds half up at the third decimal; undefined when not a decimal amount. */
export function toCents(text: string): number | undefined {
	const decimal = readDecimal(text);
	if (!decimal) return undefined;
	const digits = `${decimal.fraction}000`;
	let cents = Number(decimal.whole) * 100 + Number(digits.slice(0, 2));
	if (digits[2] >= '5') cents += 1;
	return signed(cents, decimal.negative);
}

/** A VAT rate in hundredths of a percent: `"21.00"` → 2100, `"5.5"` → 550; undefined when not exact. */
export function toBasisPoints(text: string): number | undefined {
	const decimal = readDecimal(text);
	if (!decimal || decimal.negative || /[1-9]/.test(decimal.fraction.slice(2))) return undefined;
	return Number(decimal.whole) * 100 + Number(`${decimal.fraction}00`.slice(0, 2));
}

/** numerator / denominator rounded half up (away from zero); denominator > 0. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < BigInt(0);
	const size = negative ? -numerator : numerator;
	let quotient = size / denominator;
	if ((size % denominator) * BigInt(2) >= denominator) quotient += BigInt(1);
	return negative ? -quotient : quotient;
}

/** Amount including VAT from an amount excluding VAT (`"12.396694"`) and a rate in basis points. */
export function inclusiveCents(exclusiveText: string, rateBasisPoints: number): number | undefined {
	const decimal = readDecimal(exclusiveText);
	if (!decimal) return undefined;
	const units = BigInt(`${decimal.whole}${decimal.fraction}`);
	const scale = BigInt(10) ** BigInt(decimal.fraction.length);
	const cents = divideHalfUp(units * BigInt(10000 + rateBasisPoints), scale * BigInt(100));
	return signed(Number(cents), decimal.negative);
}

/** The VAT inside an amount including VAT: cents × rate / (100% + rate), half up. */
export function vatInsideCents(inclusive: number, rateBasisPoints: number): number {
	const vat = divideHalfUp(
		BigInt(inclusive) * BigInt(rateBasisPoints),
		BigInt(10000 + rateBasisPoints),
	);
	return Number(vat);
}

/**
 * Splits `total` cents over `weights` in proportion, largest remainder first (ties: earliest),
 * so the shares always add up to `total`. All-zero weights split evenly.
 */
export function allocate(total: number, weights: number[]): number[] {
	if (weights.length === 0) return [];
	const sizes = weights.map((weight) => BigInt(Math.abs(weight)));
	const base = sizes.some((size) => size > BigInt(0)) ? sizes : sizes.map(() => BigInt(1));
	const baseSum = base.reduce((sum, size) => sum + size, BigInt(0));
	const amount = BigInt(Math.abs(total));
	const shares = base.map((size) => (amount * size) / baseSum);
	let left = amount - shares.reduce((sum, share) => sum + share, BigInt(0));
	const byRemainder = base
		.map((size, index) => ({ index, remainder: (amount * size) % baseSum }))
		.sort((a, b) =>
			a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
		);
	for (const { index } of byRemainder) {
		if (left === BigInt(0)) break;
		shares[index] += BigInt(1);
		left -= BigInt(1);
	}
	return shares.map((share) => signed(Number(share), total < 0));
}

/** Cents → euros as a number with at most two decimals (what e-Boekhouden's JSON takes). */
export function fromCents(cents: number): number {
	return cents / 100;
}

/** 4745 → `€47.45`, -1 → `-€0.01` (for messages). */
export function formatEuro(cents: number): string {
	const size = Math.abs(cents);
	return `${cents < 0 ? '-' : ''}€${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}`;
}

/** 2100 → `21%`, 550 → `5.5%`. */
export function formatRate(rateBasisPoints: number): string {
	const fraction = String(rateBasisPoints % 100)
		.padStart(2, '0')
		.replace(/0+$/, '');
	return `${Math.floor(rateBasisPoints / 100)}${fraction ? `.${fraction}` : ''}%`;
}
