import type { BookingMode } from '../../../nodes/OrderToInvoice/mapping/types';
import { relationFromInput } from './chain';
import { makeDraft } from './drafts';
import { mutationsOf } from './entries';
import { openBooks, run, type Books } from './setup';

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const findOrCreate = { resource: 'relation', operation: 'findOrCreate' };
const createInvoice = { resource: 'invoice', operation: 'create', relation: relationFromInput };

/** A relation id that no longer exists (deleted in e-Boekhouden, or an old id passed on): MUT_013 heals once. */
describe('a relation gone before its journal entry or cash sale heals itself', () => {
	it.each<[BookingMode, number, number]>([
		['journalEntry', 7201, 2],
		['cashSale', 7202, 5],
	])(
		'%s: books for the relation found again, with a warning naming MUT_013',
		async (bookingMode, order, type) => {
			const draft = { ...makeDraft(order, 72, () => 0.2), bookingMode };
			const [relation] = await run(books, findOrCreate, [draft as never]);
			const [booked] = await run(books, createInvoice, [{ ...draft, relationId: 987654 } as never]);
			expect(booked.json).toMatchObject({ created: true, relationId: relation.json.id });
			expect(booked.json.warnings).toEqual([expect.stringContaining('MUT_013')]);
			expect(mutationsOf(books, draft.invoice.invoiceNumber, type)).toEqual([
				expect.objectContaining({ relationId: relation.json.id }),
			]);
		},
	);
});
