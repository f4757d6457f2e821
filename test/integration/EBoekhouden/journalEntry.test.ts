import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { makeDraft, splitPayment } from './drafts';
import { bookLosingTheAnswer, draftCents, mutationsOf, rowCents } from './entries';
import { openBooks, stateOf, type Books } from './setup';
import { bookOn, errorsOf, freshWorker } from './workers';

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());
afterEach(() => books.sandbox.faults.clear());

const journal = (orderNumber: number, customer = 1): InvoiceDraft => ({
	...makeDraft(orderNumber, customer, () => (orderNumber % 97) / 100),
	bookingMode: 'journalEntry',
});

const openOn = (invoiceNumber: string) =>
	stateOf(books).outstanding.find((item) => item.invoiceNumber === invoiceNumber)
		?.outstandingAmount;

describe('Booking Mode Journal Entry against the sandbox', () => {
	it('books one type 2 entry with the draft’s totals per VAT code, no invoice, and its payment settles it', async () => {
		const drafts = [journal(9101), journal(9102, 2)];
		books.sandbox.resetCounts();
		const chain = await bookOn(new EBoekhouden(), drafts, books.credentials);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		expect(books.sandbox.counts()['POST /v1/invoice']).toBeUndefined();
		for (const [index, draft] of drafts.entries()) {
			const invoiceNumber = draft.invoice.invoiceNumber;
			const [entry, ...more] = mutationsOf(books, invoiceNumber, 2);
			expect(more).toEqual([]);
			expect(entry).toMatchObject({
				relationId: chain.relations[index].json.id,
				date: draft.invoice.date,
				inExVat: 'IN',
			});
			expect(rowCents(entry)).toEqual(draftCents(draft));
			expect(chain.invoices[index].json).toMatchObject({
				bookedAs: 'journalEntry',
				id: entry.id,
				invoiceNumber,
				relationId: entry.relationId,
				created: true,
				orderNumber: draft.orderNumber,
			});
			expect(chain.invoices[index].json.warnings).toBeUndefined();
			expect(mutationsOf(books, invoiceNumber, 3)).toHaveLength(1);
			expect(chain.payments[index].json).toMatchObject({ booked: true, outstandingAfter: 0 });
			expect(openOn(invoiceNumber)).toBe(0);
		}
		expect(stateOf(books).invoices).toEqual([]);
	});

	it('a re-run books nothing new', async () => {
		const drafts = [journal(9111), splitPayment(journal(9112, 3))];
		const first = await bookOn(await freshWorker(), drafts, books.credentials);
		const before = stateOf(books).mutations.length;
		const again = await bookOn(await freshWorker(), drafts, first.credentials);
		books.credentials = again.credentials;
		expect(errorsOf(again)).toEqual([]);
		expect(stateOf(books).mutations.length).toBe(before);
		expect(again.invoices.map((item) => item.json.created)).toEqual([false, false]);
		expect(again.payments.map((item) => item.json.alreadyPaid)).toEqual([true, true]);
		// The split order: a gift-card memorial and a payment, each once, and nothing left open.
		const parts = stateOf(books).mutations.filter((mutation) =>
			String(mutation.paymentReference).startsWith('Betaling MWW-9112'),
		);
		expect(parts.map((mutation) => mutation.type).sort()).toEqual([3, 7]);
		expect(openOn('MWW-9112')).toBe(0);
	});

	it('an order booked before as a sales invoice is not booked again after a switch to Journal Entry', async () => {
		const sale = makeDraft(9151, 5, () => 0.2);
		const first = await bookOn(await freshWorker(), [sale], books.credentials, [
			'relation',
			'invoice',
		]);
		books.sandbox.resetCounts();
		const again = await bookOn(
			await freshWorker(),
			[{ ...sale, bookingMode: 'journalEntry' }],
			first.credentials,
			['relation', 'invoice'],
		);
		books.credentials = again.credentials;
		expect(mutationsOf(books, 'MWW-9151', 2).length).toBeLessThanOrEqual(1);
		expect(again.invoices[0].json).toMatchObject({ bookedAs: 'journalEntry', created: false });
		expect(books.sandbox.counts()['POST /v1/mutation']).toBeUndefined();
	});

	it('two fresh workers at once book one entry and one payment per order', async () => {
		const drafts = [journal(9121), journal(9122, 4), journal(9123, 4)];
		const [one, two] = await Promise.all([
			bookOn(await freshWorker(), drafts, books.credentials),
			bookOn(await freshWorker(), drafts, books.credentials),
		]);
		books.credentials = two.credentials;
		expect([...errorsOf(one), ...errorsOf(two)]).toEqual([]);
		for (const draft of drafts) {
			expect(mutationsOf(books, draft.invoice.invoiceNumber, 2)).toHaveLength(1);
			expect(mutationsOf(books, draft.invoice.invoiceNumber, 3)).toHaveLength(1);
			expect(openOn(draft.invoice.invoiceNumber)).toBe(0);
		}
	});

	it('a 500 on the first POST /v1/mutation still books exactly one entry', async () => {
		const draft = journal(9131);
		books.sandbox.faults.add({ method: 'POST', path: '/v1/mutation', status: 500, times: 1 });
		const chain = await bookOn(await freshWorker(), [draft], books.credentials);
		books.credentials = chain.credentials;
		expect(errorsOf(chain)).toEqual([]);
		expect(mutationsOf(books, 'MWW-9131', 2)).toHaveLength(1);
		expect(mutationsOf(books, 'MWW-9131', 3)).toHaveLength(1);
		expect(openOn('MWW-9131')).toBe(0);
	});

	it.each(['serverError', 'droppedConnection'] as const)(
		'booked but the answer lost (%s): the repeat meets MUT_019 and the one entry is used',
		async (loss) => {
			const orderNumber = loss === 'serverError' ? 9141 : 9142;
			const invoiceNumber = `MWW-${orderNumber}`;
			const chain = await bookLosingTheAnswer(books, journal(orderNumber), loss);
			expect(errorsOf(chain)).toEqual([]);
			expect(mutationsOf(books, invoiceNumber, 2)).toHaveLength(1);
			expect(chain.invoices[0].json).toMatchObject({
				bookedAs: 'journalEntry',
				id: mutationsOf(books, invoiceNumber, 2)[0].id,
				created: false,
			});
			expect(openOn(invoiceNumber)).toBe(0);
		},
	);
});
