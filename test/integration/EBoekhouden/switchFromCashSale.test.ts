import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { makeDraft } from './drafts';
import { mutationsOf } from './entries';
import { openBooks, stateOf, type Books } from './setup';
import { bookOn, errorsOf, freshWorker } from './workers';

/**
 * Orders booked as cash sales (a type 5 entry holds the sale and the money), then Booking Mode switched back to
 * Invoice or Journal Entry and the orders run again (a re-check window, a history import over the same months): the
 * sale and its money are in the books already, so nothing may be booked for them a second time.
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const cash = (orderNumber: number): InvoiceDraft => ({
	...makeDraft(orderNumber, orderNumber, () => 0.3),
	bookingMode: 'cashSale',
});

describe('Booking Mode switched from Cash Sale after orders were booked', () => {
	it('an order booked before as a cash sale is not booked again as an invoice or a journal entry, nor paid again', async () => {
		const orders = [cash(9401), cash(9402)];
		const first = await bookOn(await freshWorker(), orders, books.credentials);
		expect(errorsOf(first)).toEqual([]);
		const invoicesBefore = stateOf(books).invoices.length;

		const switched: InvoiceDraft[] = [
			{ ...orders[0], bookingMode: 'invoice' },
			{ ...orders[1], bookingMode: 'journalEntry' },
		];
		const again = await bookOn(await freshWorker(), switched, first.credentials);
		books.credentials = again.credentials;

		expect(errorsOf(again)).toEqual([]);
		expect(stateOf(books).invoices).toHaveLength(invoicesBefore);
		for (const order of orders) {
			const number = order.invoice.invoiceNumber;
			expect(mutationsOf(books, number).map((mutation) => mutation.type)).toEqual([5]);
		}
		for (const booked of again.invoices) {
			expect(booked.json).toMatchObject({
				created: false,
				warnings: [expect.stringContaining('cash sale')],
			});
		}
		for (const paid of again.payments) expect(paid.json).toMatchObject({ booked: false });
	});
});
