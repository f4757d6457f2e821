import { relationFromInput } from './chain';
import { makeDraft } from './drafts';
import { byId, openBooks, run, stateOf, type Books } from './setup';

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const findOrCreate = { resource: 'relation', operation: 'findOrCreate' };
const createInvoice = { resource: 'invoice', operation: 'create', relation: relationFromInput };

/**
 * The relation Find or Create gave goes stale when the bookkeeper makes it inactive (or deletes it) before the
 * invoice is booked, or a builder passes an old id. The order must still be booked: the refused invoice finds the
 * relation again by the draft's e-mail, once, and books for that one.
 */
describe('a relation that went stale before its invoice heals itself', () => {
	it('books the invoice for the relation found again, with a warning naming the refusal', async () => {
		const draft = makeDraft(7101, 71, () => 0.2);
		const [relation] = await run(books, findOrCreate, [draft as never]);
		expect(relation.json).toMatchObject({ created: true });
		const staleId = relation.json.id as number;
		await run(books, {
			resource: 'relation',
			operation: 'update',
			relation: byId(staleId),
			updateFields: { inactive: true },
		});

		books.sandbox.resetCounts();
		const [invoice] = await run(books, createInvoice, [{ ...draft, relationId: staleId } as never]);
		expect(invoice.json).toMatchObject({ invoiceNumber: 'MWW-7101', created: true });
		expect(invoice.json.relationId).not.toBe(staleId);
		expect(invoice.json.warnings).toEqual([expect.stringContaining('FACT_003')]);
		const stored = stateOf(books).invoices.filter((item) => item.invoiceNumber === 'MWW-7101');
		expect(stored).toHaveLength(1);
		expect(stored[0].relationId).toBe(invoice.json.relationId);
		// Refused once for the stale relation, booked once for the one found again.
		expect(books.sandbox.counts()['POST /v1/invoice']).toBe(2);
	});
});
