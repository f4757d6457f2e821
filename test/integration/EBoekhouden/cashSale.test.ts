import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { customerEmail, makeDraft, splitPayment } from './drafts';
import { bookLosingTheAnswer, draftCents, mutationsOf, rowCents } from './entries';
import { openBooks, stateOf, type Books } from './setup';
import { bookOn, errorsOf, freshWorker } from './workers';

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());
afterEach(() => books.sandbox.faults.clear());

const cash = (orderNumber: number, customer = 1): InvoiceDraft => ({
	...makeDraft(orderNumber, customer, () => (orderNumber % 97) / 100),
	bookingMode: 'cashSale',
});

/** The same order returned: every line and the payment negative. */
const credit = (draft: InvoiceDraft): InvoiceDraft => ({
	...draft,
	kind: 'credit',
	invoice: {
		...draft.invoice,
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

const LEDGER_ID: Record<string, number> = { '1010': 22206452, '1020': 22206455, '1030': 22206458 };

describe('Booking Mode Cash Sale against the sandbox', () => {
	it('books one type 5 entry per order on its payment ledger, to the cent per VAT code, and nothing else', async () => {
		const drafts = [cash(9201), cash(9202, 2), cash(9203, 3)];
		books.sandbox.resetCounts();
		const chain = await bookOn(await freshWorker(), drafts, books.credentials);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		expect(books.sandbox.counts()['POST /v1/invoice']).toBeUndefined();
		expect(books.sandbox.counts()['POST /v1/mutation']).toBe(drafts.length);
		for (const [index, draft] of drafts.entries()) {
			const invoiceNumber = draft.invoice.invoiceNumber;
			const [entry, ...more] = mutationsOf(books, invoiceNumber);
			expect(more).toEqual([]);
			expect(entry).toMatchObject({
				type: 5,
				ledgerId: LEDGER_ID[draft.payments[0].ledgerCode as string],
				relationId: chain.relations[index].json.id,
				date: draft.invoice.date,
				paymentReference: `MWW-cash-${invoiceNumber}`,
				amount: draft.totals.amountInclVat,
			});
			expect(rowCents(entry)).toEqual(draftCents(draft));
			expect(chain.invoices[index].json).toMatchObject({
				bookedAs: 'cashSale',
				id: entry.id,
				invoiceNumber,
				created: true,
				orderNumber: draft.orderNumber,
			});
			expect(chain.payments[index].json).toMatchObject({
				booked: false,
				alreadyPaid: true,
				bookedWith: 'cashSale',
			});
		}
		expect(stateOf(books).invoices).toEqual([]);
		expect(stateOf(books).outstanding).toEqual([]);
	});

	it('a re-run books nothing new', async () => {
		const drafts = [cash(9211), cash(9212, 4)];
		const first = await bookOn(await freshWorker(), drafts, books.credentials);
		const before = stateOf(books).mutations.length;
		books.sandbox.resetCounts();
		const again = await bookOn(await freshWorker(), drafts, first.credentials);
		books.credentials = again.credentials;
		expect(errorsOf(again)).toEqual([]);
		expect(stateOf(books).mutations.length).toBe(before);
		expect(books.sandbox.counts()['POST /v1/mutation']).toBeUndefined();
		expect(again.invoices.map((item) => item.json.created)).toEqual([false, false]);
		expect(again.invoices.map((item) => item.json.id)).toEqual(
			first.invoices.map((item) => item.json.id),
		);
	});

	it('two fresh workers at once book one entry per order', async () => {
		const drafts = [cash(9221), cash(9222, 5), cash(9223, 5)];
		const [one, two] = await Promise.all([
			bookOn(await freshWorker(), drafts, books.credentials),
			bookOn(await freshWorker(), drafts, books.credentials),
		]);
		books.credentials = two.credentials;
		expect([...errorsOf(one), ...errorsOf(two)]).toEqual([]);
		for (const draft of drafts)
			expect(mutationsOf(books, draft.invoice.invoiceNumber)).toHaveLength(1);
	});

	it('a 500 on the first POST /v1/mutation still books exactly one entry', async () => {
		books.sandbox.faults.add({ method: 'POST', path: '/v1/mutation', status: 500, times: 1 });
		const chain = await bookOn(await freshWorker(), [cash(9231)], books.credentials);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		expect(mutationsOf(books, 'MWW-9231')).toHaveLength(1);
	});

	it.each(['serverError', 'droppedConnection'] as const)(
		'booked but the answer lost (%s): the repeat meets MUTA_008 and the one entry is used',
		async (loss) => {
			const orderNumber = loss === 'serverError' ? 9241 : 9242;
			const invoiceNumber = `MWW-${orderNumber}`;
			const chain = await bookLosingTheAnswer(books, cash(orderNumber), loss);
			expect(errorsOf(chain)).toEqual([]);
			expect(mutationsOf(books, invoiceNumber)).toHaveLength(1);
			expect(chain.invoices[0].json).toMatchObject({
				bookedAs: 'cashSale',
				id: mutationsOf(books, invoiceNumber)[0].id,
				created: false,
			});
		},
	);

	it('a credit order books the matching entry with negative sales rows on its payment ledger', async () => {
		const draft = credit(cash(9251, 6));
		const chain = await bookOn(await freshWorker(), [draft], books.credentials);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		const [entry, ...more] = mutationsOf(books, 'MWW-9251');
		expect(more).toEqual([]);
		expect(entry).toMatchObject({ type: 5, amount: draft.totals.amountInclVat });
		expect(draft.totals.amountInclVat).toBeLessThan(0);
		expect(rowCents(entry)).toEqual(draftCents(draft));
	});

	it.each([
		['a split payment', (draft: InvoiceDraft) => splitPayment(draft), /paid in 2 parts/],
		[
			'a gift card',
			(draft: InvoiceDraft) => ({
				...draft,
				payments: [{ ...draft.payments[0], kind: 'giftCard' as const, ledgerCode: '1620' }],
			}),
			/gift card/,
		],
		[
			'pay later (authorised, not captured)',
			(draft: InvoiceDraft) => ({
				...draft,
				payments: [{ ...draft.payments[0], kind: 'payLater' as const }],
			}),
			/pay later/,
		],
		[
			'an unpaid order',
			(draft: InvoiceDraft) => ({
				...draft,
				payments: [{ ...draft.payments[0], kind: 'open' as const, ledgerCode: null }],
			}),
			/no payment ledger/,
		],
	])('%s is refused for that order only, before any write', async (_, shape, message) => {
		const refused = shape(cash(9261, 7));
		books.sandbox.resetCounts();
		const chain = await bookOn(await freshWorker(), [refused, cash(9262, 8)], books.credentials);
		books.credentials = chain.credentials;
		for (const step of [chain.relations, chain.invoices, chain.payments]) {
			expect(step[0].json.error).toMatch(/^Order 9261: /);
			expect(step[0].json.error).toMatch(message);
			expect(step[1].json.error).toBeUndefined();
		}
		expect(mutationsOf(books, 'MWW-9261')).toEqual([]);
		expect(mutationsOf(books, 'MWW-9262')).toHaveLength(1);
		// The refused order's customer was not even created as a relation.
		const emails = stateOf(books).relations.map((relation) => relation.emailAddress);
		expect(emails).not.toContain(customerEmail(7));
		expect(emails).toContain(customerEmail(8));
	});

	it('without relations: no relation call, an entry without a relation', async () => {
		const drafts = [9271, 9272].map((number) => ({
			...cash(number, 9),
			bookRelation: false,
		}));
		books.sandbox.resetCounts();
		const chain = await bookOn(await freshWorker(), drafts, books.credentials);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		const relationCalls = Object.keys(books.sandbox.counts()).filter((call) =>
			call.includes('/v1/relation'),
		);
		expect(relationCalls).toEqual([]);
		expect(chain.relations.map((item) => item.json.id)).toEqual([null, null]);
		expect(chain.relations[0].json.reason).toMatch(/without a relation/);
		for (const draft of drafts) {
			const [entry] = mutationsOf(books, draft.invoice.invoiceNumber);
			expect(entry).toMatchObject({ type: 5, relationId: null });
			expect(rowCents(entry)).toEqual(draftCents(draft));
		}
		expect(chain.invoices.map((item) => item.json.relationId)).toEqual([null, null]);
	});
});

// Last: it books a sales invoice, which the tests above check there is none of.
describe('Booking Mode switched to Cash Sale after orders were booked', () => {
	it('an order booked before as a sales invoice or a journal entry is not booked again after a switch to Cash Sale', async () => {
		const sale = makeDraft(9291, 6, () => 0.2);
		const entry: InvoiceDraft = { ...makeDraft(9292, 6, () => 0.3), bookingMode: 'journalEntry' };
		const first = await bookOn(await freshWorker(), [sale, entry], books.credentials);
		expect(errorsOf(first)).toEqual([]);
		books.sandbox.resetCounts();
		const again = await bookOn(
			await freshWorker(),
			[sale, entry].map((draft) => ({ ...draft, bookingMode: 'cashSale' as const })),
			first.credentials,
		);
		books.credentials = again.credentials;
		expect(errorsOf(again)).toEqual([]);
		for (const draft of [sale, entry]) {
			expect(mutationsOf(books, draft.invoice.invoiceNumber, 5)).toEqual([]);
			expect(mutationsOf(books, draft.invoice.invoiceNumber, 2)).toHaveLength(1);
		}
		expect(again.invoices.map((item) => item.json)).toEqual([
			expect.objectContaining({
				bookedAs: 'cashSale',
				created: false,
				warnings: [expect.stringContaining('booked already')],
			}),
			expect.objectContaining({
				bookedAs: 'cashSale',
				created: false,
				warnings: [expect.stringContaining('booked already')],
			}),
		]);
		expect(books.sandbox.counts()['POST /v1/mutation']).toBeUndefined();
	});
});
