import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { executeNode, type HarnessCredentials } from '../../harness';
import { setLatency } from '../../sandbox/common';
import { relationFromInput } from './chain';
import { customerEmail, makeDraft } from './drafts';
import { openBooks, stateOf, type Books } from './setup';

/**
 * Requests in Parallel against the sandbox with a network latency on every answer (so items really overlap): the
 * duplicate guarantees of one item at a time hold with 8 at once, the output keeps the input order, and no more
 * than 8 requests are ever in flight.
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());
beforeEach(async () => {
	await setLatency(books.sandbox.url, { latencyMs: 25, jitterMs: 15 });
	books.sandbox.faults.clear();
	books.sandbox.resetCounts();
});

interface Chain {
	relations: INodeExecutionData[];
	invoices: INodeExecutionData[];
	payments: INodeExecutionData[];
}

/** Find or Create Relation → Create Invoice → Book Invoice Payment, each with `width` items at once. */
async function bookChain(
	drafts: InvoiceDraft[],
	width: number,
	continueOnFail = false,
): Promise<Chain> {
	const node = new EBoekhouden();
	const options = { requestsInParallel: width };
	let credentials: HarnessCredentials = books.credentials;
	const step = async (parameters: IDataObject, items: IDataObject[]) => {
		const result = await executeNode(node, {
			parameters: { ...parameters, options } as never,
			items: items.map((json) => ({ json })),
			credentials,
			continueOnFail,
		});
		credentials = result.credentials;
		return result.output[0];
	};
	const asItems = drafts.map((draft) => draft as unknown as IDataObject);
	const relations = await step({ resource: 'relation', operation: 'findOrCreate' }, asItems);
	const invoices = await step(
		{ resource: 'invoice', operation: 'create', relation: relationFromInput },
		asItems.map((draft, index) => ({ ...draft, relationId: relations[index]?.json.id })),
	);
	const payments = await step({ resource: 'payment', operation: 'bookInvoicePayment' }, asItems);
	books.credentials = credentials;
	return { relations, invoices, payments };
}

async function peakInFlight(): Promise<number> {
	const response = await fetch(`${books.sandbox.url}/__admin/requests`);
	const body = (await response.json()) as { inFlight: { peak: number } };
	return body.inFlight.peak;
}

const countBy = (values: string[]) => {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
};
const duplicates = (values: string[]) =>
	Object.entries(countBy(values)).filter(([, count]) => count > 1);

function ledger() {
	const state = stateOf(books);
	return {
		relationsByEmail: countBy(state.relations.map((relation) => String(relation.emailAddress))),
		invoiceNumbers: state.invoices.map((invoice) => String(invoice.invoiceNumber)),
		payments: state.mutations
			.filter((mutation) => mutation.type === 3 || mutation.type === 7)
			.map((mutation) => String(mutation.invoiceNumber ?? '')),
	};
}

/**
 * Writes sent since the test began, refused ones included. Within one process the key locks make the second item of
 * a customer or an order wait and find the first one's work, so no write is ever refused as a repeat: a count above
 * the number of new records means two items raced (and only e-Boekhouden's own refusal saved the books).
 */
function writesSent() {
	const log = books.sandbox.requestLog().filter((entry) => entry.method === 'POST');
	const count = (path: string) => log.filter((entry) => entry.path === path).length;
	return {
		relations: count('/v1/relation'),
		invoices: count('/v1/invoice'),
		payments: count('/v1/mutation'),
		refused: log.filter((entry) => entry.status >= 400 && entry.status !== 429).length,
	};
}

const orderNumbersOf = (items: INodeExecutionData[]) =>
	items.map((item) => String(item.json.orderNumber));

describe('several items at once (Requests in Parallel)', () => {
	it('two orders of one new customer in one batch of 8 at once make one relation, and both use it', async () => {
		const next = () => 0.5;
		const drafts = [
			makeDraft(71001, 7100, next),
			makeDraft(71002, 7101, next),
			makeDraft(71003, 7100, next),
			makeDraft(71004, 7102, next),
		];
		const { relations } = await bookChain(drafts, 8);
		const { relationsByEmail } = ledger();
		expect(relationsByEmail[customerEmail(7100)]).toBe(1);
		expect(relations[0].json.id).toBe(relations[2].json.id);
		expect([relations[0].json.created, relations[2].json.created].sort()).toEqual([false, true]);
		expect(orderNumbersOf(relations)).toEqual(['71001', '71002', '71003', '71004']);
		expect(writesSent()).toEqual({ relations: 3, invoices: 4, payments: 4, refused: 0 });
	});

	it('a batch of 40 orders at 8 at once: 40 invoices, 40 payments, one relation per customer, output in input order, ≤ 8 in flight', async () => {
		let seed = 1;
		const next = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
		// 15 customers over 40 orders: most come back, some several times in a row.
		const drafts = Array.from({ length: 40 }, (_, index) =>
			makeDraft(72001 + index, 7200 + (index < 15 ? index : Math.floor(next() * 15)), next),
		);
		const before = ledger();
		const chain = await bookChain(drafts, 8);
		const after = ledger();
		const wanted = drafts.map((draft) => draft.orderNumber);

		for (const step of [chain.relations, chain.invoices, chain.payments]) {
			expect(step.map((item) => item.json.error)).toEqual(wanted.map(() => undefined));
			expect(orderNumbersOf(step)).toEqual(wanted);
			expect(step.map((item) => item.pairedItem)).toEqual(wanted.map((_, item) => ({ item })));
		}
		const invoices = after.invoiceNumbers.filter(
			(number) => !before.invoiceNumbers.includes(number),
		);
		expect(invoices.sort()).toEqual(drafts.map((draft) => draft.invoice.invoiceNumber).sort());
		expect(duplicates(after.invoiceNumbers)).toEqual([]);
		const payments = after.payments.slice(before.payments.length);
		expect(payments.sort()).toEqual(drafts.map((draft) => draft.invoice.invoiceNumber).sort());
		expect(duplicates(after.payments)).toEqual([]);
		for (let customer = 7200; customer < 7215; customer++)
			expect([customerEmail(customer), after.relationsByEmail[customerEmail(customer)]]).toEqual([
				customerEmail(customer),
				1,
			]);
		expect(chain.invoices.every((item) => item.json.created === true)).toBe(true);
		expect(chain.payments.every((item) => item.json.booked === true)).toBe(true);
		// Each invoice is for its order's customer.
		for (const [index, item] of chain.invoices.entries())
			expect(item.json.relationId).toBe(chain.relations[index].json.id);

		expect(writesSent()).toEqual({ relations: 15, invoices: 40, payments: 40, refused: 0 });

		const peak = await peakInFlight();
		expect(peak).toBeLessThanOrEqual(8);
		expect(peak).toBeGreaterThanOrEqual(4);

		// Run again: everything is found, nothing is booked a second time.
		const again = await bookChain(drafts, 8);
		expect(ledger()).toEqual(after);
		expect(again.invoices.every((item) => item.json.created === false)).toBe(true);
		expect(again.payments.every((item) => item.json.booked === false)).toBe(true);
	});

	it('24 orders of only 3 new customers at 8 at once: 3 relations (each customer waits for itself)', async () => {
		const next = () => 0.3;
		const drafts = Array.from({ length: 24 }, (_, index) =>
			makeDraft(73001 + index, 7300 + (index % 3), next),
		);
		const { relations, invoices } = await bookChain(drafts, 8);
		const { relationsByEmail } = ledger();
		expect([7300, 7301, 7302].map((customer) => relationsByEmail[customerEmail(customer)])).toEqual(
			[1, 1, 1],
		);
		expect(relations.filter((item) => item.json.created === true)).toHaveLength(3);
		expect(new Set(relations.map((item) => item.json.id)).size).toBe(3);
		expect(invoices.every((item) => item.json.created === true)).toBe(true);
		expect(writesSent()).toEqual({ relations: 3, invoices: 24, payments: 24, refused: 0 });
	});

	it('one order twice in the input at 8 at once: one invoice and one payment, the second finds them', async () => {
		const next = () => 0.6;
		const draft = makeDraft(74001, 7400, next);
		const drafts = [draft, makeDraft(74002, 7401, next), draft, draft];
		const before = ledger();
		const { invoices, payments } = await bookChain(drafts, 8);
		const after = ledger();
		expect(after.invoiceNumbers.filter((number) => number === 'MWW-74001')).toHaveLength(1);
		expect(after.payments.filter((number) => number === 'MWW-74001')).toHaveLength(1);
		expect(after.payments.length - before.payments.length).toBe(2);
		expect(invoices.map((item) => item.json.created)).toEqual([true, true, false, false]);
		expect(payments.filter((item) => item.json.booked === true)).toHaveLength(2);
		expect(writesSent()).toEqual({ relations: 2, invoices: 2, payments: 2, refused: 0 });
	});

	it('a broken draft among them goes to its own place in the error output, the others are booked', async () => {
		const next = () => 0.4;
		const drafts = Array.from({ length: 10 }, (_, index) =>
			makeDraft(75001 + index, 7500 + index, next),
		);
		const broken = {
			...drafts[4],
			relation: { ...drafts[4].relation, emailAddress: '' },
		} as InvoiceDraft;
		drafts[4] = broken;
		const { relations } = await bookChain(drafts, 8, true);
		expect(relations.map((item) => (item.json.error ? 'error' : item.json.orderNumber))).toEqual([
			'75001',
			'75002',
			'75003',
			'75004',
			'error',
			'75006',
			'75007',
			'75008',
			'75009',
			'75010',
		]);
		expect(relations[4].pairedItem).toEqual({ item: 4 });
		expect((relations[4].json.details as IDataObject).orderNumber).toBe('75005');
	});

	it('429s in the middle of a parallel batch are ridden out together: every order booked once', async () => {
		const next = () => 0.7;
		const drafts = Array.from({ length: 16 }, (_, index) =>
			makeDraft(76001 + index, 7600 + index, next),
		);
		books.sandbox.faults.add({ method: 'POST', status: 429, retryAfterSeconds: 1, times: 3 });
		const before = ledger();
		const started = Date.now();
		const chain = await bookChain(drafts, 8);
		const after = ledger();
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
		expect(
			[...chain.relations, ...chain.invoices, ...chain.payments].filter((item) => item.json.error),
		).toEqual([]);
		expect(after.invoiceNumbers.length - before.invoiceNumbers.length).toBe(16);
		expect(after.payments.length - before.payments.length).toBe(16);
		expect(duplicates(after.invoiceNumbers)).toEqual([]);
		expect(duplicates(after.payments)).toEqual([]);
		const refused = books.sandbox.requestLog().filter((entry) => entry.status === 429);
		expect(refused.length).toBe(3);
	});

	it('sessions that expire in the middle of a parallel batch are renewed: every order booked once', async () => {
		const next = () => 0.8;
		const drafts = Array.from({ length: 16 }, (_, index) =>
			makeDraft(77001 + index, 7700 + index, next),
		);
		const before = ledger();
		const node = new EBoekhouden();
		const first = await executeNode(node, {
			parameters: {
				resource: 'relation',
				operation: 'findOrCreate',
				options: { requestsInParallel: 8 },
			} as never,
			items: drafts.map((draft) => ({ json: draft as unknown as IDataObject })),
			credentials: books.credentials,
		});
		books.credentials = first.credentials;
		books.sandbox.expireSessions();
		const chain = await bookChain(drafts, 8);
		const after = ledger();
		expect([...chain.invoices, ...chain.payments].filter((item) => item.json.error)).toEqual([]);
		expect(after.invoiceNumbers.length - before.invoiceNumbers.length).toBe(16);
		expect(after.payments.length - before.payments.length).toBe(16);
		expect(duplicates(after.invoiceNumbers)).toEqual([]);
		expect(duplicates(after.payments)).toEqual([]);
	});

	it('8 at once is several times faster than one at a time on a slow network', async () => {
		await setLatency(books.sandbox.url, { latencyMs: 60, jitterMs: 0 });
		const next = () => 0.2;
		const time = async (width: number, from: number) => {
			const drafts = Array.from({ length: 16 }, (_, index) =>
				makeDraft(from + index, from + index, next),
			);
			const started = Date.now();
			await bookChain(drafts, width);
			return Date.now() - started;
		};
		const serial = await time(1, 78001);
		const parallel = await time(8, 79001);
		expect(serial / parallel).toBeGreaterThan(2.5);
	});
});
