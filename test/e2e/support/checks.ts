import { caseOf } from '../../sandbox/shop/cases';
import type { ShopOrder } from '../../sandbox/shop/generator';
import {
	itemCentsByLedger,
	itemCentsByVatCode,
	ledgerCode,
	paidCents,
	paymentsFor,
	toCents,
	type BookedInvoice,
	type Books,
} from './books';
import {
	caseBooks,
	caseFailures,
	emailOf,
	expectationFor,
	invoiceNumberFor,
	orderTotals,
	rateOfVatCode,
} from './expected';

type Json = Record<string, unknown>;

/** Lines without amount_including_tax are derived per line, so a rate may be off by the mapping's rounding cent. */
const derivesAmounts = (order: Json) =>
	(order.orderlines as Json[] | undefined)?.some((line) =>
		(Array.isArray(line.price) ? (line.price as Json[]) : [line.price as Json]).some(
			(price) => price?.amount_including_tax === undefined,
		),
	) ?? false;

function invoiceProblems(order: Json, books: Books): string[] {
	const kind = expectationFor(order);
	const invoiceNumber = invoiceNumberFor(order);
	const invoice = books.invoices.find((candidate) => candidate.invoiceNumber === invoiceNumber);
	if (!invoice) {
		const paid = order.payment_status ? `, payment ${String(order.payment_status)}` : '';
		return [`order ${order.number} (status ${order.status}${paid}): no invoice ${invoiceNumber}`];
	}
	const problems: string[] = [];
	const { byRate, total } = orderTotals(order);
	// A credit invoice mirrors the order: negative, whatever sign the shop used.
	const sign = kind === 'credit' && total > 0 ? -1 : 1;
	if (toCents(invoice.totalAmount) !== sign * total) {
		problems.push(
			`${invoiceNumber}: total ${invoice.totalAmount}, order says ${(sign * total) / 100}`,
		);
	}
	const booked = new Map<number, number>();
	for (const [vatCode, cents] of itemCentsByVatCode(invoice)) {
		const rate = rateOfVatCode[vatCode];
		if (rate === undefined) problems.push(`${invoiceNumber}: unexpected VAT code ${vatCode}`);
		booked.set(rate, (booked.get(rate) ?? 0) + cents);
	}
	const tolerance = derivesAmounts(order) ? 1 : 0;
	for (const rate of new Set([...byRate.keys(), ...booked.keys()])) {
		const want = sign * (byRate.get(rate) ?? 0);
		const got = booked.get(rate) ?? 0;
		if (Math.abs(got - want) > tolerance)
			problems.push(`${invoiceNumber}: ${rate}% lines ${got / 100}, order ${want / 100}`);
	}
	const relation = books.relations.find((candidate) => candidate.id === invoice.relationId);
	if ((relation?.emailAddress ?? '').toLowerCase() !== emailOf(order)) {
		problems.push(`${invoiceNumber}: relation ${invoice.relationId} is not ${emailOf(order)}`);
	}
	const planted = caseOf(order as ShopOrder);
	const bookedAs = planted ? caseBooks[planted] : undefined;
	problems.push(
		...(bookedAs
			? caseProblems(books, invoice, bookedAs, planted as string)
			: paymentProblems(books, invoiceNumber, kind, total)),
	);
	return problems;
}

const centsText = (cents: number) => (cents / 100).toFixed(2);

/** A generic order: one payment (an invoice) or at most one refund (a credit invoice), for the whole total. */
function paymentProblems(
	books: Books,
	invoiceNumber: string,
	kind: string,
	total: number,
): string[] {
	const problems: string[] = [];
	const payments = paymentsFor(books, invoiceNumber);
	if (kind === 'invoice' ? payments.length !== 1 : payments.length > 1) {
		problems.push(`${invoiceNumber}: ${payments.length} payments`);
	}
	for (const payment of payments) {
		const paid = paidCents(payment, invoiceNumber);
		if (Math.abs(paid) !== Math.abs(total))
			problems.push(`${invoiceNumber}: paid ${paid / 100} of ${total / 100}`);
	}
	if (kind === 'invoice') problems.push(...openProblems(books, invoiceNumber));
	return problems;
}

/** A paid invoice leaves nothing open for the bookkeeper to chase. */
function openProblems(books: Books, invoiceNumber: string): string[] {
	const open = books.outstanding.filter((item) => item.invoiceNumber === invoiceNumber);
	return open
		.filter((item) => toCents(item.outstandingAmount) !== 0)
		.map((item) => `${invoiceNumber}: ${item.outstandingAmount} still open after its payments`);
}

/** A planted case: its items per ledger and VAT code and its payments, exactly as caseBooks writes them out. */
function caseProblems(
	books: Books,
	invoice: BookedInvoice,
	expected: {
		items: Record<string, number>;
		payments: Array<{ type: number; ledgerCode: string; cents: number }>;
	},
	name: string,
): string[] {
	const problems: string[] = [];
	const { invoiceNumber } = invoice;
	const items = itemCentsByLedger(books, invoice);
	for (const key of new Set([...Object.keys(expected.items), ...Object.keys(items)])) {
		const want = expected.items[key] ?? 0;
		const got = items[key] ?? 0;
		if (want !== got)
			problems.push(
				`${invoiceNumber} (${name}): items on ${key} ${centsText(got)}, expected ${centsText(want)}`,
			);
	}
	const describe = (type: number, code: string, cents: number) =>
		`type ${type} on ${code} ${centsText(cents)}`;
	const booked = paymentsFor(books, invoiceNumber)
		.map((payment) =>
			describe(
				payment.type,
				ledgerCode(books, payment.ledgerId),
				paidCents(payment, invoiceNumber),
			),
		)
		.sort();
	const wanted = expected.payments
		.map((payment) => describe(payment.type, payment.ledgerCode, payment.cents))
		.sort();
	if (JSON.stringify(booked) !== JSON.stringify(wanted)) {
		problems.push(
			`${invoiceNumber} (${name}): payments [${booked.join('; ')}], expected [${wanted.join('; ')}]`,
		);
	}
	problems.push(...openProblems(books, invoiceNumber));
	return problems;
}

/**
 * Everything that is wrong with the books for these shop orders, as readable lines (empty = right): one invoice per
 * finished paid order with the order's totals per VAT rate and in all, its payments settling it (one for an
 * ordinary order; a planted case exactly as caseBooks says, memorials on the gift-card ledger included), credit
 * orders as credit invoices, nothing for any other order (an order that must fail included), one relation per
 * e-mail address.
 */
export function bookProblems(orders: unknown[], books: Books): string[] {
	const problems: string[] = [];
	const expected = (orders as Json[]).filter((order) =>
		['invoice', 'credit'].includes(expectationFor(order)),
	);
	const wanted = new Set(expected.map(invoiceNumberFor));
	const refused = new Map(
		(orders as ShopOrder[])
			.filter((order) => expectationFor(order) === 'failed')
			.map((order) => [invoiceNumberFor(order), caseOf(order)]),
	);
	const seen = new Map<string, number>();
	for (const invoice of books.invoices)
		seen.set(invoice.invoiceNumber, (seen.get(invoice.invoiceNumber) ?? 0) + 1);
	for (const [invoiceNumber, count] of seen) {
		if (count > 1) problems.push(`${invoiceNumber}: ${count} invoices`);
		if (refused.has(invoiceNumber))
			problems.push(
				`${invoiceNumber}: booked, but its order must be refused (${refused.get(invoiceNumber)})`,
			);
		else if (!wanted.has(invoiceNumber))
			problems.push(`${invoiceNumber}: booked, but its order is not finished and paid`);
	}
	for (const order of expected) problems.push(...invoiceProblems(order, books));
	const emails = new Map<string, number>();
	for (const relation of books.relations) {
		const email = (relation.emailAddress ?? '').toLowerCase();
		emails.set(email, (emails.get(email) ?? 0) + 1);
	}
	for (const [email, count] of emails)
		if (count > 1) problems.push(`${count} relations for ${email}`);
	return problems;
}

/** One item of the "Failed Orders" node. */
export type FailedOrder = Record<string, unknown>;

/**
 * What is wrong with these "Failed Orders" items: every order that must fail (caseFailures) is there, each time with
 * its number, a reason that names it and the field or facts, and what to do (details); no other order is there.
 */
export function failedOrderProblems(orders: unknown[], failed: FailedOrder[]): string[] {
	const problems: string[] = [];
	const mustFail = new Map(
		(orders as ShopOrder[])
			.filter((order) => expectationFor(order) === 'failed')
			.map((order) => [String(order.number), caseOf(order)]),
	);
	for (const [number, planted] of mustFail) {
		const items = failed.filter((item) => String(item.orderNumber) === number);
		if (items.length === 0) problems.push(`order ${number} (${planted}) is not in Failed Orders`);
		for (const item of items) {
			const reason = String(item.reason ?? '');
			const missing = [new RegExp(`^Order ${number}:`), ...(caseFailures[planted!] ?? [])].filter(
				(pattern) => !pattern.test(reason),
			);
			if (missing.length > 0)
				problems.push(
					`order ${number} (${planted}): reason "${reason}" does not match ${missing.join(', ')}`,
				);
			if (String(item.details ?? '').trim() === '')
				problems.push(`order ${number} (${planted}): Failed Orders says nothing about what to do`);
		}
	}
	for (const item of failed) {
		if (!mustFail.has(String(item.orderNumber)))
			problems.push(`order ${String(item.orderNumber)} in Failed Orders: ${String(item.reason)}`);
	}
	return problems;
}
