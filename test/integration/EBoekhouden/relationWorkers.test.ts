import type { IDataObject } from 'n8n-workflow';

import { relationCode } from '../../../nodes/EBoekhouden/actions/relation/code';
import { makeDraft } from './drafts';
import { openBooks, stateOf, type Books } from './setup';
import { bookOn, errorsOf, freshWorker } from './workers';

/**
 * Queue mode, or the history import racing the sync: two processes share no lock, and both may look up a new
 * customer before either has created it. What keeps one relation per e-mail address there is e-Boekhouden itself:
 * the relation code derived from the address, which it refuses a second time (REL_049).
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());
afterEach(() => {
	books.sandbox.settings.lookupLatencyMs = 0;
});

const relationsOf = (email: string) =>
	stateOf(books).relations.filter(
		(relation) => String(relation.emailAddress).toLowerCase() === email,
	);

describe('Find or Create Relation in two processes at once', () => {
	it('two workers booking the same 8 new customers with slow look-ups: one relation per e-mail, both succeed', async () => {
		const customers = Array.from({ length: 8 }, (_, index) => 600 + index);
		const drafts = customers.map((customer, index) =>
			makeDraft(8100 + index, customer, () => (index + 1) / 10),
		);
		const [sync, history] = [await freshWorker(), await freshWorker()];
		// Each look-up's answer takes 400 ms to arrive after it was made, as over a slow network.
		books.sandbox.settings.lookupLatencyMs = 400;
		const [a, b] = await Promise.all([
			bookOn(sync, drafts, books.credentials, ['relation']),
			bookOn(history, drafts, books.credentials, ['relation']),
		]);
		expect(errorsOf(a)).toEqual([]);
		expect(errorsOf(b)).toEqual([]);
		const emails = drafts.map((draft) => draft.relation.emailAddress);
		expect(Object.fromEntries(emails.map((email) => [email, relationsOf(email).length]))).toEqual(
			Object.fromEntries(emails.map((email) => [email, 1])),
		);
		for (const [index, draft] of drafts.entries()) {
			const email = draft.relation.emailAddress;
			expect(relationsOf(email)).toEqual([
				expect.objectContaining({ code: relationCode(email), name: draft.relation.name }),
			]);
			expect(a.relations[index].json.id).toBe(relationsOf(email)[0].id);
			expect(b.relations[index].json.id).toBe(relationsOf(email)[0].id);
		}
		// Each customer was created by one of the two; the other was refused and took that relation.
		const created = [...a.relations, ...b.relations].filter((item) => item.json.created === true);
		expect(created).toHaveLength(drafts.length);
	});

	it('the whole chain in two workers at once: one relation, one invoice and one payment per order', async () => {
		const drafts = Array.from({ length: 6 }, (_, index) =>
			makeDraft(8200 + index, 700 + (index % 3), () => (index + 2) / 10),
		);
		const [sync, history] = [await freshWorker(), await freshWorker()];
		books.sandbox.settings.lookupLatencyMs = 300;
		const [a, b] = await Promise.all([
			bookOn(sync, drafts, books.credentials),
			bookOn(history, drafts, books.credentials),
		]);
		expect([...errorsOf(a), ...errorsOf(b)]).toEqual([]);
		const state = stateOf(books);
		for (const email of new Set(drafts.map((draft) => draft.relation.emailAddress)))
			expect(relationsOf(email)).toHaveLength(1);
		for (const draft of drafts) {
			const number = draft.invoice.invoiceNumber;
			expect(state.invoices.filter((invoice) => invoice.invoiceNumber === number)).toHaveLength(1);
			expect(
				state.mutations.filter(
					(mutation: IDataObject) => mutation.type === 3 && mutation.invoiceNumber === number,
				),
			).toHaveLength(1);
		}
	});

	it('a customer already in the books under a code of the bookkeeper’s is found by e-mail, not created again', async () => {
		const draft = makeDraft(8300, 800, () => 0.4);
		const email = draft.relation.emailAddress;
		const handMade = await fetchAsBookkeeper('/v1/relation', {
			name: 'Klant van de boekhouder',
			code: 'DEB0800',
			emailAddress: email,
		});
		const [a, b] = await Promise.all([
			bookOn(await freshWorker(), [draft], books.credentials, ['relation']),
			bookOn(await freshWorker(), [draft], books.credentials, ['relation']),
		]);
		expect([a.relations[0].json, b.relations[0].json]).toEqual([
			expect.objectContaining({ id: handMade.id, code: 'DEB0800', created: false }),
			expect.objectContaining({ id: handMade.id, code: 'DEB0800', created: false }),
		]);
		expect(relationsOf(email)).toHaveLength(1);
	});

	it('a code of this address held by a hand-made relation of someone else: both workers meet on the next code', async () => {
		const draft = makeDraft(8400, 900, () => 0.6);
		const email = draft.relation.emailAddress;
		await fetchAsBookkeeper('/v1/relation', {
			name: 'Iemand anders',
			code: relationCode(email),
			emailAddress: 'iemand.anders@example.com',
		});
		books.sandbox.settings.lookupLatencyMs = 300;
		const [a, b] = await Promise.all([
			bookOn(await freshWorker(), [draft], books.credentials, ['relation']),
			bookOn(await freshWorker(), [draft], books.credentials, ['relation']),
		]);
		expect([...errorsOf(a), ...errorsOf(b)]).toEqual([]);
		expect(relationsOf(email)).toEqual([expect.objectContaining({ code: relationCode(email, 1) })]);
		expect(a.relations[0].json.id).toBe(b.relations[0].json.id);
	});
});

/** Another client of the same administration (the bookkeeper in the web UI), with its own session. */
async function fetchAsBookkeeper(path: string, body: IDataObject): Promise<{ id: number }> {
	const url = books.sandbox.url;
	const session = await fetch(`${url}/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ accessToken: 'sandbox-api-token', source: 'web' }),
	});
	const { token } = (await session.json()) as { token: string };
	const created = await fetch(`${url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: token },
		body: JSON.stringify(body),
	});
	return (await created.json()) as { id: number };
}
