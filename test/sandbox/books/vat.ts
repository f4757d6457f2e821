import { percentOf, vatInside } from './money';

type VatKind = 'sale' | 'purchase';

/**
 * The REST VAT code enum (docs/api-notes.md, e-Boekhouden §7) with the rate e-Boekhouden applies.
 * Reverse-charge, export, intra-EU and distance-sale codes carry no VAT on the invoice; AFW/AFW_VERK use the
 * vatAmount the client sends.
 */
const VAT_CODES: Record<string, { rate: number; kind: VatKind | 'both' }> = {
	HOOG_VERK_21: { rate: 21, kind: 'sale' },
	LAAG_VERK_9: { rate: 9, kind: 'sale' },
	VERL_VERK: { rate: 0, kind: 'sale' },
	VERL_VERK_L9: { rate: 0, kind: 'sale' },
	AFW_VERK: { rate: 0, kind: 'sale' },
	BU_EU_VERK: { rate: 0, kind: 'sale' },
	BI_EU_VERK: { rate: 0, kind: 'sale' },
	BI_EU_VERK_D: { rate: 0, kind: 'sale' },
	AFST_VERK: { rate: 0, kind: 'sale' },
	HOOG_INK_21: { rate: 21, kind: 'purchase' },
	LAAG_INK_9: { rate: 9, kind: 'purchase' },
	VERL_INK: { rate: 0, kind: 'purchase' },
	AFW: { rate: 0, kind: 'purchase' },
	BU_EU_INK: { rate: 0, kind: 'purchase' },
	BI_EU_INK: { rate: 0, kind: 'purchase' },
	GEEN: { rate: 0, kind: 'both' },
};

export function isVatCode(code: unknown): code is string {
	return typeof code === 'string' && Object.prototype.hasOwnProperty.call(VAT_CODES, code);
}

export function isVatCodeOf(code: string, kind: VatKind): boolean {
	const entry = VAT_CODES[code];
	return entry !== undefined && (entry.kind === kind || entry.kind === 'both');
}

export function usesGivenVatAmount(code: string): boolean {
	return code === 'AFW' || code === 'AFW_VERK';
}

export interface VatLine {
	vatCode: string;
	/** Line total in cents, including or excluding VAT as the document says. */
	cents: number;
	/** Given VAT in cents, only for AFW/AFW_VERK. */
	vatCents?: number | null;
}

export interface VatCodeTotals {
	vatCode: string;
	totalExcl: number;
	vatAmount: number;
	totalAmount: number;
}

/**
 * e-Boekhouden computes VAT per VAT code over the total of that code, not per line, unless the administration has
 * "Btw per afzonderlijke factuurregel berekenen" on (docs/api-notes.md, e-Boekhouden §6.2 "VAT rounding"). All values in cents.
 */
export function totalsPerVatCode(lines: readonly VatLine[], inExVat: 'IN' | 'EX'): VatCodeTotals[] {
	const grouped = new Map<string, { cents: number; givenVat: number }>();
	for (const line of lines) {
		const entry = grouped.get(line.vatCode) ?? { cents: 0, givenVat: 0 };
		entry.cents += line.cents;
		entry.givenVat += line.vatCents ?? 0;
		grouped.set(line.vatCode, entry);
	}
	return [...grouped].map(([vatCode, { cents, givenVat }]) => {
		const rate = VAT_CODES[vatCode].rate;
		const given = usesGivenVatAmount(vatCode);
		if (inExVat === 'EX') {
			const vat = given ? givenVat : percentOf(cents, rate);
			return { vatCode, totalExcl: cents, vatAmount: vat, totalAmount: cents + vat };
		}
		const vat = given ? givenVat : vatInside(cents, rate);
		return { vatCode, totalExcl: cents - vat, vatAmount: vat, totalAmount: cents };
	});
}

export function sumTotals(perCode: readonly VatCodeTotals[]): {
	totalExcl: number;
	vatAmount: number;
	totalAmount: number;
} {
	return perCode.reduce(
		(sum, code) => ({
			totalExcl: sum.totalExcl + code.totalExcl,
			vatAmount: sum.vatAmount + code.vatAmount,
			totalAmount: sum.totalAmount + code.totalAmount,
		}),
		{ totalExcl: 0, vatAmount: 0, totalAmount: 0 },
	);
}
