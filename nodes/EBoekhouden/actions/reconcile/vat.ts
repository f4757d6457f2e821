/**
 * Totals per VAT code, in integer cents, computed as e-Boekhouden computes them: per VAT code over the total of
 * that code, not per line (docs/api-notes.md, e-Boekhouden §6.2 "VAT rounding"), rounded half away from zero.
 */
export interface CodeTotals {
	/** Including VAT. */
	amount: number;
	vat: number;
}

export type ByVatCode = Record<string, CodeTotals>;

/** The rates of the sales VAT codes (docs/api-notes.md, e-Boekhouden §7); the others carry no VAT on the invoice (AFW_VERK: the amount given). */
const RATES: Record<string, number> = { HOOG_VERK_21: 21, LAAG_VERK_9: 9 };

export function rateOf(vatCode: string): number {
	return RATES[vatCode] ?? 0;
}

/** n / d rounded half away from zero, for integers whose product stays below 2^53. */
export function divideRounded(n: number, d: number): number {
	return Math.sign(n) * Math.round(Math.abs(n) / d);
}

/** VAT inside an amount including it: amount × rate / (100 + rate). */
export function vatInside(cents: number, rate: number): number {
	return divideRounded(cents * rate, 100 + rate);
}

export interface VatLine {
	vatCode: string;
	/** The line's total in cents, including or excluding VAT as the invoice says. */
	cents: number;
	/** The VAT given with the line (AFW_VERK only), cents. */
	vatCents?: number;
}

/** Lines → totals per code, with the VAT e-Boekhouden computes for prices including (IN) or excluding (EX) VAT. */
export function totalsOf(lines: VatLine[], inExVat: 'IN' | 'EX'): ByVatCode {
	const grouped = new Map<string, { cents: number; given: number }>();
	for (const line of lines) {
		const known = grouped.get(line.vatCode) ?? { cents: 0, given: 0 };
		grouped.set(line.vatCode, {
			cents: known.cents + line.cents,
			given: known.given + (line.vatCents ?? 0),
		});
	}
	const result: ByVatCode = {};
	for (const [vatCode, { cents, given }] of grouped) {
		const rate = rateOf(vatCode);
		if (inExVat === 'EX') {
			const vat = vatCode === 'AFW_VERK' ? given : divideRounded(cents * rate, 100);
			result[vatCode] = { amount: cents + vat, vat };
		} else {
			const vat = vatCode === 'AFW_VERK' ? given : vatInside(cents, rate);
			result[vatCode] = { amount: cents, vat };
		}
	}
	return result;
}

export function sumOf(byCode: ByVatCode): CodeTotals {
	return Object.values(byCode).reduce(
		(sum, code) => ({ amount: sum.amount + code.amount, vat: sum.vat + code.vat }),
		{ amount: 0, vat: 0 },
	);
}

/** Adds `add` into `into`, code by code. */
export function addInto(into: ByVatCode, add: ByVatCode): void {
	for (const [vatCode, { amount, vat }] of Object.entries(add)) {
		const known = into[vatCode] ?? { amount: 0, vat: 0 };
		into[vatCode] = { amount: known.amount + amount, vat: known.vat + vat };
	}
}

export function sameTotals(a: ByVatCode, b: ByVatCode): boolean {
	const codes = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const code of codes) {
		const left = a[code] ?? { amount: 0, vat: 0 };
		const right = b[code] ?? { amount: 0, vat: 0 };
		if (left.amount !== right.amount || left.vat !== right.vat) return false;
	}
	return true;
}
