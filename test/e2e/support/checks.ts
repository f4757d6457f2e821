import { itemCentsByVatCode, paymentsFor, toCents, type Books } from './books';
import { emailOf, expectationFor, invoiceNumberFor, orderTotals, rateOfVatCode } from './expected';

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
	const payments = paymentsFor(books, invoiceNumber);
	if (kind === 'invoice' ? payments.length !== 1 : payments.length > 1) {
		problems.push(`${invoiceNumber}: ${payments.length} payments`);
	}
	for (const payment of payments) {
		const paid = payment.rows
			.filter((row) => row.invoiceNumber === invoiceNumber)
			.reduce((sum, row) => sum + toCents(row.amount), 0);
		if (Math.abs(paid) !== Math.abs(total))
			problems.push(`${invoiceNumber}: paid ${paid / 100} of ${total / 100}`);
	}
	return problems;
}

/**
 * Everything that is wrong with the books for these shop orders, as readable lines (empty = right): one invoice per
 * finished paid order with the order's totals per VAT rate and in all, one payment, credit orders as credit
 * invoices, nothing for any other order, one relation per e-mail address.
 */
export function bookProblems(orders: unknown[], books: Books): string[] {
	const problems: string[] = [];
	const expected = (orders as Json[]).filter((order) => expectationFor(order) !== 'none');
	const wanted = new Set(expected.map(invoiceNumberFor));
	const seen = new Map<string, number>();
	for (const invoice of books.invoices)
		seen.set(invoice.invoiceNumber, (seen.get(invoice.invoiceNumber) ?? 0) + 1);
	for (const [invoiceNumber, count] of seen) {
		if (count > 1) problems.push(`${invoiceNumber}: ${count} invoices`);
		if (!wanted.has(invoiceNumber))
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
