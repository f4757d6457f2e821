import type { IDataObject } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import type { BooksStore } from '../../sandbox/books/store';
import { captureStores } from '../../sandbox/books/tamper';
import { makeDraft, splitPayment } from './drafts';
import { changeRow, entryOf, moveEntry, removeEntryPayments } from './reconcileEntries';
import { openBooks, run, stateOf, type Books } from './setup';
import { bookOn, errorsOf, freshWorker } from './workers';

/**
 * Reconcile for orders booked as journal entries (type 2 "Factuur verstuurd") and cash sales (type 5 "Geld
 * ontvangen"): the books are made by the sync's own chain in that mode, then differences are planted by hand edits
 * of the mutations (reconcileEntries.ts), as a bookkeeper makes them in e-Boekhouden.
 */
const PERIOD = { dateFrom: '2026-01-01', dateTo: '2026-03-31' };
const LEDGER_ID = { '1600': 22206461 } as const;

const inMode =
	(bookingMode: InvoiceDraft['bookingMode']) =>
	(orderNumber: number, customer = orderNumber % 3): InvoiceDraft => ({
		...makeDraft(orderNumber, customer, () => (orderNumber % 89) / 100),
		bookingMode,
	});
const journal = inMode('journalEntry');
const cash = inMode('cashSale');

/** A credit order: every line and the refund negative, under the credit prefix. */
const credit = (draft: InvoiceDraft): InvoiceDraft => ({
	...draft,
	kind: 'credit',
	invoice: {
		...draft.invoice,
		invoiceNumber: `MWW-C-${draft.orderNumber}`,
		items: draft.invoice.items.map((item) => ({ ...item, quantity: -item.quantity })),
	},
	payments: draft.payments.map((payment) => ({ ...payment, amount: -payment.amount })),
	totals: {
		amountInclVat: -draft.totals.amountInclVat,
		byVatCode: Object.fromEntries(
			Object.entries(draft.totals.byVatCode).map(([code, euros]) => [code, -(euros ?? 0)]),
		),
	},
});

interface Report {
	differences: IDataObject[];
	summary: IDataObject & { counts: Record<string, number>; fixed?: IDataObject };
	errors: IDataObject[];
}

async function reconcile(
	books: Books,
	drafts: InvoiceDraft[],
	extra: IDataObject = {},
): Promise<Report> {
	const output = await run(
		books,
		{
			resource: 'reconciliation',
			operation: 'reconcile',
			invoicePrefix: 'MWW-',
			creditPrefix: 'MWW-C-',
			...PERIOD,
			...extra,
		},
		drafts as unknown as IDataObject[],
		{ continueOnFail: true },
	);
	const json = output.map((item) => item.json);
	return {
		differences: json.filter((item) => item.kind === 'difference'),
		summary: json.find((item) => item.kind === 'summary') as Report['summary'],
		errors: json.filter((item) => item.error !== undefined),
	};
}

const brief = (differences: IDataObject[]) =>
	differences
		.map(({ status, invoiceNumber }) => `${String(status)} ${String(invoiceNumber)}`)
		.sort();

async function openStore(): Promise<{ books: Books; store: BooksStore }> {
	const capture = captureStores();
	const books = await openBooks();
	capture.release();
	return { books, store: capture.stores[0] };
}

async function book(books: Books, drafts: InvoiceDraft[]): Promise<void> {
	const chain = await bookOn(await freshWorker(), drafts, books.credentials);
	books.credentials = chain.credentials;
	expect(errorsOf(chain)).toEqual([]);
}

const countsOf = (books: Books) => {
	const counts = books.sandbox.counts();
	return {
		invoices: counts['GET /v1/invoice'] ?? 0,
		openItems: counts['GET /v1/mutation/invoice/outstanding'] ?? 0,
		mutationListings: counts['GET /v1/mutation'] ?? 0,
		mutationReads: counts['GET /v1/mutation/:id'] ?? 0,
		ledgers: counts['GET /v1/ledger'] ?? 0,
	};
};

/** The other code of a line, so the VAT split moves while the total (prices incl. VAT) stays. */
const otherCode = (code: string) => (code === 'HOOG_VERK_21' ? 'LAAG_VERK_9' : 'HOOG_VERK_21');

describe('Reconcile with Booking Mode Journal Entry', () => {
	let books: Books;
	let store: BooksStore;
	const drafts = [9301, 9302, 9303, 9304, 9305].map((number) => journal(number));
	const booked = drafts.slice(0, 4);

	beforeAll(async () => {
		({ books, store } = await openStore());
		await book(books, booked);
	});
	afterAll(async () => await books.sandbox.close());

	it('finds nothing wrong in books the sync made: two listings, one read per entry, the open items and the ledgers', async () => {
		books.sandbox.resetCounts();
		const { differences, summary, errors } = await reconcile(books, booked);
		expect(errors).toEqual([]);
		expect(differences).toEqual([]);
		expect(summary).toMatchObject({ orders: 4, ordersRight: 4, differences: 0 });
		expect(Object.values(summary.counts).every((count) => count === 0)).toBe(true);
		expect(summary.total).toMatchObject({ difference: { amount: 0, vat: 0, excl: 0 } });
		expect(countsOf(books)).toEqual({
			invoices: 1,
			openItems: 1,
			mutationListings: 2,
			mutationReads: 4,
			ledgers: 1,
		});
	});

	describe('with a difference of each kind planted', () => {
		beforeAll(() => {
			// +1.00 on the first row of 9301; the VAT code of 9302's first row swapped (total unchanged).
			const first = entryOf(store, 'MWW-9301', 2).rows[0];
			changeRow(store, 'MWW-9301', 2, 0, { amount: first.amount + 100 });
			const swapped = entryOf(store, 'MWW-9302', 2).rows[0];
			changeRow(store, 'MWW-9302', 2, 0, { vatCode: otherCode(swapped.vatCode) });
			removeEntryPayments(store, 'MWW-9303');
			moveEntry(store, 'MWW-9304', 2, LEDGER_ID['1600']);
		});

		it('reports each: amount, VAT split, unpaid open item, ledger and the order that is missing', async () => {
			const { differences, summary } = await reconcile(books, drafts);
			expect(brief(differences)).toEqual([
				'amountDiffers MWW-9301',
				'ledgerDiffers MWW-9304',
				'missing MWW-9305',
				'unpaid MWW-9303',
				'vatDiffers MWW-9302',
			]);
			const byStatus = Object.fromEntries(differences.map((each) => [each.status, each]));
			const draftOf = (number: string) => drafts.find((draft) => draft.orderNumber === number)!;
			const total = (number: string) => draftOf(number).totals.amountInclVat;
			expect(byStatus.amountDiffers).toMatchObject({
				orderNumber: '9301',
				shopAmount: total('9301'),
				booksAmount: Math.round(total('9301') * 100 + 100) / 100,
				difference: 1,
			});
			const code = draftOf('9301').invoice.items[0].vatCode;
			expect(byStatus.amountDiffers.vatCodes).toEqual([
				expect.objectContaining({ vatCode: code, difference: 1 }),
			]);
			expect(byStatus.amountDiffers.whatToDo).toContain('Journal entry MWW-9301');
			expect(byStatus.vatDiffers).toMatchObject({ orderNumber: '9302', difference: 0 });
			expect(byStatus.unpaid).toMatchObject({
				orderNumber: '9303',
				shopPaid: total('9303'),
				booksOutstanding: total('9303'),
			});
			expect(byStatus.ledgerDiffers).toMatchObject({ shopLedger: '1300', booksLedger: '1600' });
			expect(byStatus.missing).toMatchObject({ orderNumber: '9305', shopAmount: total('9305') });
			expect(byStatus.missing.whatToDo).toContain('journal entry MWW-9305');
			expect(summary.counts).toMatchObject({
				amountDiffers: 1,
				vatDiffers: 1,
				unpaid: 1,
				ledgerDiffers: 1,
				missing: 1,
			});
			expect(summary.ordersRight).toBe(0);
		});

		it('Fix books the missing journal entry and the two payments once; a second Fix books nothing', async () => {
			const first = await reconcile(books, drafts, { fix: true });
			expect(first.summary.fixed).toEqual({ invoices: 0, entries: 1, payments: 2, failed: 0 });
			const entries = stateOf(books).mutations.filter(
				(mutation) => mutation.invoiceNumber === 'MWW-9305' && mutation.type === 2,
			);
			expect(entries).toHaveLength(1);
			const open = (number: string) =>
				stateOf(books).outstanding.find((item) => item.invoiceNumber === number)
					?.outstandingAmount ?? 0;
			expect(open('MWW-9305')).toBe(0);
			expect(open('MWW-9303')).toBe(0);
			expect(stateOf(books).invoices).toEqual([]);
			const before = stateOf(books).mutations.length;

			const second = await reconcile(books, drafts, { fix: true });
			expect(second.summary.fixed).toEqual({ invoices: 0, entries: 0, payments: 0, failed: 0 });
			expect(brief(second.differences)).toEqual([
				'amountDiffers MWW-9301',
				'ledgerDiffers MWW-9304',
				'vatDiffers MWW-9302',
			]);
			expect(stateOf(books).mutations.length).toBe(before);
		});
	});
});

describe('Reconcile with Booking Mode Cash Sale', () => {
	let books: Books;
	let store: BooksStore;
	const drafts = [9401, 9402, 9403, 9404].map((number) => cash(number));
	const refund = credit(cash(9405));
	const booked = [...drafts.slice(0, 3), refund];

	beforeAll(async () => {
		({ books, store } = await openStore());
		await book(books, booked);
	});
	afterAll(async () => await books.sandbox.close());

	it('finds nothing wrong in books the sync made, a refund (negative rows) included', async () => {
		expect(entryOf(store, 'MWW-C-9405', 5).amount).toBe(
			Math.round(refund.totals.amountInclVat * 100),
		);
		books.sandbox.resetCounts();
		const { differences, summary, errors } = await reconcile(books, booked);
		expect(errors).toEqual([]);
		expect(differences).toEqual([]);
		expect(summary).toMatchObject({ orders: 4, ordersRight: 4 });
		expect(countsOf(books)).toMatchObject({ mutationListings: 2, mutationReads: 4 });
	});

	it('names a draft a cash sale cannot book (paid in two parts) in an error item, as the sync does, and reconciles the rest', async () => {
		const { differences, errors, summary } = await reconcile(books, [
			...booked,
			splitPayment(cash(9406)),
		]);
		expect(differences).toEqual([]);
		expect(errors).toEqual([
			expect.objectContaining({
				error:
					'Order 9406: paid in 2 parts, so it cannot be booked as one Cash Sale; it was not reconciled',
			}),
		]);
		expect(summary).toMatchObject({ orders: 4, ordersRight: 4, invalidDrafts: 1 });
	});

	it('reports a changed row, another payment ledger and the missing sale; Fix books that sale once', async () => {
		const row = entryOf(store, 'MWW-9402', 5).rows[0];
		changeRow(store, 'MWW-9402', 5, 0, { amount: row.amount - 5 });
		const ledgerOf = (number: string) => entryOf(store, number, 5).ledgerId;
		const elsewhere = [22206452, 22206455, 22206458].find((id) => id !== ledgerOf('MWW-9403'))!;
		moveEntry(store, 'MWW-9403', 5, elsewhere);
		// The shipping row of 9401 (its last) moved from 8100 to 8900 (Afrondingsverschillen) by hand.
		const sale = entryOf(store, 'MWW-9401', 5);
		const shipping = sale.rows[sale.rows.length - 1];
		shipping.ledgerId = 22206491;

		const { differences } = await reconcile(books, [...drafts, refund]);
		expect(brief(differences)).toEqual([
			'amountDiffers MWW-9402',
			'ledgerDiffers MWW-9401',
			'ledgerDiffers MWW-9403',
			'missing MWW-9404',
		]);
		const revenue = differences.find((each) => each.invoiceNumber === 'MWW-9401')!;
		expect(revenue.revenueLedgers).toEqual([
			{ ledger: '8100', shopAmount: 4.95, booksAmount: 0 },
			{ ledger: '8900', shopAmount: 0, booksAmount: 4.95 },
		]);
		expect(revenue.whatToDo).toContain('puts its revenue on other ledgers');
		const changed = differences.find((each) => each.status === 'amountDiffers')!;
		expect(changed).toMatchObject({ difference: -0.05 });
		expect(changed.whatToDo).toContain('Cash sale MWW-9402');
		const moved = differences.find((each) => each.invoiceNumber === 'MWW-9403')!;
		expect(moved).toMatchObject({ shopLedger: drafts[2].payments[0].ledgerCode });

		const fixed = await reconcile(books, [...drafts, refund], { fix: true });
		expect(fixed.summary.fixed).toEqual({ invoices: 0, entries: 1, payments: 0, failed: 0 });
		const sales = () =>
			stateOf(books).mutations.filter((mutation) => mutation.invoiceNumber === 'MWW-9404');
		expect(sales()).toMatchObject([
			{ type: 5, paymentReference: 'MWW-cash-MWW-9404', amount: drafts[3].totals.amountInclVat },
		]);
		const again = await reconcile(books, [...drafts, refund], { fix: true });
		expect(again.summary.fixed).toEqual({ invoices: 0, entries: 0, payments: 0, failed: 0 });
		expect(brief(again.differences)).toEqual([
			'amountDiffers MWW-9402',
			'ledgerDiffers MWW-9401',
			'ledgerDiffers MWW-9403',
		]);
		expect(sales()).toHaveLength(1);
	});
});

describe('Reconcile after Booking Mode was switched', () => {
	let books: Books;
	const asInvoice = makeDraft(9501, 1, () => 0.3);
	const asJournal = journal(9502);
	const asCash = cash(9503);

	beforeAll(async () => {
		({ books } = await openStore());
		await book(books, [asInvoice, asJournal, asCash]);
	});
	afterAll(async () => await books.sandbox.close());

	it('names an order booked in another mode, with what it is booked as, instead of missing; Fix books none of them', async () => {
		const now = [
			{ ...asInvoice, bookingMode: 'journalEntry' as const },
			{ ...asJournal, bookingMode: 'cashSale' as const },
			{ ...asCash, bookingMode: 'invoice' as const },
		];
		const before = stateOf(books);
		const { differences, summary } = await reconcile(books, now, { fix: true });
		expect(brief(differences)).toEqual([
			'bookedInOtherMode MWW-9501',
			'bookedInOtherMode MWW-9502',
			'bookedInOtherMode MWW-9503',
		]);
		expect(differences.map(({ bookingMode, bookedAs }) => [bookingMode, bookedAs])).toEqual([
			['journalEntry', 'invoice'],
			['cashSale', 'journalEntry'],
			['invoice', 'cashSale'],
		]);
		expect(differences.every((each) => each.difference === 0)).toBe(true);
		expect(differences[0].whatToDo).toContain('as a sales invoice MWW-9501');
		expect(summary.counts).toMatchObject({ bookedInOtherMode: 3, missing: 0, notInShop: 0 });
		expect(summary.total).toMatchObject({ difference: { amount: 0 } });
		expect(summary.fixed).toEqual({ invoices: 0, entries: 0, payments: 0, failed: 0 });
		const after = stateOf(books);
		expect([after.invoices.length, after.mutations.length]).toEqual([
			before.invoices.length,
			before.mutations.length,
		]);
	});

	it('reconciled in the modes they were booked in, the same orders are right', async () => {
		const { differences, summary } = await reconcile(books, [asInvoice, asJournal, asCash]);
		expect(differences).toEqual([]);
		expect(summary).toMatchObject({ orders: 3, ordersRight: 3 });
	});
});
