import type { IDataObject } from 'n8n-workflow';

import { relationFromInput } from './chain';
import { makeDrafts } from './drafts';
import { createRelation, openBooks, run, stateOf, type Books } from './setup';

let books: Books;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	relationId = await createRelation(books, 'Jan');
});
afterAll(async () => await books.sandbox.close());
afterEach(() => books.sandbox.faults.clear());

const create = { resource: 'invoice', operation: 'create', relation: relationFromInput };
const items = (first: number, count: number) =>
	makeDrafts(count, count, first).map((draft, index) => ({
		...(draft as unknown as IDataObject),
		orderNumber: String(first + index),
		invoice: { ...draft.invoice, invoiceNumber: `R-${first + index}` },
		relationId,
	}));

describe('Sessions, rate limits and server errors', () => {
	it('a session that expires in the middle of a batch is renewed once and the batch carries on', async () => {
		books.sandbox.resetCounts();
		let expired = false;
		const watcher = setInterval(() => {
			if (!expired && (books.sandbox.counts()['POST /v1/invoice'] ?? 0) >= 5) {
				books.sandbox.expireSessions();
				expired = true;
			}
		}, 1);
		try {
			books.sandbox.faults.add({ method: 'POST', path: '/v1/invoice', delayMs: 20, times: 20 });
			const output = await run(books, create, items(100, 20));
			expect(output.every((item) => item.json.created === true)).toBe(true);
		} finally {
			clearInterval(watcher);
		}
		expect(expired).toBe(true);
		expect(books.sandbox.counts()['POST /v1/session']).toBe(1);
		// Each request in flight when the session died (at most the 8 in parallel) meets a 401 and is sent again
		// with the one new session; none of them is booked twice (20 invoices below).
		expect(books.sandbox.counts()['POST /v1/invoice']).toBeGreaterThanOrEqual(21);
		expect(books.sandbox.counts()['POST /v1/invoice']).toBeLessThanOrEqual(20 + 8);
		expect(
			stateOf(books).invoices.filter((invoice) => String(invoice.invoiceNumber).startsWith('R-1')),
		).toHaveLength(20);
	});

	it('a 429 waits as told and then succeeds', async () => {
		books.sandbox.resetCounts();
		books.sandbox.faults.add({
			method: 'GET',
			path: '/v1/ledger',
			status: 429,
			retryAfterSeconds: 1,
			times: 1,
		});
		const started = Date.now();
		const output = await run(books, { resource: 'ledger', operation: 'getAll', returnAll: true });
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(output.length).toBeGreaterThan(5);
		expect(books.sandbox.counts()['GET /v1/ledger']).toBe(2);
	});

	it('an invoice that meets a 500 four times is an error item; the next run books it, once', async () => {
		const [draft] = items(300, 1);
		books.sandbox.resetCounts();
		books.sandbox.faults.add({ method: 'POST', path: '/v1/invoice', status: 500, times: 4 });
		const [failed] = await run(books, create, [draft], { continueOnFail: true });
		expect(failed.json).toMatchObject({
			error: expect.stringContaining('e-Boekhouden had a server error'),
			details: expect.objectContaining({ httpCode: '500', orderNumber: '300' }),
		});
		expect(books.sandbox.counts()['POST /v1/invoice']).toBe(4);
		const [booked] = await run(books, create, [draft]);
		expect(booked.json).toMatchObject({ invoiceNumber: 'R-300', created: true });
		expect(
			stateOf(books).invoices.filter((invoice) => invoice.invoiceNumber === 'R-300'),
		).toHaveLength(1);
	});

	it('a batch listing that meets 500s (e-Boekhouden down for a moment) stops no order: each is looked up on its own and booked once', async () => {
		const drafts = items(400, 3);
		const pay = { resource: 'payment', operation: 'bookInvoicePayment' };
		// The listing of the batch's invoices and its three retries fail; the look-ups by number after it do not.
		books.sandbox.faults.add({ method: 'GET', path: '/v1/invoice', status: 500, times: 4 });
		const created = await run(books, create, drafts, { continueOnFail: true });
		expect(created.map((item) => [item.json.invoiceNumber, item.json.created])).toEqual([
			['R-400', true],
			['R-401', true],
			['R-402', true],
		]);
		books.sandbox.faults.add({
			method: 'GET',
			path: '/v1/mutation/invoice/outstanding',
			status: 500,
			times: 4,
		});
		const paid = await run(books, pay, drafts, { continueOnFail: true });
		expect(paid.map((item) => [item.json.invoiceNumber, item.json.error])).toEqual([
			['R-400', undefined],
			['R-401', undefined],
			['R-402', undefined],
		]);
		const state = stateOf(books);
		for (const number of ['R-400', 'R-401', 'R-402']) {
			expect(state.invoices.filter((invoice) => invoice.invoiceNumber === number)).toHaveLength(1);
			expect(
				state.mutations.filter((entry) => entry.type === 3 && entry.invoiceNumber === number),
			).toHaveLength(1);
		}
	}, 60_000);

	it('a GET that meets a 503 is retried and the run carries on', async () => {
		books.sandbox.resetCounts();
		books.sandbox.faults.add({ method: 'GET', path: '/v1/invoicetemplate', status: 503, times: 1 });
		const output = await run(books, {
			resource: 'invoiceTemplate',
			operation: 'getAll',
			returnAll: true,
		});
		expect(output.map((item) => item.json.name)).toEqual(['Standaard']);
		expect(books.sandbox.counts()['GET /v1/invoicetemplate']).toBe(2);
	});
});
