/** The sandbox e-Boekhouden administration as the e2e tests read it (its state() dump, e-Boekhouden's field names). */
import { lineCents } from '../../support/cents';

export interface BookedItem {
	description: string;
	quantity: number;
	pricePerUnit: number;
	vatCode: string;
	ledgerId: number;
}

export interface BookedInvoice {
	id: number;
	invoiceNumber: string;
	relationId: number;
	date: string;
	totalAmount: number;
	booked: boolean;
	items: BookedItem[];
}

export interface BookedRelation {
	id: number;
	emailAddress?: string;
	name: string;
}

export interface BookedMutation {
	id: number;
	type: number;
	date: string;
	/** The mutation's own ledger: the money ledger of a payment (type 3/4), the balance ledger of a memorial (7). */
	ledgerId: number;
	invoiceNumber: string;
	paymentReference?: string;
	rows: Array<{
		ledgerId: number | null;
		amount: number;
		invoiceNumber: string | null;
		relationId: number | null;
	}>;
}

export interface BookedLedger {
	id: number;
	code: string;
	description: string;
	category: string;
}

/** An open item: what the bookkeeper sees as still to be received on an invoice. */
export interface OpenItem {
	invoiceNumber: string;
	credDeb: 'C' | 'D';
	totalAmount: number;
	paidAmount: number;
	outstandingAmount: number;
}

export interface Books {
	relations: BookedRelation[];
	invoices: BookedInvoice[];
	mutations: BookedMutation[];
	ledgers: BookedLedger[];
	outstanding: OpenItem[];
}

export function readBooks(books: { state(): Record<string, unknown> }): Books {
	const state = books.state();
	return {
		relations: state.relations as BookedRelation[],
		invoices: state.invoices as BookedInvoice[],
		mutations: state.mutations as BookedMutation[],
		ledgers: state.ledgers as BookedLedger[],
		outstanding: state.outstanding as OpenItem[],
	};
}

/** Euros with at most two decimals → cents (the sandbox answers in whole cents). */
export const toCents = (euros: number): number => Math.round(euros * 100);

/** The code a bookkeeper knows a ledger by ("1020"), from its internal id. */
export function ledgerCode(books: Books, id: number | null): string {
	return books.ledgers.find((ledger) => ledger.id === id)?.code ?? `ledger id ${String(id)}`;
}

/** The debtors ledger (category DEB), whose rows settle a sales invoice's open item. */
function isDebtorLedger(books: Books, id: number | null): boolean {
	return books.ledgers.some((ledger) => ledger.id === id && ledger.category === 'DEB');
}

/**
 * Everything booked against an invoice as paid or refunded: payments and refunds (type 3 received / 4 sent) whose
 * rows name it, and memorials (type 7) whose debtors row names it, which is how a gift card or store credit settles
 * the invoice against the outstanding gift cards.
 */
export function paymentsFor(books: Books, invoiceNumber: string): BookedMutation[] {
	return books.mutations.filter(
		(mutation) =>
			((mutation.type === 3 || mutation.type === 4) &&
				mutation.rows.some((row) => row.invoiceNumber === invoiceNumber)) ||
			(mutation.type === 7 &&
				mutation.rows.some(
					(row) => row.invoiceNumber === invoiceNumber && isDebtorLedger(books, row.ledgerId),
				)),
	);
}

/** What one payment settled of an invoice, in cents (the rows that name it). */
export function paidCents(payment: BookedMutation, invoiceNumber: string): number {
	return payment.rows
		.filter((row) => row.invoiceNumber === invoiceNumber)
		.reduce((sum, row) => sum + toCents(row.amount), 0);
}

/** Σ quantity × price per unit of the invoice's items, per VAT code, in cents. */
export function itemCentsByVatCode(invoice: BookedInvoice): Map<string, number> {
	const byCode = new Map<string, number>();
	for (const item of invoice.items) {
		byCode.set(item.vatCode, (byCode.get(item.vatCode) ?? 0) + lineCents(item));
	}
	return byCode;
}

/** Σ quantity × price per unit of the invoice's items, per "ledger code / VAT code" (e.g. "1620 GEEN"), in cents. */
export function itemCentsByLedger(books: Books, invoice: BookedInvoice): Record<string, number> {
	const byLedger: Record<string, number> = {};
	for (const item of invoice.items) {
		const key = `${ledgerCode(books, item.ledgerId)} ${item.vatCode}`;
		byLedger[key] = (byLedger[key] ?? 0) + lineCents(item);
	}
	return byLedger;
}
