import type { Order } from '../../shared/order.schema';
import type { OrderContext } from './errors';
import { formatEuros, centsToEuros } from '../../shared/money';
import { payLaterLedger, receivedLedger } from './paymentLedgers';
import { failedPayment, partOf, wholeOrderPart, type Part } from './paymentParts';
import { storeCreditCents } from './storeCredit';
import { readTransactions, type Transaction } from './transactions';
import type { DraftPayment, MappingSettings } from './types';

function toDraft(part: Part, ledgerCode: string | null): DraftPayment {
	return {
		amount: centsToEuros(part.cents),
		date: part.date,
		ledgerCode,
		kind: part.kind,
		method: part.method,
		reference: part.reference,
	};
}

/** The ledger of one part, or null with a warning saying why it is not booked. */
function ledgerOf(part: Part, settings: MappingSettings, warnings: string[]): string | null {
	const what = `${formatEuros(part.cents)}${part.method ? ` (${part.method})` : ''}`;
	if (part.kind === 'giftCard') {
		if (settings.giftCardLedger) return settings.giftCardLedger;
		warnings.push(
			`${part.field}: ${what} was paid with a gift card or store credit and is not booked as paid: set Gift Card Ledger to settle it against the outstanding gift cards`,
		);
		return null;
	}
	if (part.kind === 'payLater') {
		const ledger = payLaterLedger(part.names, settings);
		if (ledger) return ledger;
		warnings.push(
			`${part.field}: ${what} is authorised, not captured: no money has arrived, so no payment is booked; it is booked once captured, or add the method to Pay Later Ledgers to book it on a receivable now`,
		);
		return null;
	}
	if (part.kind === 'open') {
		warnings.push(
			`${part.field}: ${what} of the order total is covered by no transaction that moved money; it stays open on the invoice`,
		);
		return null;
	}
	return receivedLedger(part.names, settings);
}

function moved(transaction: Transaction): boolean {
	return transaction.state !== 'none' && transaction.cents !== 0;
}

/**
 * A customer who paid twice and got one payment back paid the order once: when the transactions come to more than
 * the total, one refunded in full moved no money on balance and is left out. A single payment refunded later (a
 * return) still paid the order; its credit order books the refund.
 */
function keptTransactions(
	transactions: Transaction[],
	totalCents: number,
	warnings: string[],
): Transaction[] {
	const covered = transactions.reduce((sum, transaction) => sum + transaction.cents, 0);
	if (covered <= totalCents) return transactions;
	return transactions.filter((transaction) => {
		if (!transaction.refundedInFull) return true;
		const method = transaction.method || transaction.gateway;
		warnings.push(
			`${transaction.field}: ${formatEuros(transaction.cents)}${method ? ` (${method})` : ''} was refunded in full, and with it the payments come to more than the order total; it is not booked as paid`,
		);
		return false;
	});
}

/**
 * One part per transaction that moved money (captured, or authorised pay later), each on the ledger of its own
 * method and dated on its own capture. What the transactions leave uncovered is store credit when the payment
 * order shows that much, else it stays open. More than the total is an error: something was paid twice.
 */
function transactionParts(
	order: Order,
	transactions: Transaction[],
	totalCents: number,
	settings: MappingSettings,
	context: OrderContext,
	warnings: string[],
): Part[] {
	const orderDate = order.date.slice(0, 10);
	const parts = keptTransactions(transactions.filter(moved), totalCents, warnings).map(
		(transaction) => partOf(transaction, orderDate, settings),
	);
	const covered = parts.reduce((sum, part) => sum + part.cents, 0);
	const left = totalCents - covered;
	if (left < 0) {
		context.fail(
			'payments',
			`the transactions that moved money add up to ${formatEuros(covered)}, more than the order total ${formatEuros(totalCents)}`,
		);
	}
	if (left > 0) {
		const credit = storeCreditCents(order) === left;
		const last = parts.length ? parts[parts.length - 1].date : orderDate;
		parts.push({
			cents: left,
			date: last,
			kind: credit ? 'giftCard' : 'open',
			method: credit ? 'store_credit' : '',
			names: [],
			reference: credit ? 'tegoed' : 'open',
			field: 'payments',
		});
	}
	return parts;
}

/**
 * The payment bookings of an order, summing to its total. A credit order (which carries no payments of its own)
 * gets one refund: a negative amount on the ledger its method would be paid on. A part with ledgerCode null is
 * not booked; a warning says why.
 */
export function mapPayments(
	order: Order,
	totalCents: number,
	isCredit: boolean,
	settings: MappingSettings,
	context: OrderContext,
	warnings: string[],
): DraftPayment[] {
	if (totalCents === 0) return [];
	const read = isCredit ? null : readTransactions(order, context);
	// A manual payment (bank transfer, cash) the shop marked paid by the order status may have a transaction that
	// shows no capture: then the transactions tell nothing, and the order is paid as a whole, as without them.
	const transactions = read?.some(moved) ? read : null;
	const unread = (order as { paymentsError?: unknown }).paymentsError;
	// Without its transactions nobody can tell whether part was paid by gift card or is still only authorised, so
	// no money is booked as received: the invoice stays open until a run that can read them (the catch-up).
	if (!transactions && !isCredit && typeof unread === 'string' && unread.trim()) {
		warnings.push(
			`payments: ${unread.trim()}; the payment is not booked, so the invoice stays open until a later run reads the order's payments`,
		);
		return [toDraft(wholeOrderPart(order, totalCents, settings), null)];
	}
	const parts = transactions
		? transactionParts(order, transactions, totalCents, settings, context, warnings)
		: [wholeOrderPart(order, totalCents, settings)];
	if (!(isCredit ? settings.bookRefunds : settings.bookPayments)) {
		return parts.map((part) => toDraft(part, null));
	}
	const failed = transactions ? null : failedPayment(order);
	if (failed && !isCredit) {
		warnings.push(`payment: not booked as paid, the order has ${failed}`);
		return parts.map((part) => toDraft(part, null));
	}
	return parts.map((part) => toDraft(part, ledgerOf(part, settings, warnings)));
}
