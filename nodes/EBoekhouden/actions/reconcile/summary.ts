import type { IDataObject } from 'n8n-workflow';

import { centsToEuros } from '../../../shared/money';
import type { BooksInvoice } from './books';
import { STATUSES, type Difference } from './differences';
import type { Matching, Period } from './match';
import { addInto, sumOf, type ByVatCode, type CodeTotals } from './vat';

/**
 * Books' side of an invoice per VAT code: its lines when they were read; otherwise, when its listed totals (incl.
 * VAT and VAT) equal the order's, the order's split (nothing else adds up to both); otherwise under `unknown`.
 */
function booksSplit(invoice: BooksInvoice, shop?: ByVatCode): ByVatCode {
	if (invoice.byVatCode) return invoice.byVatCode;
	if (shop) {
		const own = sumOf(shop);
		if (own.amount === invoice.total && own.vat === invoice.vat) return shop;
	}
	return { unknown: { amount: invoice.total, vat: invoice.vat } };
}

const money = ({ amount, vat }: CodeTotals): IDataObject => ({
	amount: centsToEuros(amount),
	vat: centsToEuros(vat),
	excl: centsToEuros(amount - vat),
});

function difference(shop: CodeTotals, books: CodeTotals): IDataObject {
	return money({ amount: books.amount - shop.amount, vat: books.vat - shop.vat });
}

export interface SummaryFacts {
	period: Period;
	matching: Matching;
	differences: Difference[];
	invalidDrafts: number;
	skippedOrders: number;
	fixed?: { invoices: number; entries: number; payments: number; failed: number };
}

/** One item for the whole period: counts per status and the totals per VAT code, shop against books. */
export function summarise(facts: SummaryFacts): IDataObject {
	const shop: ByVatCode = {};
	const books: ByVatCode = {};
	for (const { order, invoice, duplicates, otherMode } of facts.matching.matched) {
		addInto(shop, order.byVatCode);
		const booked = invoice ?? otherMode;
		if (booked) addInto(books, booksSplit(booked, order.byVatCode));
		for (const duplicate of duplicates) addInto(books, booksSplit(duplicate));
	}
	for (const stranger of facts.matching.strangers) addInto(books, booksSplit(stranger));
	const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
		string,
		number
	>;
	for (const { status } of facts.differences) counts[status]++;
	const withDifferences = new Set(
		facts.differences.flatMap((each) => (each.orderNumber ? [each.orderNumber] : [])),
	);
	const zero = { amount: 0, vat: 0 };
	const vatCodes = [...new Set([...Object.keys(shop), ...Object.keys(books)])]
		.sort()
		.map((vatCode) => ({
			vatCode,
			shop: money(shop[vatCode] ?? zero),
			books: money(books[vatCode] ?? zero),
			difference: difference(shop[vatCode] ?? zero, books[vatCode] ?? zero),
		}));
	const shopTotal = sumOf(shop);
	const booksTotal = sumOf(books);
	return {
		kind: 'summary',
		period: facts.period,
		orders: facts.matching.matched.length,
		ordersRight: facts.matching.matched.length - withDifferences.size,
		differences: facts.differences.length,
		counts,
		vatCodes,
		total: {
			shop: money(shopTotal),
			books: money(booksTotal),
			difference: difference(shopTotal, booksTotal),
		},
		skippedOrders: facts.skippedOrders,
		invalidDrafts: facts.invalidDrafts,
		...(facts.fixed ? { fixed: facts.fixed } : {}),
	};
}
