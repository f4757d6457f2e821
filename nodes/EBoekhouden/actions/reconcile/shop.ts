import type { ParsedDraft } from '../../../shared/draft.schema';
import { expectedPaid } from './payments';
import { lineCents } from '../../../shared/money';
import { sumOf, totalsOf, type ByVatCode } from './vat';

/** One order as the sync would book it: the invoice number, its totals per VAT code and what it settles. */
export interface ShopOrder {
	itemIndex: number;
	orderNumber: string;
	kind: 'invoice' | 'credit';
	invoiceNumber: string;
	date: string;
	/** The draft's reference (the order number unless the customer gave one). */
	reference: string;
	byVatCode: ByVatCode;
	/** Including VAT, cents, signed (negative for a credit order). */
	total: number;
	vat: number;
	/** What the sync books as paid against the invoice, cents, signed. */
	paid: number;
	/** How the sync books it; unset is Invoice. */
	mode?: ParsedDraft['bookingMode'];
	/** Cash Sale: the ledger code of the payment, the ledger its entry is booked on. */
	paymentLedgerCode?: string;
	/** The lines' cents per revenue ledger code, as a journal entry's or cash sale's rows book them. */
	byLedgerCode?: Record<string, number>;
}

function centsByLedger(draft: ParsedDraft): Record<string, number> {
	const sums: Record<string, number> = {};
	for (const item of draft.invoice.items)
		sums[item.ledgerCode] =
			(sums[item.ledgerCode] ?? 0) + lineCents(item.quantity, item.pricePerUnit);
	return sums;
}

/** The draft's lines as e-Boekhouden adds them up: each line's total, then per VAT code (docs/api-notes.md, e-Boekhouden §6.2). */
export function shopOrderOf(draft: ParsedDraft, itemIndex: number): ShopOrder {
	const lines = draft.invoice.items.map((item) => ({
		vatCode: item.vatCode,
		cents: lineCents(item.quantity, item.pricePerUnit),
	}));
	const byVatCode = totalsOf(lines, draft.invoice.inExVat);
	const { amount, vat } = sumOf(byVatCode);
	return {
		itemIndex,
		orderNumber: draft.orderNumber,
		kind: draft.kind,
		invoiceNumber: draft.invoice.invoiceNumber,
		date: draft.invoice.date,
		reference: draft.invoice.reference,
		byVatCode,
		total: amount,
		vat,
		paid: expectedPaid(draft),
		mode: draft.bookingMode,
		...(draft.bookingMode === 'cashSale' && draft.payments[0]?.ledgerCode
			? { paymentLedgerCode: draft.payments[0].ledgerCode }
			: {}),
		...(draft.bookingMode === 'invoice' ? {} : { byLedgerCode: centsByLedger(draft) }),
	};
}
