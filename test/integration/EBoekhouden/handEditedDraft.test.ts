import type { IDataObject } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { relationFromInput } from './chain';
import { twoMugsDraft } from './drafts';
import { createRelation, openBooks, run, stateOf, type Books } from './setup';

/**
 * Drafts an n8n builder edited by hand in a Set or Code node, one item of a batch: the edited order stops before
 * anything is booked for it, with its number and the field named; the rest of the batch is booked.
 */
let books: Books;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	relationId = await createRelation(books, 'Jan', 'jan@example.com');
});
afterAll(async () => await books.sandbox.close());

const create = { resource: 'invoice', operation: 'create', relation: relationFromInput };

/** Jan's two mugs and shipping, €24.95 including VAT, as the order says. */
function draft(orderNumber: number, bookingMode: InvoiceDraft['bookingMode']): IDataObject {
	return twoMugsDraft({
		orderNumber: String(orderNumber),
		invoiceNumber: `HE-${orderNumber}`,
		relationId,
		date: '2026-03-02',
		bookingMode,
	}) as IDataObject;
}

/** The mug's price changed by hand to €12.50 and the draft's total left alone: the lines now add up to €29.95. */
function withEditedLine(order: IDataObject): IDataObject {
	const invoice = order.invoice as { items: IDataObject[] };
	return {
		...order,
		invoice: { ...invoice, items: [{ ...invoice.items[0], pricePerUnit: 12.5 }, invoice.items[1]] },
	};
}

const bookedUnder = (invoiceNumber: string) => [
	...stateOf(books).invoices.filter((invoice) => invoice.invoiceNumber === invoiceNumber),
	...stateOf(books).mutations.filter((mutation) => mutation.invoiceNumber === invoiceNumber),
];

describe.each(['invoice', 'journalEntry'] as const)(
	'A draft whose lines were edited by hand, Booking Mode %s',
	(bookingMode) => {
		const first = bookingMode === 'invoice' ? 100 : 200;

		it('stops that order before anything is booked, naming it and the total; the others are booked', async () => {
			const output = await run(
				books,
				create,
				[
					draft(first + 1, bookingMode),
					withEditedLine(draft(first + 2, bookingMode)),
					draft(first + 3, bookingMode),
				],
				{ continueOnFail: true },
			);
			expect(output[1].json).toEqual({
				error: expect.stringMatching(new RegExp(`^Order ${first + 2}: .*€29\\.95.*€24\\.95`)),
				details: expect.objectContaining({
					orderNumber: String(first + 2),
					field: 'totals.amountInclVat',
				}),
			});
			expect(bookedUnder(`HE-${first + 2}`)).toEqual([]);
			for (const booked of [output[0], output[2]]) expect(booked.json.created).toBe(true);
			expect(bookedUnder(`HE-${first + 1}`)).not.toEqual([]);
			expect(bookedUnder(`HE-${first + 3}`)).not.toEqual([]);
		});
	},
);

describe('A draft without the relation Find or Create Relation should have given', () => {
	it('names the order in the error', async () => {
		const [failed] = await run(books, create, [{ ...draft(301, 'invoice'), relationId: '' }], {
			continueOnFail: true,
		});
		expect(failed.json).toEqual({
			error: expect.stringMatching(/^Order 301: /),
			details: expect.objectContaining({ orderNumber: '301', field: 'relation' }),
		});
		expect(bookedUnder('HE-301')).toEqual([]);
	});
});

describe('A draft whose payment date was set by hand to a day the calendar has not (2026-02-31)', () => {
	it('stops that order before its invoice is booked, naming the field, so no invoice is left without its payment', async () => {
		const order = draft(401, 'invoice');
		const payments = order.payments as IDataObject[];
		const [failed] = await run(
			books,
			create,
			[{ ...order, payments: [{ ...payments[0], date: '2026-02-31' }] }],
			{ continueOnFail: true },
		);
		expect(failed.json.error).toEqual(expect.stringMatching(/payments\[0\]\.date.*calendar/));
		expect(bookedUnder('HE-401')).toEqual([]);
	});
});
