import type { InvoiceDraft } from '../../nodes/shared/draft.schema';
import { eurosToCents } from '../../nodes/shared/money';
import { lineTotalCents } from '../sandbox/books/money';

/**
 * Cents and draft sums for tests, in integer cents only. `cents` is the package's strict conversion, so a test that
 * sums a draft also fails on an amount that is not whole cents. A line's total is what e-Boekhouden computes for it,
 * taken from the sandbox's own arithmetic, never rebuilt here with floats.
 */
export const cents = eurosToCents;

export interface PricedLine {
	vatCode: string;
	quantity: number;
	pricePerUnit: number;
}

/** quantity × price per unit, in cents, rounded once as e-Boekhouden does. */
export const lineCents = (line: Pick<PricedLine, 'quantity' | 'pricePerUnit'>): number =>
	lineTotalCents(line);

/** Σ of line totals per VAT code, in cents. */
export function centsByVatCode(lines: readonly PricedLine[]): Record<string, number> {
	const byCode: Record<string, number> = {};
	for (const line of lines) byCode[line.vatCode] = (byCode[line.vatCode] ?? 0) + lineCents(line);
	return byCode;
}

/** The draft's own totals per VAT code, in cents. */
export function draftTotalsByVatCode(draft: Pick<InvoiceDraft, 'totals'>): Record<string, number> {
	return Object.fromEntries(
		Object.entries(draft.totals.byVatCode).map(([code, euros]) => [code, cents(euros ?? 0)]),
	);
}

/** Σ of the draft's payment parts, in cents. */
export function paidCents(draft: Pick<InvoiceDraft, 'payments'>): number {
	return draft.payments.reduce((sum, payment) => sum + cents(payment.amount), 0);
}

/** Drops VAT codes whose amount is zero, to compare sums that list them or not. */
export function withoutZeros(byCode: Record<string, number | undefined>): Record<string, number> {
	return Object.fromEntries(
		Object.entries(byCode)
			.map(([code, amount]) => [code, amount ?? 0] as const)
			.filter(([, amount]) => amount !== 0),
	);
}
