import type { BooksStore, MutationRecord } from '../../sandbox/books/store';
import { sumTotals, totalsPerVatCode } from '../../sandbox/books/vat';

/**
 * Hand edits of journal entries (type 2) and cash sales (type 5) in the sandbox administration, the way a
 * bookkeeper changes a mutation in e-Boekhouden's web UI (the API cannot): used by the Reconcile tests of those
 * Booking Modes to plant differences. The store is reached in-process (tamper.ts `captureStores`).
 */
export function entryOf(store: BooksStore, invoiceNumber: string, type: number): MutationRecord {
	const entry = store.mutations.find(
		(mutation) => mutation.type === type && mutation.invoiceNumber === invoiceNumber,
	);
	if (!entry) throw new Error(`The sandbox books hold no type ${type} mutation ${invoiceNumber}`);
	return entry;
}

/** Recomputes the entry's VAT per code and total, and its open item, as e-Boekhouden does after an edit. */
function recompute(store: BooksStore, entry: MutationRecord): void {
	const perCode = totalsPerVatCode(
		entry.rows.map((row) => ({ vatCode: row.vatCode, cents: row.amount, vatCents: row.vatAmount })),
		entry.inExVat,
	);
	entry.vat = perCode.map(({ vatCode, vatAmount }) => ({ vatCode, amount: vatAmount }));
	entry.amount = sumTotals(perCode).totalAmount;
	const open = store.openItems.find((item) => item.mutationId === entry.id);
	if (open) open.total = entry.amount;
}

/** A row changed by hand: its amount (cents, incl. or excl. VAT as the entry says) or its VAT code. */
export function changeRow(
	store: BooksStore,
	invoiceNumber: string,
	type: number,
	rowIndex: number,
	change: { amount?: number; vatCode?: string },
): void {
	const entry = entryOf(store, invoiceNumber, type);
	Object.assign(entry.rows[rowIndex], change);
	recompute(store, entry);
}

/** The entry moved to another main ledger by hand. */
export function moveEntry(
	store: BooksStore,
	invoiceNumber: string,
	type: number,
	ledgerId: number,
): void {
	entryOf(store, invoiceNumber, type).ledgerId = ledgerId;
}

/** Every payment (type 3) and settling memorial (type 7) of the journal entry is gone; its open item is open again. */
export function removeEntryPayments(store: BooksStore, invoiceNumber: string): void {
	store.mutations = store.mutations.filter(
		(mutation) =>
			!(
				(mutation.type === 3 || mutation.type === 7) &&
				mutation.rows.some((row) => row.invoiceNumber === invoiceNumber)
			),
	);
	const open = store.openItems.find((item) => item.invoiceNumber === invoiceNumber);
	if (open) {
		open.paid = 0;
		open.payments = [];
	}
}

/** The entry never was: it, its open item and its payments are gone. */
export function deleteEntry(store: BooksStore, invoiceNumber: string, type: number): void {
	const entry = entryOf(store, invoiceNumber, type);
	removeEntryPayments(store, invoiceNumber);
	store.mutations = store.mutations.filter((mutation) => mutation !== entry);
	store.openItems = store.openItems.filter((item) => item.mutationId !== entry.id);
}
