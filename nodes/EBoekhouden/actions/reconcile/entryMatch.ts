import type { BooksInvoice } from './books';
import { startsWithPrefix, type Matched, type Matching, type Period, type Prefixes } from './match';
import type { ShopOrder } from './shop';

function byNumber(entries: BooksInvoice[]): Map<string, BooksInvoice[]> {
	const grouped = new Map<string, BooksInvoice[]>();
	for (const entry of entries)
		grouped.set(entry.invoiceNumber, [...(grouped.get(entry.invoiceNumber) ?? []), entry]);
	return grouped;
}

/**
 * Pairs the orders booked as journal entries or cash sales with the entries of their own mode, by invoice number.
 * An order whose number is booked only in another mode (a sales invoice, or the other kind of entry) was booked
 * before Booking Mode changed: `otherMode`, not missing. One booked in its own mode and in another too is booked
 * twice. Strangers are the entries with the sync's prefix, dated in the period, whose number no draft given holds
 * (`known`: every draft's invoice number, whatever its mode).
 */
export function matchEntries(
	orders: ShopOrder[],
	entries: BooksInvoice[],
	invoices: BooksInvoice[],
	prefixes: Prefixes,
	period: Period,
	known: Set<string>,
): Matching {
	const entriesOf = byNumber(entries);
	const invoicesOf = byNumber(invoices);
	const matched = orders.map((order): Matched => {
		const all = entriesOf.get(order.invoiceNumber) ?? [];
		const [own, ...repeats] = all.filter((entry) => entry.mode === order.mode);
		const others = [
			...all.filter((entry) => entry.mode !== order.mode),
			...(invoicesOf.get(order.invoiceNumber) ?? []),
		];
		if (own) return { order, invoice: own, duplicates: [...repeats, ...others] };
		const [other, ...rest] = others;
		return { order, duplicates: rest, ...(other ? { otherMode: other } : {}) };
	});
	const strangers = entries.filter(
		(entry) =>
			!known.has(entry.invoiceNumber) &&
			entry.date >= period.from &&
			entry.date <= period.to &&
			startsWithPrefix(entry.invoiceNumber, prefixes),
	);
	return { matched, strangers };
}

/** Invoice-mode orders without their invoice whose number is booked as a journal entry or a cash sale instead. */
export function findSwitched(matching: Matching, entries: BooksInvoice[]): void {
	const entriesOf = byNumber(entries);
	for (const entry of matching.matched) {
		if (entry.invoice || entry.otherMode) continue;
		const [other] = entriesOf.get(entry.order.invoiceNumber) ?? [];
		if (other) entry.otherMode = other;
	}
}

/** The entries whose rows Reconcile reads: every one matched to an order in any way, and the strangers. */
export function entriesToRead(matchings: Matching[]): BooksInvoice[] {
	const wanted = new Set<BooksInvoice>();
	for (const matching of matchings) {
		for (const { invoice, duplicates, otherMode } of matching.matched)
			for (const entry of [invoice, otherMode, ...duplicates])
				if (entry?.mode && entry.mode !== 'invoice') wanted.add(entry);
		for (const stranger of matching.strangers)
			if (stranger.mode && stranger.mode !== 'invoice') wanted.add(stranger);
	}
	return [...wanted];
}
