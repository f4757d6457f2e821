import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { mapOrderToInvoice } from '../../../nodes/OrderToInvoice/mapping';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { relationFromInput } from './chain';
import { makeDraft } from './drafts';
import { login } from '../../unit/sandbox/books/client';
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
			payments: sale.payments.map((payment) => ({ ...payment, amount: -payment.amount })),
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

/** A golden order (test/golden) through the mapping, as the sync template does. */
const mapped = (name: string, settings: IDataObject = {}) => {
	const golden = JSON.parse(readFileSync(join(__dirname, '../../golden', name), 'utf8'));
	return mapOrderToInvoice(golden.order, { ...golden.settings, ...settings });
};
const mutationsOf = (invoiceNumber: string) =>
	stateOf(books).mutations.filter((mutation) =>
		[
			mutation.invoiceNumber,
			...((mutation.rows as IDataObject[]) ?? []).map((row) => row.invoiceNumber),
		].includes(invoiceNumber),
	);

describe('Split and deferred payments against the sandbox', () => {
	it('25.00 by gift card and 35.00 by iDEAL: a memorial on the gift-card ledger, a payment on Mollie, settled once', async () => {
		const draft = mapped('split-gift-card-and-ideal.json');
		await invoice(draft);
		const [paid] = await pay([draft]);
		expect(paid.json).toMatchObject({ booked: true, amount: 60, outstandingAfter: 0 });
		const payments = mutationsOf('MWW-2002').filter((mutation) => mutation.type !== 2);
		// 1620 Uitstaande cadeaubonnen (BAL): type 7; 1020 Mollie (FIN): type 3. Nothing on the bank 1010.
		expect(
			payments.map((mutation) => [
				mutation.type,
				mutation.ledgerId,
				mutation.date,
				mutation.amount,
			]),
		).toEqual([
			[7, 22206503, '2025-05-02', 25],
			[3, 22206455, '2025-05-03', 35],
		]);
		expect(payments.map((mutation) => mutation.paymentReference)).toEqual([
			'Betaling MWW-2002 3c9e1f20',
			'Betaling MWW-2002 8c1ed7ea',
		]);
		expect(open('MWW-2002')?.outstandingAmount).toBe(0);
		const [again] = await pay([draft]);
		expect(again.json).toMatchObject({ booked: false, alreadyPaid: true });
		expect(mutationsOf('MWW-2002')).toHaveLength(3);
	});

	it('a sold gift card is on the gift-card ledger; e-Boekhouden takes a payment (type 3) only on a FIN ledger (MUT_009)', async () => {
		const draft = mapped('gift-card-sold.json');
		await invoice(draft);
		const [sold] = stateOf(books).invoices.filter((item) => item.invoiceNumber === 'MWW-2001');
		// Kookboek 19.95 (9%) + Cadeaubon 50.00 (GEEN, 1620) + shipping 4.95 (21%) = 74.90
		expect(sold.vatByCode.GEEN.totalAmount).toBe(50);
		expect(sold.totalAmount).toBe(74.9);
		const client = await login(books.sandbox.url);
		const row = {
			ledgerId: 22206453,
			vatCode: 'GEEN',
			amount: 10,
			invoiceNumber: 'MWW-2001',
			relationId,
		};
		const onBalance = await client.call('POST', '/v1/mutation', {
			type: 3,
			date: '2025-05-02',
			ledgerId: 22206503,
			relationId,
			invoiceNumber: 'MWW-2001',
			rows: [row],
		});
		expect([onBalance.status, onBalance.body.code]).toEqual([400, 'MUT_009']);
		expect(open('MWW-2001')?.outstandingAmount).toBe(74.9);
	});

	it('pay later: authorised with no ledger for it books nothing; captured later, it is booked once', async () => {
		const authorised = mapped('afterpay-authorized-no-ledger.json');
		await invoice(authorised);
		const [first] = await pay([authorised]);
		expect(first.json).toMatchObject({
			booked: false,
			skipped: true,
			reason: expect.stringContaining('€24.00 (afterpay) is authorised, not captured'),
		});
		expect(open('MWW-2005')?.outstandingAmount).toBe(24);
		const captured = mapped('afterpay-captured-later.json');
		const [second] = await pay([captured]);
		expect(second.json).toMatchObject({ booked: true, amount: 24, ledgerCode: '1010' });
		const [third] = await pay([captured]);
		expect(third.json).toMatchObject({ booked: false, alreadyPaid: true });
		const payments = mutationsOf('MWW-2005').filter((mutation) => mutation.type === 3);
		expect(payments.map((mutation) => [mutation.date, mutation.amount])).toEqual([
			['2025-05-20', 24],
		]);
	});

	it('an authorised Klarna order is paid onto "Klarna nog te ontvangen", never the bank', async () => {
		const draft = mapped('klarna-authorized.json');
		await invoice(draft);
		await pay([draft]);
		const payments = mutationsOf('MWW-2004').filter((mutation) => mutation.type === 3);
		expect(payments.map((mutation) => mutation.ledgerId)).toEqual([22206494]);
		expect(open('MWW-2004')?.outstandingAmount).toBe(0);
	});
});
