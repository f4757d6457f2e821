import { byCode, byId, createRelation, openBooks, run, stateOf, type Books } from './setup';

/**
 * Invoices and payments set by hand, their numbers mapped from elsewhere by an expression (a spreadsheet, a form):
 * a Dutch decimal comma ("12,50") is text, not a number. It must stop that item, naming the field, before anything
 * is written, never book another amount than the one given.
 */
let books: Books;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	relationId = await createRelation(books, 'Jan');
});
afterAll(async () => await books.sandbox.close());

const date = '2026-02-12';
const invoiceByHand = (invoiceNumber: string, quantity: unknown, pricePerUnit: unknown) => ({
	resource: 'invoice',
	operation: 'create',
	inputMode: 'manual',
	relation: byId(relationId),
	invoiceNumber,
	date,
	items: {
		item: [
			{ description: 'Mok', quantity, pricePerUnit, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' },
		],
	},
});
const invoicesNumbered = (invoiceNumber: string) =>
	stateOf(books).invoices.filter((invoice) => invoice.invoiceNumber === invoiceNumber);

describe('Numbers given by hand as text', () => {
	it.each([
		['quantity', 'HM-1', '={{ "2,5" }}', 10, '2,5'],
		['pricePerUnit', 'HM-2', 1, '={{ "12,50" }}', '12,50'],
	])(
		'Create Invoice: a %s that is not a number stops the item before any call',
		async (field, invoiceNumber, quantity, price, shown) => {
			books.sandbox.resetCounts();
			const [failed] = await run(books, invoiceByHand(invoiceNumber, quantity, price), [{}], {
				continueOnFail: true,
			});
			expect(failed.json).toEqual({
				error: expect.stringContaining(`"${shown}"`),
				details: expect.objectContaining({ field: `items[0].${field}` }),
			});
			expect(books.sandbox.counts()['POST /v1/invoice']).toBeUndefined();
			expect(invoicesNumbered(invoiceNumber)).toEqual([]);
		},
	);

	it('Book Invoice Payment: an amount that is not a number books nothing (not what is open)', async () => {
		// Two mugs at €12.50 including VAT: €25.00 open.
		await run(books, invoiceByHand('HM-3', 2, 12.5));
		const [failed] = await run(
			books,
			{
				resource: 'payment',
				operation: 'bookInvoicePayment',
				inputMode: 'manual',
				invoiceNumber: 'HM-3',
				amount: '={{ "12,50" }}',
				date,
				paymentLedger: byCode('1010'),
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(failed.json).toEqual({
			error: expect.stringContaining('"12,50"'),
			details: expect.objectContaining({ field: 'amount' }),
		});
		expect(
			stateOf(books).outstanding.find((item) => item.invoiceNumber === 'HM-3')?.outstandingAmount,
		).toBe(25);
	});
});
