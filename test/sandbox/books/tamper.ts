/**
 * Hand edits of the sandbox administration that e-Boekhouden's API cannot make (it cannot change or delete an
 * invoice or a mutation, docs/api-notes.md, e-Boekhouden §4): what a bookkeeper does in the web UI, or what an outage leaves behind.
 * Used by the Reconcile tests to plant differences.
 *
 * The store is reached in-process: `captureStores()` wraps `createStore`, so the next `startBooks()` in this process
 * hands its store over. An HTTP route for tests that run the sandbox elsewhere would sit in index.ts (see
 * `tamperRoute` below for the handler such a route would call).
 */
import { lineTotalCents } from './money';
import * as storeModule from './store';
import type { BooksStore, InvoiceRecord, OpenItem } from './store';
import { sumTotals, totalsPerVatCode } from './vat';

type CreateStore = typeof storeModule.createStore;

export interface StoreCapture {
	/** The stores made since the capture began, in order: [0] is the first server's. */
	stores: BooksStore[];
	release(): void;
}

/**
 * Records every store the sandbox creates until released. `startBooks()` creates its store synchronously, so the
 * store of a server started right after `captureStores()` is `stores[0]`; a reset keeps that same object.
 */
export function captureStores(): StoreCapture {
	const original: CreateStore = storeModule.createStore;
	const stores: BooksStore[] = [];
	const wrapped: CreateStore = () => {
		const store = original();
		stores.push(store);
		return store;
	};
	Object.defineProperty(storeModule, 'createStore', {
		value: wrapped,
		writable: true,
		configurable: true,
	});
	return {
		stores,
		release: () =>
			Object.defineProperty(storeModule, 'createStore', {
				value: original,
				writable: true,
				configurable: true,
			}),
	};
}

function invoiceOf(store: BooksStore, invoiceNumber: string): InvoiceRecord {
	const invoice = store.invoices.find((candidate) => candidate.invoiceNumber === invoiceNumber);
	if (!invoice) throw new Error(`The sandbox books hold no invoice ${invoiceNumber}`);
	return invoice;
}

function openItemOf(store: BooksStore, invoiceNumber: string): OpenItem | undefined {
	return store.openItems.find((item) => item.invoiceNumber === invoiceNumber);
}

/** A payment (type 3) or a settling memorial (type 7) with a row for the invoice. */
const isPaymentOf = (invoiceNumber: string) => (mutation: BooksStore['mutations'][number]) =>
	(mutation.type === 3 || mutation.type === 7) &&
	mutation.rows.some((row) => row.invoiceNumber === invoiceNumber);

/** The invoice never was: it, its booking (type 2), its open item and its payments are gone. */
export function deleteInvoice(store: BooksStore, invoiceNumber: string): void {
	invoiceOf(store, invoiceNumber);
	store.invoices = store.invoices.filter((invoice) => invoice.invoiceNumber !== invoiceNumber);
	store.mutations = store.mutations.filter(
		(mutation) =>
			!(mutation.type === 2 && mutation.invoiceNumber === invoiceNumber) &&
			!isPaymentOf(invoiceNumber)(mutation),
	);
	store.openItems = store.openItems.filter((item) => item.invoiceNumber !== invoiceNumber);
}

/** Recomputes the invoice's totals (per VAT code, as e-Boekhouden does) and its booking after a line changed. */
function recompute(store: BooksStore, invoice: InvoiceRecord): void {
	invoice.perCode = totalsPerVatCode(
		invoice.items.map((item) => ({
			vatCode: item.vatCode,
			cents: item.lineCents,
			vatCents: item.vatAmount,
		})),
		invoice.inExVat,
	);
	Object.assign(invoice, sumTotals(invoice.perCode));
	const booking = store.mutations.find(
		(mutation) => mutation.type === 2 && mutation.id === invoice.mutationId,
	);
	if (booking) {
		booking.amount = invoice.totalAmount;
		booking.vat = invoice.perCode.map(({ vatCode, vatAmount }) => ({ vatCode, amount: vatAmount }));
	}
	const open = openItemOf(store, invoice.invoiceNumber);
	if (open) open.total = invoice.totalAmount;
}

/** A line's price per unit changed by hand (euros, as the invoice says: incl. or excl. VAT). */
export function changeLinePrice(
	store: BooksStore,
	invoiceNumber: string,
	lineIndex: number,
	pricePerUnit: number,
): void {
	const invoice = invoiceOf(store, invoiceNumber);
	const item = invoice.items[lineIndex];
	item.pricePerUnit = pricePerUnit;
	item.lineCents = lineTotalCents(item);
	recompute(store, invoice);
}

/** A line's VAT code changed by hand; the total stays, the VAT split moves. */
export function changeLineVatCode(
	store: BooksStore,
	invoiceNumber: string,
	lineIndex: number,
	vatCode: string,
): void {
	const invoice = invoiceOf(store, invoiceNumber);
	invoice.items[lineIndex].vatCode = vatCode;
	recompute(store, invoice);
}

/** Every payment (type 3) and settling memorial (type 7) of the invoice is gone; its open item is open again. */
export function removePayments(store: BooksStore, invoiceNumber: string): void {
	invoiceOf(store, invoiceNumber);
	store.mutations = store.mutations.filter((mutation) => !isPaymentOf(invoiceNumber)(mutation));
	const open = openItemOf(store, invoiceNumber);
	if (open) {
		open.paid = 0;
		open.payments = [];
	}
}

/**
 * The bookkeeper merges a relation into another in the web UI: its invoices, mutations and open items move to
 * `intoId`, and the relation is gone (reading it answers REL_055; booking on it FACT_002 or MUT_013).
 */
export function mergeRelation(store: BooksStore, fromId: number, intoId: number): void {
	if (!store.relations.has(fromId) || !store.relations.has(intoId))
		throw new Error(`The sandbox books hold no relation ${fromId} or ${intoId}`);
	const moved = <T extends { relationId: number | null }>(record: T) => {
		if (record.relationId === fromId) record.relationId = intoId;
	};
	store.invoices.forEach(moved);
	store.openItems.forEach(moved);
	for (const mutation of store.mutations) {
		moved(mutation);
		mutation.rows.forEach(moved);
	}
	store.relations.delete(fromId);
}

export type TamperAction =
	| { action: 'deleteInvoice'; invoiceNumber: string }
	| { action: 'changeLinePrice'; invoiceNumber: string; lineIndex: number; pricePerUnit: number }
	| { action: 'changeLineVatCode'; invoiceNumber: string; lineIndex: number; vatCode: string }
	| { action: 'removePayments'; invoiceNumber: string };

/** One edit from a JSON body, for an admin route `POST /__admin/tamper` (answer: 204, or 404 with the reason). */
export function tamperRoute(
	store: BooksStore,
	body: TamperAction,
): { status: number; body?: unknown } {
	try {
		if (body.action === 'deleteInvoice') deleteInvoice(store, body.invoiceNumber);
		else if (body.action === 'changeLinePrice')
			changeLinePrice(store, body.invoiceNumber, body.lineIndex, body.pricePerUnit);
		else if (body.action === 'changeLineVatCode')
			changeLineVatCode(store, body.invoiceNumber, body.lineIndex, body.vatCode);
		else removePayments(store, body.invoiceNumber);
		return { status: 204 };
	} catch (error) {
		return { status: 404, body: { message: (error as Error).message } };
	}
}
