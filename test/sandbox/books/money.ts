/**
 * Money inside the sandbox is integer cents; quantities and unit prices are scaled bigints so a line total is exact
 * before it is rounded once. Rounding is half away from zero, so a credit invoice mirrors its invoice to the cent.
 */

// The build targets ES2019, which has BigInt but no bigint literals.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const TEN = BigInt(10);
const HUNDRED = BigInt(100);
const MILLION = BigInt(1_000_000);

/** The decimal the client wrote (JSON number), scaled by 10^decimals and rounded half away from zero. */
export function toScaled(value: number, decimals: number): bigint {
	const text =
		Math.abs(value) >= 1e21 || (value !== 0 && Math.abs(value) < 1e-6)
			? value.toFixed(20)
			: String(value);
	const negative = text.startsWith('-');
	const [whole, fraction = ''] = text.replace('-', '').split('.');
	const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
	let scaled = BigInt(whole + kept);
	if (fraction.length > decimals && Number(fraction[decimals]) >= 5) scaled += ONE;
	return negative ? -scaled : scaled;
}

/** n / d rounded half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
	const magnitude = n < ZERO ? -n : n;
	const quotient = (magnitude * TWO + d) / (TWO * d);
	return n < ZERO ? -quotient : quotient;
}

export function toCents(euros: number): number {
	return Number(toScaled(euros, 2));
}

/** Cents to a JSON number with at most two decimals. */
export function toEuros(cents: number): number {
	return Number((cents / 100).toFixed(2));
}

/** Cents of `rate`% of `cents` (EX prices). */
export function percentOf(cents: number, rate: number): number {
	return Number(divideRounded(BigInt(cents) * BigInt(rate), HUNDRED));
}

/** The VAT inside an amount that includes `rate`% VAT: amount × rate / (100 + rate) (IN prices). */
export function vatInside(cents: number, rate: number): number {
	return Number(divideRounded(BigInt(cents) * BigInt(rate), BigInt(100 + rate)));
}

const QUANTITY_DECIMALS = 4;
const PRICE_DECIMALS = 6;

export interface LinePrice {
	quantity: number;
	pricePerUnit: number;
	discountAmount?: number | null;
	discountPercentage?: number | null;
}

/** quantity × (price − discount) in cents, rounded once; a percentage discount applies to the price. */
export function lineTotalCents(line: LinePrice): number {
	const quantity = toScaled(line.quantity, QUANTITY_DECIMALS);
	let price = toScaled(line.pricePerUnit, PRICE_DECIMALS);
	if (line.discountAmount) price -= toScaled(line.discountAmount, PRICE_DECIMALS);
	const scale = TEN ** BigInt(QUANTITY_DECIMALS + PRICE_DECIMALS - 2);
	if (line.discountPercentage) {
		const keptPart = MILLION - toScaled(line.discountPercentage, 4);
		return Number(divideRounded(quantity * price * keptPart, scale * MILLION));
	}
	return Number(divideRounded(quantity * price, scale));
}
