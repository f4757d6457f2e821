/**
 * Money in integer cents, never floats, for every node. Three ways in: a decimal text as the shop writes it
 * (`decimalTextToCents`), euros as the draft and e-Boekhouden carry them (`eurosToCents`, whole cents or refused),
 * and a line's quantity × price (`lineCents`). One way out to JSON (`centsToEuros`) and one to text (`formatEuros`).
 * Rounding is half up, away from zero (commercial rounding), so a credit rounds exactly like the sale it reverses.
 */

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d*))?$/;
const MAX_WHOLE_DIGITS = 13;
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);

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
export function decimalTextToCents(text: string): number | undefined {
	const decimal = readDecimal(text);
	if (!decimal) return undefined;
	const digits = `${decimal.fraction}000`;
	let cents = Number(decimal.whole) * 100 + Number(digits.slice(0, 2));
	if (digits[2] >= '5') cents += 1;
	return signed(cents, decimal.negative);
}

/**
 * Whether a JSON number is a whole number of cents (at most two decimals). `19.99` is, although 19.99 × 100 is
 * 1998.9999999999998 in floating point: the cents, divided back, give exactly the number JSON reads for "19.99".
 * `0.1 + 0.2` and `10.005` are not.
 */
export function isWholeCents(euros: number): boolean {
	if (!Number.isFinite(euros)) return false;
	const cents = Math.round(euros * 100);
	return Number.isSafeInteger(cents) && cents / 100 === euros;
}

/**
 * Euros with at most two decimals → cents. A number that is not whole cents is refused, never rounded: it means a
 * float slipped in upstream (a sum in a Code node, a typed amount with three decimals), and rounding it here would
 * book a cent nobody can trace. Where the amount comes from a user, check `isWholeCents` first to name the field.
 */
export function eurosToCents(euros: number): number {
	if (!isWholeCents(euros)) throw new RangeError(`${euros} is not a whole number of cents`);
	const cents = Math.round(euros * 100);
	return cents === 0 ? 0 : cents; // never -0, which JSON writes as 0 but Object.is tells apart
}

/**
 * Euros e-Boekhouden reports from its own arithmetic (listed totals, VAT, open items) → cents, rounded to the nearest
 * cent. For comparing what is in the books with what should be; never for an amount that is booked.
 */
export function reportedEurosToCents(euros: number): number {
	const cents = Math.round(euros * 100);
	return cents === 0 ? 0 : cents;
}

/** Cents → euros as a JSON number with at most two decimals (what the draft and e-Boekhouden carry). */
export function centsToEuros(cents: number): number {
	return cents / 100;
}

/**
 * 4745 → `€47.45`, -1 → `-€0.01`: every amount in a message. `symbol: false, decimalComma: true` gives `47,45`, the
 * form payment references have always used (a reference is an identifier: its text must never change).
 */
export function formatEuros(
	cents: number,
	{ symbol = true, decimalComma = false }: { symbol?: boolean; decimalComma?: boolean } = {},
): string {
	const size = Math.abs(cents);
	const fraction = String(size % 100).padStart(2, '0');
	const number = `${Math.floor(size / 100)}${decimalComma ? ',' : '.'}${fraction}`;
	return `${cents < 0 ? '-' : ''}${symbol ? '€' : ''}${number}`;
}

/** numerator / denominator rounded half up (away from zero); denominator > 0. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < ZERO;
	const size = negative ? -numerator : numerator;
	let quotient = size / denominator;
	if ((size % denominator) * TWO >= denominator) quotient += ONE;
	return negative ? -quotient : quotient;
}

/**
 * Quantity × price in cents, rounded once on the exact product: quantity (up to 4 decimals) and price (up to 6) are
 * scaled to integers first, as a float product such as 1.5 × 2.01 lands just below the half.
 */
export function lineCents(quantity: number, pricePerUnit: number): number {
	const product = BigInt(Math.round(quantity * 1e4)) * BigInt(Math.round(pricePerUnit * 1e6));
	// The product counts 1e-10 euros: 1e8 of them make a cent.
	return Number(divideHalfUp(product, BigInt(100_000_000)));
}

/** A VAT rate in hundredths of a percent: `"21.00"` → 2100, `"5.5"` → 550; undefined when not exact. */
export function toBasisPoints(text: string): number | undefined {
	const decimal = readDecimal(text);
	if (!decimal || decimal.negative || /[1-9]/.test(decimal.fraction.slice(2))) return undefined;
	return Number(decimal.whole) * 100 + Number(`${decimal.fraction}00`.slice(0, 2));
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
	const base = sizes.some((size) => size > ZERO) ? sizes : sizes.map(() => ONE);
	const baseSum = base.reduce((sum, size) => sum + size, ZERO);
	const amount = BigInt(Math.abs(total));
	const shares = base.map((size) => (amount * size) / baseSum);
	let left = amount - shares.reduce((sum, share) => sum + share, ZERO);
	const byRemainder = base
		.map((size, index) => ({ index, remainder: (amount * size) % baseSum }))
		.sort((a, b) =>
			a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
		);
	for (const { index } of byRemainder) {
		if (left === ZERO) break;
		shares[index] += ONE;
		left -= ONE;
	}
	return shares.map((share) => signed(Number(share), total < 0));
}

/** 2100 → `21%`, 550 → `5.5%`. */
export function formatRate(rateBasisPoints: number): string {
	const fraction = String(rateBasisPoints % 100)
		.padStart(2, '0')
		.replace(/0+$/, '');
	return `${Math.floor(rateBasisPoints / 100)}${fraction ? `.${fraction}` : ''}%`;
}
