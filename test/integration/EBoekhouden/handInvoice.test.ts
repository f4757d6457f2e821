import type { IDataObject } from 'n8n-workflow';

import { relationFromInput } from './chain';
import { twoMugsDraft } from './drafts';
import { byId, createRelation, openBooks, run, stateOf, type Books } from './setup';

/**
 * An invoice made by hand in e-Boekhouden under the number an order's invoice would get (the bookkeeper numbered a
 * sale of their own MWW-…): it is not the order's, so the order's money must not settle it.
 */
let books: Books;
let shopCustomer: number;
let otherCustomer: number;
beforeAll(async () => {
	books = await openBooks();
	shopCustomer = await createRelation(books, 'Jan', 'jan@example.com');
	otherCustomer = await createRelation(books, 'Piet', 'piet@example.com');
});
afterAll(async () => await books.sandbox.close());

const date = '2026-03-02';

/** Jan's two mugs and shipping, all 21%: €24.95 including VAT, paid by iDEAL on 1010. */
function draft(invoiceNumber: string, orderNumber: string): IDataObject {
	return twoMugsDraft({
		orderNumber,
		invoiceNumber,
		relationId: shopCustomer,
		date,
	}) as IDataObject;
}

/** An invoice of €10.00 for Piet, made by hand under `invoiceNumber`. */
async function byHand(invoiceNumber: string): Promise<void> {
	await run(books, {
		resource: 'invoice',
		operation: 'create',
		inputMode: 'manual',
		relation: byId(otherCustomer),
		invoiceNumber,
		date,
		items: {
			item: [
				{
					description: 'Advies',
					quantity: 1,
					pricePerUnit: 10,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
				},
			],
		},
	});
}

const paymentsOn = (invoiceNumber: string) =>
	stateOf(books).mutations.filter(
		(mutation) => mutation.invoiceNumber === invoiceNumber && mutation.type !== 2,
	);
const openOn = (invoiceNumber: string) =>
	stateOf(books).outstanding.find((item) => item.invoiceNumber === invoiceNumber)
		?.outstandingAmount;

describe('An invoice made by hand under the order’s invoice number, with other totals', () => {
	it('Book Invoice Payment books nothing on it and names the order and both totals; the other order is paid', async () => {
		await byHand('MWW-501');
		const drafts = [draft('MWW-501', '501'), draft('MWW-502', '502')];
		await run(
			books,
			{ resource: 'invoice', operation: 'create', relation: relationFromInput },
			drafts,
			{
				continueOnFail: true,
			},
		);
		const [refused, paid] = await run(
			books,
			{ resource: 'payment', operation: 'bookInvoicePayment' },
			drafts,
			{
				continueOnFail: true,
			},
		);
		expect(refused.json).toEqual({
			error: expect.stringMatching(/^Order 501: .*MWW-501.*€10\.00.*€24\.95/),
			details: expect.objectContaining({ orderNumber: '501', field: 'invoiceNumber' }),
		});
		expect(paymentsOn('MWW-501')).toEqual([]);
		expect(openOn('MWW-501')).toBe(10);
		expect(paid.json).toMatchObject({ booked: true, amount: 24.95, outstandingAfter: 0 });
	});

	it('one paid by hand is not reported as this order paid', async () => {
		await byHand('MWW-503');
		await run(books, {
			resource: 'payment',
			operation: 'bookInvoicePayment',
			inputMode: 'manual',
			invoiceNumber: 'MWW-503',
			date,
			paymentLedger: { __rl: true, mode: 'code', value: '1010' },
		});
		expect(openOn('MWW-503')).toBe(0);
		const order = draft('MWW-503', '503');
		const [refused] = await run(
			books,
			{ resource: 'payment', operation: 'bookInvoicePayment' },
			[order],
			{
				continueOnFail: true,
			},
		);
		expect(refused.json).toEqual({
			error: expect.stringMatching(/^Order 503: .*MWW-503.*€10\.00.*€24\.95/),
			details: expect.objectContaining({ orderNumber: '503', field: 'invoiceNumber' }),
		});
	});
});
