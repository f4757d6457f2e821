import { formatEuros } from '../../../shared/money';
import type { BooksInvoice } from './books';

/** How Reconcile names money and entries in its advice. */
export const euro = (cents: number) => formatEuros(cents);

export type Mode = NonNullable<BooksInvoice['mode']>;
export const MODE_NAMES: Record<Mode, string> = {
	invoice: 'a sales invoice',
	journalEntry: 'a journal entry (Factuur verstuurd)',
	cashSale: 'a cash sale (Geld ontvangen)',
};
export const LABELS: Record<Mode, string> = {
	invoice: 'Invoice',
	journalEntry: 'Journal entry',
	cashSale: 'Cash sale',
};
export const label = (entry: BooksInvoice) =>
	`${LABELS[entry.mode ?? 'invoice']} ${entry.invoiceNumber}`;

export const WHAT_FIX_BOOKS: Record<Mode, string> = {
	invoice: 'invoice',
	journalEntry: 'journal entry',
	cashSale: 'cash sale',
};
