import { makeDrafts } from './drafts';
import { runChain, totalCalls } from './chain';
import { openBooks, stateOf, type Books } from './setup';

/** Issue 4: a 1,000-order import with 300 customers costs at most 2.7 e-Boekhouden calls per order, session included. */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

describe('the API-call budget', () => {
	it('1,000 orders from 300 customers: at most 2.7 calls per order, and a re-run books nothing new', async () => {
		const drafts = makeDrafts(1000, 300);
		const first = await runChain(drafts, books.credentials);
		const calls = totalCalls(books.sandbox.counts());
		expect(calls / 1000).toBeLessThanOrEqual(2.7);
		const state = stateOf(books);
		expect(state.relations).toHaveLength(300);
		expect(state.invoices).toHaveLength(1000);
		expect(state.outstanding.filter((item) => item.outstandingAmount !== 0)).toEqual([]);
		expect(
			[...first.relations, ...first.invoices, ...first.payments].filter((item) => item.json.error),
		).toEqual([]);

		books.sandbox.resetCounts();
		const again = await runChain(drafts, first.credentials);
		expect(stateOf(books).relations).toHaveLength(300);
		expect(stateOf(books).invoices).toHaveLength(1000);
		expect(stateOf(books).mutations).toHaveLength(2000);
		expect(again.invoices.every((item) => item.json.created === false)).toBe(true);
		expect(again.payments.every((item) => item.json.alreadyPaid === true)).toBe(true);
		expect(books.sandbox.counts()['POST /v1/session']).toBeUndefined();
	}, 120_000);

	it('a split payment costs one booking per part, and a re-run books none of them again', async () => {
		const drafts = makeDrafts(100, 30, 11, 0.5).map((draft) => ({
			...draft,
			orderNumber: `5${draft.orderNumber}`,
			invoice: { ...draft.invoice, invoiceNumber: `MWW-5${draft.orderNumber}` },
		}));
		books.sandbox.resetCounts();
		const first = await runChain(drafts, books.credentials);
		expect(books.sandbox.counts()['POST /v1/mutation']).toBe(150);
		const split = first.payments.filter((item) => Array.isArray(item.json.payments));
		expect(split).toHaveLength(50);
		expect(split.every((item) => item.json.outstandingAfter === 0)).toBe(true);
		const booked = stateOf(books).mutations.filter((mutation) =>
			String(mutation.paymentReference).startsWith('Betaling MWW-5'),
		);
		expect(booked.filter((mutation) => mutation.type === 7)).toHaveLength(50);
		books.sandbox.resetCounts();
		const again = await runChain(drafts, first.credentials);
		expect(books.sandbox.counts()['POST /v1/mutation']).toBeUndefined();
		expect(again.payments.every((item) => item.json.alreadyPaid === true)).toBe(true);
	}, 120_000);
});
