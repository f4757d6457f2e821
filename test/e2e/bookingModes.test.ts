/**
 * The Booking Modes as a user runs them: a real n8n 2.x with the packed package, the shipped sync template imported
 * with Order to Invoice's Booking Mode set to Journal Entry, then (a fresh n8n and sandbox) to Cash Sale. The shop
 * holds a random mix of orders, each paid in one go. Every check reads the sandbox BOOKS and compares them with
 * figures worked out here from the shop's orders (support/expected.ts), never with the package's mapping.
 */

import type { BookingMode } from '../../nodes/OrderToInvoice/mapping/types';
import type { ShopOrder } from '../sandbox/shop/generator';
import { readBooks, toCents, type Books, type BookedMutation } from './support/books';
import { expectationFor, invoiceNumberFor, orderTotals, rateOfVatCode } from './support/expected';
import { startE2e, type E2eEnvironment } from './support/environment';
import { itemsOf, readExecutions } from '../../scripts/lib/executions';
import { waitFor, waitUntilSettled } from '../../scripts/lib/stack';
import { failedOrdersNode, loadTemplate } from '../../scripts/lib/workflows';

const minute = 60_000;
jest.setTimeout(3 * minute);

type Run = E2eEnvironment;

/** A fresh sandbox and n8n with the sync published in this Booking Mode (one-minute poll and catch-ups). */
async function startMode(bookingMode: BookingMode): Promise<Run> {
	const run = await startE2e(
		`bookingModes-${bookingMode}`,
		{ seed: { count: 30, seed: 20261206, periodDays: 10, cases: false } },
		{ orderToInvoice: { bookingMode } },
	);
	try {
		await run.settle();
	} catch (error) {
		await run.close();
		throw error;
	}
	return run;
}

/** Cents per VAT rate of an entry's rows (a sales VAT code's rate, docs/api-notes.md §7). */
function rowCentsByRate(mutation: BookedMutation & { rows: Array<{ vatCode?: string }> }) {
	const byRate = new Map<number, number>();
	for (const row of mutation.rows) {
		const rate = rateOfVatCode[row.vatCode ?? ''] ?? -1;
		byRate.set(rate, (byRate.get(rate) ?? 0) + toCents(row.amount));
	}
	return byRate;
}

const magnitudes = (byRate: Map<number, number>) =>
	Object.fromEntries(
		[...byRate].filter(([, cents]) => cents !== 0).map(([rate, cents]) => [rate, Math.abs(cents)]),
	);

/** The order numbers that reached "Failed Orders", with what they said. */
function failedOrders(run: Run): Map<string, string> {
	const failed = itemsOf(readExecutions(run.n8n, true), failedOrdersNode) as Array<
		Record<string, unknown>
	>;
	return new Map(failed.map((item) => [String(item.orderNumber), JSON.stringify(item)]));
}

/** Each order the shop says must be booked: its entries of this type in the books. */
function entriesPerOrder(run: Run, type: number) {
	const books = readBooks(run.sandbox.books);
	const failed = failedOrders(run);
	const due = run.sandbox.shop
		.orders()
		.filter((order: ShopOrder) => ['invoice', 'credit'].includes(expectationFor(order)));
	return {
		books,
		failed,
		due: due.map((order) => ({
			order,
			entries: books.mutations.filter(
				(mutation) => mutation.type === type && mutation.invoiceNumber === invoiceNumberFor(order),
			),
		})),
	};
}

function checkBooked(run: Run, type: number): { books: Books; booked: number } {
	const { books, failed, due } = entriesPerOrder(run, type);
	const problems: string[] = [];
	let booked = 0;
	for (const { order, entries } of due) {
		const number = String(order.number);
		if (entries.length === 0 && failed.has(number)) continue;
		if (entries.length !== 1) {
			problems.push(`order ${number}: ${entries.length} entries of type ${type}`);
			continue;
		}
		booked++;
		const got = magnitudes(rowCentsByRate(entries[0] as never));
		const wanted = magnitudes(orderTotals(order).byRate);
		if (JSON.stringify(got) !== JSON.stringify(wanted))
			problems.push(
				`order ${number}: per VAT rate ${JSON.stringify(got)}, the order says ${JSON.stringify(wanted)}`,
			);
	}
	expect(problems).toEqual([]);
	expect(books.invoices).toEqual([]);
	expect(booked).toBeGreaterThan(due.length / 2);
	return { books, booked };
}

/** Waits for one catch-up (a Schedule Trigger run over the booked orders) to finish, and for n8n to settle. */
async function afterOneCatchUp(run: Run): Promise<void> {
	const entries = loadTemplate('sync')
		.nodes.filter((node) => node.type === 'n8n-nodes-base.scheduleTrigger')
		.map((node) => node.name);
	const catchUps = () =>
		readExecutions(run.n8n, true).filter(
			(execution) =>
				execution.status === 'success' && entries.some((entry) => execution.nodes?.[entry]),
		).length;
	const before = catchUps();
	await waitFor(
		() => catchUps() > before,
		90_000,
		() => 'no catch-up run finished',
		1_000,
	);
	await waitUntilSettled(run.n8n, run.sandbox);
}

describe.each([
	['journalEntry', 2],
	['cashSale', 5],
] as const)('the sync template in Booking Mode %s', (bookingMode, type) => {
	let run: Run;
	beforeAll(async () => {
		run = await startMode(bookingMode);
	}, 4 * minute);
	afterAll(async () => await run?.close());

	it('books each finished, paid order once, to the cent per VAT rate, with no invoice', () => {
		const { books } = checkBooked(run, type);
		if (bookingMode === 'journalEntry') {
			// The payment settles the open item of each entry.
			const open = books.outstanding.filter((item) => item.outstandingAmount !== 0);
			expect(open).toEqual([]);
		} else {
			expect(books.outstanding).toEqual([]);
			const payments = books.mutations.filter((mutation) => mutation.type !== 5);
			expect(payments).toEqual([]);
		}
	});

	it('a catch-up over the same orders books nothing again', async () => {
		const before = readBooks(run.sandbox.books).mutations.length;
		await afterOneCatchUp(run);
		expect(readBooks(run.sandbox.books).mutations.length).toBe(before);
		checkBooked(run, type);
	});
});
