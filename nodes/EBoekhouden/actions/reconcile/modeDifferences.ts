import type { IDataObject } from 'n8n-workflow';

import { centsToEuros } from '../../../shared/money';
import type { BooksInvoice } from './books';
import type { Difference } from './difference';
import type { Matched } from './match';
import { MODE_NAMES, euro, label } from './wording';

/** The main ledger an order's entry belongs on (Journal Entry: the debtors ledger; Cash Sale: its payment's), and a booked ledger's code. */
export interface LedgerCheck {
	expected(order: Matched['order']): { id: number; code: string } | undefined;
	codeOf(ledgerId: number): string;
}

/** The order is in the books under its number, but in another Booking Mode: booked before the mode was switched. */
export function otherMode({ order }: Matched, booked: BooksInvoice): Difference {
	const wanted = MODE_NAMES[order.mode ?? 'invoice'];
	const same = booked.total === order.total;
	return {
		status: 'bookedInOtherMode',
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts: {
			date: booked.date,
			bookingMode: order.mode ?? 'invoice',
			bookedAs: booked.mode ?? 'invoice',
			shopAmount: centsToEuros(order.total),
			booksAmount: centsToEuros(booked.total),
			difference: centsToEuros(booked.total - order.total),
		},
		whatToDo: `Order ${order.orderNumber} is in the books as ${MODE_NAMES[booked.mode ?? 'invoice']} ${booked.invoiceNumber}, not as ${wanted} as Booking Mode now says: it was booked before the mode was changed. It is not booked again (Fix leaves it alone). ${same ? 'Its total matches the order.' : `Its total (${euro(booked.total)}) differs from the order's (${euro(order.total)}): check it in e-Boekhouden.`}`,
		fixable: false,
	};
}

/** Per revenue ledger code, the lines' and the rows' cents where they differ. */
function revenueRows(
	order: Matched['order'],
	booked: BooksInvoice,
	ledgers: LedgerCheck,
): IDataObject[] {
	const books: Record<string, number> = {};
	for (const [id, cents] of Object.entries(booked.byLedgerId ?? {})) {
		const code = ledgers.codeOf(Number(id));
		books[code] = (books[code] ?? 0) + cents;
	}
	const shop = order.byLedgerCode ?? {};
	return [...new Set([...Object.keys(shop), ...Object.keys(books)])]
		.sort()
		.filter((code) => (shop[code] ?? 0) !== (books[code] ?? 0))
		.map((code) => ({
			ledger: code,
			shopAmount: centsToEuros(shop[code] ?? 0),
			booksAmount: centsToEuros(books[code] ?? 0),
		}));
}

/**
 * A journal entry or cash sale booked on another main ledger than the one its mode puts it on, or whose rows put
 * the revenue on other ledgers than the order's lines. Only ledgers are compared here: amounts are compared per
 * VAT code, so rows that differ in amount on the right ledgers show there, not here.
 */
export function ledger(
	{ order }: Matched,
	booked: BooksInvoice,
	ledgers: LedgerCheck | undefined,
): Difference | undefined {
	const expected = ledgers?.expected(order);
	if (!ledgers || !expected) return undefined;
	const mainDiffers = booked.ledgerId !== undefined && booked.ledgerId !== expected.id;
	const rows =
		booked.byLedgerId && booked.total === order.total ? revenueRows(order, booked, ledgers) : [];
	if (!mainDiffers && rows.length === 0) return undefined;
	const actual = booked.ledgerId === undefined ? expected.code : ledgers.codeOf(booked.ledgerId);
	const what =
		order.mode === 'cashSale' ? 'the ledger of its payment' : 'the debtors ledger set in Reconcile';
	const revenue = rows
		.map(
			(row) =>
				`${String(row.ledger)}: shop €${Number(row.shopAmount).toFixed(2)}, books €${Number(row.booksAmount).toFixed(2)}`,
		)
		.join('; ');
	return {
		status: 'ledgerDiffers',
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts: {
			date: booked.date,
			shopLedger: expected.code,
			booksLedger: actual,
			...(rows.length ? { revenueLedgers: rows } : {}),
		},
		whatToDo: `${mainDiffers ? `${label(booked)} is booked on ledger ${actual}, but ${what} is ${expected.code}.` : `${label(booked)} puts its revenue on other ledgers than the order's lines (${revenue}).`} Check the ledgers in e-Boekhouden (and the ledgers set in Order to Invoice and Reconcile).`,
		fixable: false,
	};
}
