import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { BookingMode, InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { customerEmail, makeDraft, makeDrafts } from './drafts';
import { inExecution, nextExecutionId, runPolls } from './executions';
import { byId, createRelation, openBooks, run, stateOf, type Books } from './setup';
import { bookOn, errorsOf } from './workers';

/**
 * Issue 15, calls near the floor: a customer costs one search by e-mail and one create, once. A returning customer
 * this package created is found in a later execution (a later poll, the next month of a history import) by the code
 * derived from the e-mail, in the listing of relations the process keeps per administration (read once, then holding
 * what the process made), not by a search and a read per customer.
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

/** The relation requests since the last reset: searches by e-mail, listing pages (no filter), reads by id, creates. */
function relationCalls() {
	const log = books.sandbox.requestLog().filter((entry) => entry.path.startsWith('/v1/relation'));
	const listings = log.filter((entry) => entry.route === 'GET /v1/relation');
	return {
		searches: listings.filter((entry) => /(^|&)email/.test(entry.query)).length,
		pages: listings.filter((entry) => !/(^|&)(email|code)/.test(entry.query)).length,
		reads: log.filter((entry) => entry.route === 'GET /v1/relation/:id').length,
		creates: log.filter((entry) => entry.route === 'POST /v1/relation').length,
	};
}

/** One execution (a poll) booking `drafts`: Find or Create → book → payment. */
async function poll(drafts: InvoiceDraft[]) {
	const chain = await bookOn(
		inExecution(new EBoekhouden(), nextExecutionId()),
		drafts,
		books.credentials,
	);
	books.credentials = chain.credentials;
	expect(errorsOf(chain)).toEqual([]);
	return chain;
}

const orders = (first: number, customers: number[], bookingMode: BookingMode = 'invoice') =>
	customers.map((customer, index) => ({
		...makeDraft(first + index, customer, () => ((first + index) % 89) / 100),
		bookingMode,
	}));

const relationsOf = (email: string) =>
	stateOf(books).relations.filter((relation) => relation.emailAddress === email);

/** `count` relations made by hand (codes numbered by e-Boekhouden), straight through the API. */
async function seedRelations(count: number): Promise<void> {
	const session = (await (
		await fetch(`${books.sandbox.url}/v1/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ accessToken: 'sandbox-api-token', source: 'seed' }),
		})
	).json()) as { token: string };
	for (let start = 0; start < count; start += 100) {
		await Promise.all(
			Array.from({ length: Math.min(100, count - start) }, (_, index) =>
				fetch(`${books.sandbox.url}/v1/relation`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: session.token },
					body: JSON.stringify({ name: `Relatie ${start + index}`, type: 'B' }),
				}),
			),
		);
	}
}

/**
 * Each describe is its own administration (its own sandbox), as the process keeps what it listed per administration;
 * within one, every test has its own customers.
 */
async function newAdministration(): Promise<void> {
	await books.sandbox.close();
	books = await openBooks();
}

describe('relations near the floor of API calls', () => {
	beforeEach(() => books.sandbox.resetCounts());

	it('1,000 orders from 300 customers in 4 polls: one search and one create per customer, one listing page in all, no reads', async () => {
		const drafts = makeDrafts(1000, 300);
		const chain = await runPolls(drafts, books.credentials, 4);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		const calls = relationCalls();
		expect(calls.searches).toBeLessThanOrEqual(300);
		expect(calls.creates).toBe(300);
		expect(calls.pages).toBe(1);
		expect(calls.reads).toBe(0);
		const state = stateOf(books);
		expect(state.relations).toHaveLength(300);
		expect(state.invoices).toHaveLength(1000);
		const relationOf = new Map(
			state.relations.map((relation) => [relation.emailAddress, relation.id]),
		);
		const invoiceFor = new Map(
			state.invoices.map((invoice) => [invoice.invoiceNumber, invoice.relationId]),
		);
		for (const [index, draft] of drafts.entries()) {
			const relationId = relationOf.get(draft.relation.emailAddress);
			expect(invoiceFor.get(draft.invoice.invoiceNumber)).toBe(relationId);
			expect(chain.relations[index].json.id).toBe(relationId);
		}
	}, 120_000);

	it('returning customers this package created cost no call in a later poll: the kept listing holds them', async () => {
		const customers = [701, 702, 703, 704];
		const first = await poll(orders(7010, customers));
		books.sandbox.resetCounts();
		const later = await poll(orders(7020, customers));
		expect(relationCalls()).toEqual({ searches: 0, pages: 0, reads: 0, creates: 0 });
		expect(later.relations.map((item) => [item.json.id, item.json.created])).toEqual(
			first.relations.map((item) => [item.json.id, false]),
		);
		expect(later.relations[0].json).toMatchObject({
			code: first.relations[0].json.code,
			type: 'P',
			name: 'Klant 701',
			emailAddress: customerEmail(701),
		});
	});

	it('a relation made by hand for the address (another code) is still found by its e-mail, not doubled', async () => {
		const returning = [711, 712, 713, 714];
		await poll(orders(7110, returning));
		const handMade = await createRelation(books, 'Klant Met Eigen Code', customerEmail(715));
		books.sandbox.resetCounts();
		const later = await poll(orders(7120, [...returning, 715]));
		expect(relationCalls()).toEqual({ searches: 1, pages: 0, reads: 0, creates: 0 });
		expect(later.relations[4].json).toMatchObject({ id: handMade, created: false });
		expect(relationsOf(customerEmail(715))).toHaveLength(1);
	});
});

describe('a large administration (6,000 relations made by hand)', () => {
	beforeAll(async () => {
		await newAdministration();
		await seedRelations(6000);
	}, 60_000);
	beforeEach(() => books.sandbox.resetCounts());

	it('3 customers in a poll: nothing is listed, each is searched once and found by its code in the next poll', async () => {
		const customers = [721, 722, 723];
		await poll(orders(7210, customers));
		expect(relationCalls()).toEqual({ searches: 3, pages: 0, reads: 0, creates: 3 });
		books.sandbox.resetCounts();
		await poll(orders(7220, customers));
		expect(relationCalls()).toEqual({ searches: 0, pages: 0, reads: 0, creates: 0 });
	});

	it('40 returning customers: pages are read only while they spare searches', async () => {
		const customers = Array.from({ length: 40 }, (_, index) => 730 + index);
		await poll(orders(7300, customers));
		books.sandbox.resetCounts();
		await poll(orders(7400, customers));
		const calls = relationCalls();
		// Our 40 relations are the newest, on the fourth page; 40 addresses would pay for up to 10 pages.
		expect(calls.pages).toBeLessThanOrEqual(10);
		expect(calls.pages + calls.searches).toBeLessThanOrEqual(40);
		expect(calls.searches).toBe(0);
		expect(calls.creates).toBe(0);
	});
});

describe('a relation taken unread that is inactive', () => {
	beforeAll(newAdministration);

	async function madeInactive(customers: number[], bookingMode: BookingMode) {
		const first = await poll(orders(7500 + customers[0] * 10, customers, bookingMode));
		const staleId = first.relations[0].json.id as number;
		await run(books, {
			resource: 'relation',
			operation: 'update',
			relation: byId(staleId),
			updateFields: { inactive: true },
		});
		return staleId;
	}

	it('Invoice: e-Boekhouden refuses it (FACT_003) and the invoice is booked for a new relation, found again once', async () => {
		const customers = [751, 752, 753, 754];
		const staleId = await madeInactive(customers, 'invoice');
		const later = await poll(orders(7600, customers));
		expect(later.relations[0].json).toMatchObject({ id: staleId, created: false });
		const invoice = later.invoices[0].json;
		expect(invoice.relationId).not.toBe(staleId);
		expect(invoice.warnings).toEqual([expect.stringContaining('FACT_003')]);
		expect(relationsOf(customerEmail(751)).map((relation) => relation.inactive === true)).toEqual([
			true,
			false,
		]);
		const stored = stateOf(books).invoices.find((item) => item.invoiceNumber === 'MWW-7600');
		expect(stored).toMatchObject({ relationId: invoice.relationId });
		// The next poll finds the new relation by the address's next code and asks nothing.
		books.sandbox.resetCounts();
		const next = await poll(orders(7700, customers));
		expect(next.relations[0].json.id).toBe(invoice.relationId);
		expect(next.invoices[0].json.warnings).toBeUndefined();
		expect(relationCalls()).toEqual({ searches: 0, pages: 0, reads: 0, creates: 0 });
	});

	it.each<[BookingMode]>([['journalEntry'], ['cashSale']])(
		'%s: e-Boekhouden takes a mutation for an inactive relation (only a missing one is refused, MUT_013), so the entry is booked on it',
		async (bookingMode) => {
			const customers = bookingMode === 'cashSale' ? [761, 762, 763, 764] : [771, 772, 773, 774];
			const staleId = await madeInactive(customers, bookingMode);
			const later = await poll(orders(7800 + customers[0], customers, bookingMode));
			expect(later.invoices[0].json).toMatchObject({ relationId: staleId, created: true });
			expect(relationsOf(customerEmail(customers[0]))).toHaveLength(1);
		},
	);
});
