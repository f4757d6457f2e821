import type { IDataObject } from 'n8n-workflow';

import type { Difference, Status } from './difference';
import { centsToEuros } from '../../../shared/money';
import type { BooksInvoice } from './books';
import type { Matched, Matching } from './match';
import { ledger, otherMode, type LedgerCheck } from './modeDifferences';
import { MODE_NAMES, WHAT_FIX_BOOKS, euro, label } from './wording';
import { sameTotals, sumOf, type ByVatCode } from './vat';

export { STATUSES, type Difference, type Status } from './difference';

const ZERO = { amount: 0, vat: 0 };

function allCodes(shop: ByVatCode, books: ByVatCode): string[] {
	return [...new Set([...Object.keys(shop), ...Object.keys(books)])].sort();
}

/** The VAT codes whose amount or VAT differs between shop and books. */
function differingCodes(shop: ByVatCode, books: ByVatCode): string[] {
	return allCodes(shop, books).filter((code) => {
		const left = shop[code] ?? ZERO;
		const right = books[code] ?? ZERO;
		return left.amount !== right.amount || left.vat !== right.vat;
	});
}

/** Per VAT code both amounts (incl. VAT and the VAT in it) and the difference, books minus shop, in euros. */
export function vatCodeRows(
	shop: ByVatCode,
	books: ByVatCode,
	onlyDiffering: boolean,
): IDataObject[] {
	const codes = onlyDiffering ? differingCodes(shop, books) : allCodes(shop, books);
	return codes.map((vatCode) => {
		const left = shop[vatCode] ?? ZERO;
		const right = books[vatCode] ?? ZERO;
		return {
			vatCode,
			shopAmount: centsToEuros(left.amount),
			booksAmount: centsToEuros(right.amount),
			shopVat: centsToEuros(left.vat),
			booksVat: centsToEuros(right.vat),
			difference: centsToEuros(right.amount - left.amount),
			vatDifference: centsToEuros(right.vat - left.vat),
		};
	});
}

function missing({ order, duplicates }: Matched): Difference {
	const bookedAs = duplicates.map((invoice) => invoice.invoiceNumber);
	return {
		status: 'missing',
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts: {
			date: order.date,
			shopAmount: centsToEuros(order.total),
			shopPaid: centsToEuros(order.paid),
			...(bookedAs.length ? { bookedAs } : {}),
		},
		whatToDo: bookedAs.length
			? `Order ${order.orderNumber} is not in the books as ${order.invoiceNumber}, but as ${bookedAs.join(', ')}. Check that invoice; Fix leaves this order alone so it is not booked twice.`
			: `Order ${order.orderNumber} (${euro(order.total)}) is not in the books. Run Reconcile with Fix on to book ${WHAT_FIX_BOOKS[order.mode ?? 'invoice']} ${order.invoiceNumber}${order.mode === 'cashSale' ? '' : ' and its payment'}, or let the sync book it.`,
		fixable: bookedAs.length === 0,
	};
}

function amounts(entry: Matched, invoice: BooksInvoice): Difference | undefined {
	const { order } = entry;
	const listedEqual = invoice.total === order.total && invoice.vat === order.vat;
	if (listedEqual && (!invoice.byVatCode || sameTotals(invoice.byVatCode, order.byVatCode)))
		return undefined;
	const books = invoice.byVatCode ?? {};
	const status: Status = invoice.total !== order.total ? 'amountDiffers' : 'vatDiffers';
	const rows = vatCodeRows(order.byVatCode, books, true);
	const facts: IDataObject = {
		date: invoice.date,
		shopAmount: centsToEuros(order.total),
		booksAmount: centsToEuros(invoice.total),
		shopVat: centsToEuros(order.vat),
		booksVat: centsToEuros(invoice.vat),
		difference: centsToEuros(invoice.total - order.total),
		vatCodes: rows,
	};
	const codes = differingCodes(order.byVatCode, books).map(
		(code) =>
			`${code}: shop ${euro((order.byVatCode[code] ?? ZERO).amount)}, books ${euro((books[code] ?? ZERO).amount)}`,
	);
	const isInvoice = (invoice.mode ?? 'invoice') === 'invoice';
	const correct = isInvoice
		? 'the API cannot change an invoice, so credit it in e-Boekhouden and book the right one'
		: 'the API cannot change a mutation, so correct it in e-Boekhouden (Boekhouden → Mutaties)';
	const whatToDo =
		status === 'amountDiffers'
			? `${label(invoice)} totals ${euro(invoice.total)} in the books, order ${order.orderNumber} ${euro(order.total)}. Compare its lines with the order; ${correct}.`
			: `${label(invoice)} has the right total but another VAT split (${codes.join('; ')}). Correct the VAT codes of its ${isInvoice ? 'lines' : 'rows'} in e-Boekhouden before the VAT return.`;
	return {
		status,
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts,
		whatToDo,
		fixable: false,
	};
}

/**
 * Paid in the books = the invoice's total minus what is still open on it. The shop's side is what the sync books
 * against the invoice (payments.ts). When the amounts differ, only a payment that is wholly absent is reported:
 * any other payment difference follows from the amount.
 */
function payment(
	{ order }: Matched,
	invoice: BooksInvoice,
	open: number,
	amountsDiffer: boolean,
): Difference | undefined {
	const booksPaid = invoice.total - open;
	if (booksPaid === order.paid) return undefined;
	const unpaid = booksPaid === 0 && order.paid !== 0;
	if (amountsDiffer && !unpaid) return undefined;
	const facts: IDataObject = {
		date: invoice.date,
		shopPaid: centsToEuros(order.paid),
		booksPaid: centsToEuros(booksPaid),
		booksOutstanding: centsToEuros(open),
		difference: centsToEuros(booksPaid - order.paid),
	};
	return {
		status: unpaid ? 'unpaid' : 'paymentDiffers',
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts,
		whatToDo: unpaid
			? `The shop received ${euro(order.paid)} for order ${order.orderNumber}, but ${label(invoice).toLowerCase()} has no payment in the books. Run Reconcile with Fix on, or book it with Payment → Book Invoice Payment.`
			: `The shop received ${euro(order.paid)} for order ${order.orderNumber}; the books hold ${euro(booksPaid)} paid on ${invoice.invoiceNumber} (${euro(open)} open). Check the payments on that ${(invoice.mode ?? 'invoice') === 'invoice' ? 'invoice' : 'entry'} in e-Boekhouden.`,
		fixable: unpaid,
	};
}

function bookedTwice({ order, invoice, duplicates }: Matched): Difference {
	const numbers = duplicates.map((duplicate) => duplicate.invoiceNumber);
	return {
		status: 'bookedTwice',
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts: {
			date: order.date,
			shopAmount: centsToEuros(order.total),
			booksAmount: centsToEuros(
				[invoice, ...duplicates].reduce((sum, each) => sum + (each?.total ?? 0), 0),
			),
			duplicates: duplicates.map((duplicate) => ({
				invoiceNumber: duplicate.invoiceNumber,
				date: duplicate.date,
				amount: centsToEuros(duplicate.total),
				...(duplicate.mode ? { bookedAs: duplicate.mode } : {}),
			})),
		},
		whatToDo: duplicates.some((duplicate) => duplicate.invoiceNumber === order.invoiceNumber)
			? `Order ${order.orderNumber} is booked twice under ${order.invoiceNumber}: as ${[invoice, ...duplicates].map((entry) => MODE_NAMES[entry?.mode ?? 'invoice']).join(' and as ')}. Reverse the one that does not follow your Booking Mode in e-Boekhouden so its revenue and VAT count once.`
			: `Order ${order.orderNumber} is booked as ${order.invoiceNumber} and again as ${numbers.join(', ')}. Credit the extra invoice in e-Boekhouden so its revenue and VAT count once.`,
		fixable: false,
	};
}

function notInShop(invoice: BooksInvoice, open: number): Difference {
	const byCode = invoice.byVatCode;
	return {
		status: 'notInShop',
		invoiceNumber: invoice.invoiceNumber,
		facts: {
			date: invoice.date,
			booksAmount: centsToEuros(invoice.total),
			booksVat: centsToEuros(byCode ? sumOf(byCode).vat : invoice.vat),
			booksPaid: centsToEuros(invoice.total - open),
			relationId: invoice.relationId ?? null,
			...(invoice.mode ? { bookedAs: invoice.mode } : {}),
		},
		whatToDo: `${label(invoice)} (${euro(invoice.total)}) carries the sync's prefix but matches no finished, paid order of the period. Check the order in the shop (cancelled, refunded, or not paid yet); if it should not be in the books, credit it.`,
		fixable: false,
	};
}

/**
 * Every difference, order by order in input order, then the strangers. `open`: cents still open per invoice
 * number; `ledgers` checks the main ledger of journal entries and cash sales.
 */
export function findDifferences(
	matching: Matching,
	open: Map<string, number>,
	ledgers?: LedgerCheck,
): Difference[] {
	const found: Difference[] = [];
	for (const entry of matching.matched) {
		const { invoice } = entry;
		if (!invoice) {
			found.push(entry.otherMode ? otherMode(entry, entry.otherMode) : missing(entry));
			continue;
		}
		const wrongLedger = ledger(entry, invoice, ledgers);
		if (wrongLedger) found.push(wrongLedger);
		const amountDifference = amounts(entry, invoice);
		if (amountDifference) found.push(amountDifference);
		const paid = payment(
			entry,
			invoice,
			open.get(invoice.invoiceNumber) ?? 0,
			amountDifference !== undefined,
		);
		if (paid) found.push(paid);
		if (entry.duplicates.length) found.push(bookedTwice(entry));
	}
	for (const stranger of matching.strangers)
		found.push(notInShop(stranger, open.get(stranger.invoiceNumber) ?? 0));
	return found;
}
