import type { IExecuteFunctions } from 'n8n-workflow';

import { allLedgers, resolveLedger } from '../../api/ids';
import { readLedgerRef } from '../shared/params';
import type { BooksInvoice } from './books';
import { entriesToRead, findSwitched, matchEntries } from './entryMatch';
import { listEntries, readEntries } from './entries';
import type { Matching, Period, Prefixes } from './match';
import type { LedgerCheck } from './modeDifferences';
import type { ShopOrder } from './shop';

export interface EntryFacts {
	/** Every order to compare, of any Booking Mode. */
	orders: ShopOrder[];
	/** The sales invoices listed for the range, and how the Invoice-mode orders matched them. */
	invoices: BooksInvoice[];
	invoiceMatching: Matching;
	/** The listing range (the period widened to the drafts' dates) and the period strangers are reported for. */
	range: Period;
	period: Period;
	prefixes: Prefixes;
	/** Every draft's invoice number, whatever its mode: an entry under one of them is no stranger. */
	known: Set<string>;
}

export const isEntryMode = (order: ShopOrder) =>
	order.mode === 'journalEntry' || order.mode === 'cashSale';

/** The main ledger each mode books on: the debtors ledger set in Reconcile, or the ledger of the order's payment. */
async function ledgerCheck(ctx: IExecuteFunctions): Promise<LedgerCheck> {
	const ledgers = await allLedgers(ctx);
	const debtor = await resolveLedger(
		ctx,
		readLedgerRef(ctx, 'debtorLedger', 0) ?? { code: '1300' },
		'debtorLedger',
	);
	return {
		expected: (order) => {
			if (order.mode === 'journalEntry') return { id: debtor.id, code: debtor.code };
			const payment = ledgers.find((ledger) => ledger.code === order.paymentLedgerCode);
			return order.mode === 'cashSale' && payment
				? { id: payment.id, code: payment.code }
				: undefined;
		},
		codeOf: (ledgerId) =>
			ledgers.find((ledger) => ledger.id === ledgerId)?.code ?? String(ledgerId),
	};
}

/**
 * Journal Entry and Cash Sale orders against the books: two listings by date (type 2 and type 5 mutations), then
 * one read per entry found, for its rows. Invoice-mode runs list them only when an order has no invoice, to tell
 * an order booked in another mode (after a switch of Booking Mode) from one that is missing.
 */
export async function compareEntries(
	ctx: IExecuteFunctions,
	facts: EntryFacts,
): Promise<{ matching: Matching; ledgers?: LedgerCheck }> {
	const orders = facts.orders.filter(isEntryMode);
	const someMissing = facts.invoiceMatching.matched.some(({ invoice }) => !invoice);
	if (orders.length === 0 && !someMissing) return { matching: { matched: [], strangers: [] } };
	const entries = await listEntries(
		ctx,
		facts.range.from,
		facts.range.to,
		new Set(facts.invoices.map((invoice) => invoice.invoiceNumber)),
	);
	findSwitched(facts.invoiceMatching, entries);
	const matching = matchEntries(
		orders,
		entries,
		facts.invoices,
		facts.prefixes,
		facts.period,
		facts.known,
	);
	// Entries with the prefix are the sync's only when it books in those modes.
	if (orders.length === 0) matching.strangers = [];
	await readEntries(ctx, entriesToRead([facts.invoiceMatching, matching]));
	const booked = matching.matched.some(({ invoice }) => invoice);
	return { matching, ...(booked ? { ledgers: await ledgerCheck(ctx) } : {}) };
}
