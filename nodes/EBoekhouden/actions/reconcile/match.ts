import type { BooksInvoice } from './books';
import type { ShopOrder } from './shop';

/** The sync's invoice number prefixes, to tell its invoices from other sales in the books. */
export interface Prefixes {
	invoice: string;
	credit: string;
}

export interface Period {
	from: string;
	to: string;
}

/** One order and what the books hold for it. */
export interface Matched {
	order: ShopOrder;
	/** The invoice with the order's own number. */
	invoice?: BooksInvoice;
	/**
	 * Other entries for the same order: its number with a suffix, its order number as reference, or its number booked
	 * a second time in another Booking Mode.
	 */
	duplicates: BooksInvoice[];
	/** With no entry in the order's own Booking Mode: the one under its number in another mode (booked before a switch). */
	otherMode?: BooksInvoice;
}

export interface Matching {
	matched: Matched[];
	/** Invoices with the sync's prefix, dated in the period, that belong to no order given. */
	strangers: BooksInvoice[];
}

/**
 * A second invoice for an order: the same number with a suffix (MWW-1042-2, MWW-1042/2, "MWW-1042 2"), the way a
 * number e-Boekhouden refused as in use (FACT_101) gets booked again by hand or by another tool.
 */
const SUFFIX = /[-/_. ]\d{1,3}$/;

export function startsWithPrefix(invoiceNumber: string, prefixes: Prefixes): boolean {
	return [prefixes.credit, prefixes.invoice].some(
		(prefix) => prefix !== '' && invoiceNumber.startsWith(prefix),
	);
}

/**
 * Pairs orders with invoices. `known` are invoice numbers of orders that are not to be compared (skipped drafts):
 * their invoices are neither strangers nor duplicates.
 */
export function matchBooks(
	orders: ShopOrder[],
	invoices: BooksInvoice[],
	prefixes: Prefixes,
	period: Period,
	known: Set<string> = new Set(),
): Matching {
	const byNumber = new Map<string, Matched>();
	const byReference = new Map<string, Matched>();
	for (const order of orders) {
		const entry: Matched = { order, duplicates: [] };
		byNumber.set(order.invoiceNumber, entry);
		if (order.reference !== '' && order.reference === order.orderNumber)
			byReference.set(order.reference, entry);
	}
	const strangers: BooksInvoice[] = [];
	for (const invoice of invoices) {
		const own = byNumber.get(invoice.invoiceNumber);
		if (own) {
			if (own.invoice) own.duplicates.push(invoice);
			else own.invoice = invoice;
			continue;
		}
		if (known.has(invoice.invoiceNumber)) continue;
		const base = SUFFIX.test(invoice.invoiceNumber)
			? byNumber.get(invoice.invoiceNumber.replace(SUFFIX, ''))
			: undefined;
		const twin = base ?? byReference.get(invoice.reference);
		if (twin && twin.order.kind === kindOf(invoice, prefixes, twin.order.kind)) {
			twin.duplicates.push(invoice);
			continue;
		}
		const inPeriod = invoice.date >= period.from && invoice.date <= period.to;
		if (inPeriod && startsWithPrefix(invoice.invoiceNumber, prefixes)) strangers.push(invoice);
	}
	return { matched: [...byNumber.values()], strangers };
}

/** A credit invoice is negative: an invoice and its credit note share a reference but are not a double booking. */
function kindOf(invoice: BooksInvoice, prefixes: Prefixes, fallback: ShopOrder['kind']) {
	if (invoice.total < 0) return 'credit';
	if (invoice.total > 0) return 'invoice';
	return prefixes.credit !== '' && invoice.invoiceNumber.startsWith(prefixes.credit)
		? 'credit'
		: fallback;
}

/** Invoices whose lines must be read to tell their VAT codes: those whose listed totals differ, and the extra ones. */
export function invoicesToRead(matching: Matching): BooksInvoice[] {
	const wanted: BooksInvoice[] = [...matching.strangers];
	for (const { order, invoice, duplicates } of matching.matched) {
		if (invoice && (invoice.total !== order.total || invoice.vat !== order.vat))
			wanted.push(invoice);
		wanted.push(...duplicates);
	}
	return wanted;
}

/** Every invoice of the books that belongs to the shop: the orders' own, their duplicates and the strangers. */
export function shopInvoices(matching: Matching): BooksInvoice[] {
	return [
		...matching.matched.flatMap(({ invoice, duplicates }) => [
			...(invoice ? [invoice] : []),
			...duplicates,
		]),
		...matching.strangers,
	];
}
