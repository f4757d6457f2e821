import { toEuros } from '../shared/money';
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
			shopAmount: toEuros(order.total),
			booksAmount: toEuros(booked.total),
			difference: toEuros(booked.total - order.total),
		},
		whatToDo: `Order ${order.orderNumber} is in the books as ${MODE_NAMES[booked.mode ?? 'invoice']} ${booked.invoiceNumber}, not as ${wanted} as Booking Mode now says: it was booked before the mode was changed. It is not booked again (Fix leaves it alone). ${same ? 'Its total matches the order.' : `Its total (${euro(booked.total)}) differs from the order's (${euro(order.total)}): check it in e-Boekhouden.`}`,
		fixable: false,
	};
}

/** A journal entry or cash sale booked on another main ledger than the one its mode puts it on. */
export function ledger(
	{ order }: Matched,
	booked: BooksInvoice,
	ledgers: LedgerCheck | undefined,
): Difference | undefined {
	const expected = ledgers?.expected(order);
	if (!expected || booked.ledgerId === undefined || booked.ledgerId === expected.id)
		return undefined;
	const actual = ledgers?.codeOf(booked.ledgerId) ?? String(booked.ledgerId);
	const what =
		order.mode === 'cashSale' ? 'the ledger of its payment' : 'the debtors ledger set in Reconcile';
	return {
		status: 'ledgerDiffers',
		itemIndex: order.itemIndex,
		orderNumber: order.orderNumber,
		invoiceNumber: order.invoiceNumber,
		facts: { date: booked.date, shopLedger: expected.code, booksLedger: actual },
		whatToDo: `${label(booked)} is booked on ledger ${actual}, but ${what} is ${expected.code}. Check the ledger in e-Boekhouden (and the ledgers set in Order to Invoice and Reconcile).`,
		fixable: false,
	};
}
