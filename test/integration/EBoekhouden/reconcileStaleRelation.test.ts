import type { IDataObject } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import type { BooksStore } from '../../sandbox/books/store';
import { captureStores, mergeRelation } from '../../sandbox/books/tamper';
import { runChain } from './chain';
import { byId, createRelation, openBooks, run, stateOf, type Books } from './setup';

/**
 * A customer's relation made inactive or merged away by the bookkeeper after the sync booked their first order; their
 * second order never reached the books. Reconcile's Fix must book it, as the sync would (booking/staleRelation.ts),
 * for an active relation with the customer's e-mail, once.
 */
let books: Books;
let store: BooksStore;
beforeAll(async () => {
	const capture = captureStores();
	books = await openBooks();
	capture.release();
	store = capture.stores[0];
});
afterAll(async () => await books.sandbox.close());

const date = '2026-03-05';

/** One mug at €12.10 (21%): €12.10 including VAT, paid by iDEAL on 1010, for Marie. */
function draft(
	orderNumber: number,
	bookingMode: InvoiceDraft['bookingMode'],
	emailAddress: string,
): IDataObject {
	return {
		bookingMode,
		orderNumber: String(orderNumber),
		warnings: [],
		relation: { type: 'P', name: 'Marie', emailAddress },
		invoice: {
			invoiceNumber: `MWW-${orderNumber}`,
			date,
			inExVat: 'IN',
			termOfPayment: 14,
			reference: String(orderNumber),
			text: '',
			items: [
				{
					description: 'Mok',
					quantity: 1,
					pricePerUnit: 12.1,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
				},
			],
		},
		payments: [
			{ amount: 12.1, date, ledgerCode: '1010', kind: 'received', method: 'ideal', reference: '' },
		],
		totals: { amountInclVat: 12.1, byVatCode: { HOOG_VERK_21: 12.1 } },
	};
}

/** The differences Reconcile with Fix reports for these orders (the sandbox holds the other tests' orders too). */
const reconcileWithFix = async (items: IDataObject[]) =>
	(
		await run(
			books,
			{
				resource: 'reconciliation',
				operation: 'reconcile',
				invoicePrefix: 'MWW-',
				creditPrefix: 'MWW-C-',
				dateFrom: '2026-03-01',
				dateTo: '2026-03-31',
				fix: true,
			},
			items,
			{ continueOnFail: true },
		)
	)
		.map((item) => item.json)
		.filter(
			(item) =>
				item.kind === 'difference' &&
				items.some((order) => (order.invoice as IDataObject).invoiceNumber === item.invoiceNumber),
		);

/** The order's sale in the books: its invoice (Invoice), or its type 2 entry (Journal Entry). */
const bookedUnder = (invoiceNumber: string, bookingMode: InvoiceDraft['bookingMode']) =>
	bookingMode === 'invoice'
		? stateOf(books).invoices.filter((invoice) => invoice.invoiceNumber === invoiceNumber)
		: stateOf(books).mutations.filter(
				(mutation) => mutation.invoiceNumber === invoiceNumber && mutation.type === 2,
			);
const openOn = (invoiceNumber: string) =>
	stateOf(books).outstanding.find((item) => item.invoiceNumber === invoiceNumber)
		?.outstandingAmount;

/** What the bookkeeper did to the relation the sync made: an invoice is refused for an inactive one (FACT_003), any booking for one merged away (FACT_002, MUT_013). */
const bookkeeperActions = {
	inactive: async (relationId: number) => {
		await run(books, {
			resource: 'relation',
			operation: 'update',
			relation: byId(relationId),
			updateFields: { inactive: true },
		});
	},
	merged: async (relationId: number) => {
		mergeRelation(store, relationId, await createRelation(books, 'Marie (oud)', 'oud@example.com'));
	},
};

describe.each([
	['invoice', 'inactive'],
	['invoice', 'merged'],
	['journalEntry', 'merged'],
] as const)(
	'Reconcile’s Fix, Booking Mode %s, for a customer whose relation was %s',
	(bookingMode, action) => {
		const first = { invoice: { inactive: 1, merged: 11 }, journalEntry: { merged: 21 } }[
			bookingMode
		][action as 'merged'];
		const second = first + 1;
		const email = `marie${first}@example.com`;

		it('books the missing order for an active relation with the customer’s e-mail, and its payment; a second Fix books nothing', async () => {
			const orders = [draft(first, bookingMode, email), draft(second, bookingMode, email)];
			const synced = await runChain([orders[0] as never], books.credentials);
			books.credentials = synced.credentials;
			const stale = synced.relations[0].json.id as number;
			await bookkeeperActions[action](stale);

			const differences = await reconcileWithFix(orders);
			expect(differences).toHaveLength(1);
			expect(differences[0]).toMatchObject({
				status: 'missing',
				orderNumber: String(second),
				fixed: true,
			});
			const [booked, ...more] = bookedUnder(`MWW-${second}`, bookingMode);
			expect(more).toEqual([]);
			expect(booked.relationId).not.toBe(stale);
			const relation = stateOf(books).relations.find((each) => each.id === booked.relationId);
			expect(relation).toMatchObject({ emailAddress: email });
			expect(relation?.inactive).not.toBe(true);
			expect(openOn(`MWW-${second}`)).toBe(0);

			const again = await reconcileWithFix(orders);
			expect(again).toEqual([]);
			expect(bookedUnder(`MWW-${second}`, bookingMode)).toHaveLength(1);
		});
	},
);
