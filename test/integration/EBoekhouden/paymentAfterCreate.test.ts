import type { IDataObject } from 'n8n-workflow';

import { runChain } from './chain';
import { makeDrafts } from './drafts';
import { openBooks, run, stateOf, type Books } from './setup';

/**
 * Issue 15: Book Payment after Create Invoice in the same execution (every template) knows each new invoice's open
 * item from its creation and the totals read back, so a poll pays no listing of open items. The books must stay
 * exactly as with the listing: one payment per invoice, of its whole total, and none where someone paid meanwhile.
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const OUTSTANDING = 'GET /v1/mutation/invoice/outstanding';
const paymentsOf = (invoiceNumber: string) =>
	stateOf(books).mutations.filter(
		(mutation) => mutation.type === 3 && mutation.invoiceNumber === invoiceNumber,
	);
const centsOf = (mutation: IDataObject) =>
	((mutation.rows as Array<{ amount: number }>) ?? []).reduce(
		(sum, row) => sum + Math.round(row.amount * 100),
		0,
	);

describe('Book Invoice Payment after Create Invoice in one execution', () => {
	it('pays every new invoice its whole total without reading the open items', async () => {
		const drafts = makeDrafts(30, 10, 23);
		books.sandbox.resetCounts();
		const chain = await runChain(drafts, books.credentials);
		books.credentials = chain.credentials;
		expect(books.sandbox.counts()[OUTSTANDING]).toBeUndefined();
		expect(chain.payments.filter((item) => item.json.error)).toEqual([]);
		for (const draft of drafts) {
			const number = draft.invoice.invoiceNumber;
			const payments = paymentsOf(number);
			expect(payments).toHaveLength(1);
			expect(centsOf(payments[0])).toBe(Math.round(draft.totals.amountInclVat * 100));
			expect(payments[0].paymentReference).toBe(`Betaling ${number}`);
		}
		expect(stateOf(books).outstanding.filter((item) => item.outstandingAmount !== 0)).toEqual([]);
	});

	it('an invoice paid after its creation (a re-run of Book Payment) is not paid again, and is read from e-Boekhouden', async () => {
		const drafts = makeDrafts(4, 2, 29).map((draft, index) => ({
			...draft,
			orderNumber: `61${index}`,
			invoice: { ...draft.invoice, invoiceNumber: `MWW-61${index}` },
		}));
		const chain = await runChain(drafts, books.credentials);
		books.credentials = chain.credentials;
		books.sandbox.resetCounts();
		const again = await run(
			books,
			{ resource: 'payment', operation: 'bookInvoicePayment' },
			drafts as unknown as IDataObject[],
		);
		expect(again.every((item) => item.json.alreadyPaid === true)).toBe(true);
		expect(books.sandbox.counts()['POST /v1/mutation']).toBeUndefined();
		expect(books.sandbox.counts()[OUTSTANDING]).toBe(1);
		for (const draft of drafts) expect(paymentsOf(draft.invoice.invoiceNumber)).toHaveLength(1);
	});

	it('a concept invoice is not taken as open: Book Payment asks e-Boekhouden and books nothing', async () => {
		const [draft] = makeDrafts(1, 1, 31).map((one) => ({
			...one,
			orderNumber: '6201',
			invoice: { ...one.invoice, invoiceNumber: 'MWW-6201' },
		}));
		const [relation] = await run(books, { resource: 'relation', operation: 'findOrCreate' }, [
			draft as unknown as IDataObject,
		]);
		const [concept] = await run(
			books,
			{
				resource: 'invoice',
				operation: 'create',
				relation: { __rl: true, mode: 'id', value: '={{ $json.relationId }}' },
				options: { book: false },
			},
			[{ ...(draft as unknown as IDataObject), relationId: relation.json.id }],
		);
		expect(concept.json.created).toBe(true);
		books.sandbox.resetCounts();
		const [paid] = await run(
			books,
			{ resource: 'payment', operation: 'bookInvoicePayment' },
			[draft as unknown as IDataObject],
			{ continueOnFail: true },
		);
		expect(books.sandbox.counts()[OUTSTANDING]).toBe(1);
		expect(paymentsOf('MWW-6201')).toEqual([]);
		expect(paid.json.booked).not.toBe(true);
	});
});
