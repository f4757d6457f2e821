import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { totalCalls } from './chain';
import { makeDrafts } from './drafts';
import { openBooks, stateOf, type Books } from './setup';
import { bookOn, errorsOf, freshWorker } from './workers';

/**
 * The sync template's recovery pass re-books the orders of the last days every half hour. It must make the books
 * whole after a crash (a worker killed mid-batch leaves invoices without payment and orders not booked at all, and
 * the poll's cursor has moved on), and cost next to nothing when nothing is missing: "already booked" is decided for
 * the whole batch from one invoice listing, so a booked order costs no relation search.
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const ORDERS = 250;
const drafts = makeDrafts(ORDERS, 90, 12);

/** A run on a new execution (a fresh worker); the session n8n stored in the credential is kept, as in n8n. */
async function onNewExecution(orders: typeof drafts, steps?: Parameters<typeof bookOn>[3]) {
	const chain = await bookOn(await freshWorker(), orders, books.credentials, steps);
	books.credentials = chain.credentials;
	return chain;
}

const paymentsOf = (invoiceNumber: string) =>
	stateOf(books).mutations.filter(
		(mutation: IDataObject) => mutation.type === 3 && mutation.invoiceNumber === invoiceNumber,
	);

describe('the recovery pass of the sync template', () => {
	it('after a worker died mid-batch it books exactly what is missing: no duplicates, every order whole', async () => {
		// The killed batch: 100 orders fully booked, 60 with an invoice but no payment, 90 not booked at all.
		await onNewExecution(drafts.slice(0, 100));
		await onNewExecution(drafts.slice(100, 160), ['relation', 'invoice']);
		expect(stateOf(books).invoices).toHaveLength(160);
		const relationsBefore = stateOf(books).relations.length;

		books.sandbox.resetCounts();
		const recovery = await onNewExecution(drafts);
		const counts = books.sandbox.counts();

		expect(errorsOf(recovery)).toEqual([]);
		const state = stateOf(books);
		expect(state.invoices).toHaveLength(ORDERS);
		for (const draft of drafts) expect(paymentsOf(draft.invoice.invoiceNumber)).toHaveLength(1);
		expect(state.outstanding.filter((item) => item.outstandingAmount !== 0)).toEqual([]);
		const emails = new Set(drafts.map((draft) => draft.relation.emailAddress));
		expect(state.relations).toHaveLength(emails.size);
		expect(recovery.invoices.filter((item) => item.json.created === true)).toHaveLength(90);
		expect(recovery.payments.filter((item) => item.json.booked === true)).toHaveLength(150);
		// Only the customers of the 90 unbooked orders were looked up, and all of them were made before the crash: one
		// listing page finds them by their codes, without a search or a read. The 160 booked orders cost no relation call.
		const searches = books.sandbox
			.requestLog()
			.filter((entry) => entry.route === 'GET /v1/relation' && entry.query.includes('email'));
		expect(searches).toEqual([]);
		expect(counts['GET /v1/relation']).toBe(1);
		expect(counts['GET /v1/relation/:id']).toBeUndefined();
		expect(state.relations.length - relationsBefore).toBe(counts['POST /v1/relation'] ?? 0);
	});

	it('over orders that are all booked it costs a handful of listings, at most 0.02 calls per order', async () => {
		books.sandbox.resetCounts();
		const pass = await onNewExecution(drafts);
		const counts = books.sandbox.counts();
		const calls = totalCalls(counts);
		console.log(
			`recovery pass over ${ORDERS} booked orders: ${calls} e-Boekhouden calls = ${(calls / ORDERS).toFixed(3)} per order`,
		);
		expect(errorsOf(pass)).toEqual([]);
		expect(pass.relations.every((item) => item.json.alreadyBooked === true)).toBe(true);
		expect(pass.invoices.every((item) => item.json.created === false)).toBe(true);
		expect(pass.payments.every((item) => item.json.alreadyPaid === true)).toBe(true);
		expect(counts['GET /v1/relation']).toBeUndefined();
		expect(counts['POST /v1/invoice']).toBeUndefined();
		expect(counts['POST /v1/mutation']).toBeUndefined();
		expect(calls / ORDERS).toBeLessThanOrEqual(0.02);
	});

	it('a history import in batches of 50 in one execution costs what one run costs', async () => {
		const fresh = await openBooks();
		try {
			const batchedDrafts = makeDrafts(200, 60, 21);
			const node = await freshWorker();
			let credentials = fresh.credentials;
			for (let start = 0; start < 200; start += 50)
				({ credentials } = await bookOn(node, batchedDrafts.slice(start, start + 50), credentials));
			const batched = fresh.sandbox.counts();
			fresh.sandbox.reset();
			await bookOn(await freshWorker(), batchedDrafts, credentials);
			const single = fresh.sandbox.counts();
			console.log(
				`200 orders, 60 customers: ${totalCalls(batched)} calls in batches of 50, ${totalCalls(single)} in one run`,
			);
			// A returning customer is not looked up again in a later batch: relation calls are those of one run.
			for (const route of ['GET /v1/relation', 'GET /v1/relation/:id', 'POST /v1/relation'])
				expect([route, batched[route]]).toEqual([route, single[route]]);
			// What a later batch repeats is a few listings of its own dates (invoices, open items, booked invoices).
			expect(totalCalls(batched) - totalCalls(single)).toBeLessThanOrEqual(4 * 3);
		} finally {
			await fresh.sandbox.close();
		}
	});
});

describe('the shipped sync template', () => {
	const template = JSON.parse(
		fs.readFileSync(
			path.join(__dirname, '../../../workflows/sync-paid-orders-to-e-boekhouden.json'),
			'utf8',
		),
	) as {
		nodes: Array<{ name: string; type: string; parameters: IDataObject }>;
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	};
	const node = (name: string) => template.nodes.find((candidate) => candidate.name === name);

	it('re-books the orders of the last 2 days every half hour, into the same chain as the poll', () => {
		const schedule = node('Recover Within the Hour');
		expect(schedule?.type).toBe('n8n-nodes-base.scheduleTrigger');
		expect(schedule?.parameters.rule).toEqual({
			interval: [{ field: 'cronExpression', expression: '0 7,37 * * * *' }],
		});
		const [[{ node: listName }]] = template.connections['Recover Within the Hour'].main;
		expect(node(listName)?.parameters).toMatchObject({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			finishedAndPaidOnly: true,
			includeCreditOrders: true,
			filters: { statusChangedStartDate: '={{ $now.minus({ days: 2 }).toISO() }}' },
		});
		expect(template.connections[listName].main).toEqual([
			[{ node: 'Order to Invoice', type: 'main', index: 0 }],
		]);
	});

	it('keeps the nightly pass over 7 days beside it', () => {
		const [[{ node: listName }]] = template.connections['Catch Up Missed Orders'].main;
		expect(node(listName)?.parameters.filters).toEqual({
			statusChangedStartDate: '={{ $now.minus({ days: 7 }).toISO() }}',
		});
	});
});
