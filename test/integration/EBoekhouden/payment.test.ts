import type { IDataObject } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { relationFromInput } from './chain';
import { makeDraft } from './drafts';
import { createRelation, openBooks, run, stateOf, type Books } from './setup';

let books: Books;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	relationId = await createRelation(books, 'Jan');
});
afterAll(async () => await books.sandbox.close());

const invoice = async (draft: InvoiceDraft, options: IDataObject = {}) =>
	await run(
		books,
		{ resource: 'invoice', operation: 'create', relation: relationFromInput, options },
		[{ ...(draft as unknown as IDataObject), relationId }],
	);
const pay = async (drafts: InvoiceDraft[], operation = 'bookInvoicePayment') =>
	await run(books, { resource: 'payment', operation }, drafts as unknown as IDataObject[], {
		continueOnFail: true,
	});
const open = (invoiceNumber: string) =>
	stateOf(books).outstanding.find((item) => item.invoiceNumber === invoiceNumber);

describe('Payment operations against the sandbox', () => {
	it('books the payment so the open item is settled; a second attempt books nothing', async () => {
		const draft = makeDraft(7001, 1, () => 0.3);
		await invoice(draft);
		const [paid] = await pay([draft]);
		expect(paid.json).toMatchObject({
			booked: true,
			amount: draft.totals.amountInclVat,
			outstandingAfter: 0,
			orderNumber: '7001',
		});
		expect(open('MWW-7001')?.outstandingAmount).toBe(0);
		const [again] = await pay([draft]);
		expect(again.json).toMatchObject({ booked: false, alreadyPaid: true });
		expect(
			stateOf(books).mutations.filter(
				(mutation) => mutation.invoiceNumber === 'MWW-7001' && mutation.type === 3,
			),
		).toHaveLength(1);
	});

	it('two executions at once pay once', async () => {
		const draft = makeDraft(7002, 1, () => 0.35);
		await invoice(draft);
		await Promise.all([pay([draft]), pay([draft])]);
		expect(
			stateOf(books).mutations.filter(
				(mutation) => mutation.invoiceNumber === 'MWW-7002' && mutation.type === 3,
			),
		).toHaveLength(1);
		expect(open('MWW-7002')?.outstandingAmount).toBe(0);
	});

	it('refunds a credit invoice with a negative type-3 booking that brings it to zero', async () => {
		const sale = makeDraft(7003, 1, () => 0.4);
		const credit: InvoiceDraft = {
			...sale,
			kind: 'credit',
			invoice: {
				...sale.invoice,
				invoiceNumber: 'MWW-C-7003',
				items: sale.invoice.items.map((item) => ({ ...item, pricePerUnit: -item.pricePerUnit })),
			},
			payment: { ...sale.payment, amount: -sale.payment.amount },
			totals: { ...sale.totals, amountInclVat: -sale.totals.amountInclVat },
		};
		const [created] = await invoice(credit);
		expect(created.json.totalAmount).toBe(-sale.totals.amountInclVat);
		const [refund] = await pay([credit], 'bookRefund');
		expect(refund.json).toMatchObject({
			booked: true,
			refund: true,
			amount: -sale.totals.amountInclVat,
			outstandingAfter: 0,
		});
		expect(open('MWW-C-7003')?.outstandingAmount).toBe(0);
	});

	it('a concept invoice (Book Into Ledger off) is an error saying so, and nothing is booked', async () => {
		const draft = makeDraft(7005, 1, () => 0.5);
		await invoice(draft, { book: false });
		expect(open('MWW-7005')).toBeUndefined();
		const [concept] = await pay([draft]);
		expect(concept.json.error).toBe(
			'Order 7005: Invoice MWW-7005 exists but was never booked into the ledger (a concept)',
		);
		expect(concept.json.details).toMatchObject({ orderNumber: '7005', field: 'invoiceNumber' });
		expect(
			stateOf(books).mutations.filter((mutation) => mutation.invoiceNumber === 'MWW-7005'),
		).toEqual([]);
	});

	it('Book Refund refuses an ordinary invoice; paying an invoice that does not exist is an error', async () => {
		const draft = makeDraft(7004, 1, () => 0.45);
		await invoice(draft);
		const missing = makeDraft(7999, 1, () => 0.45);
		const [refused] = await pay([draft], 'bookRefund');
		const [notThere] = await pay([missing]);
		expect(refused.json.error).toBe('Order 7004: Invoice MWW-7004 is not a credit invoice');
		expect(notThere.json.error).toBe('Order 7999: Invoice MWW-7999 does not exist in e-Boekhouden');
		expect(
			stateOf(books).mutations.filter(
				(mutation) =>
					mutation.type === 3 &&
					mutation.invoiceNumber !== 'MWW-7001' &&
					mutation.invoiceNumber !== 'MWW-7002' &&
					mutation.invoiceNumber !== 'MWW-C-7003',
			),
		).toEqual([]);
	});
});
