import type { IDataObject } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { relationFromInput } from './chain';
import { makeDraft } from './drafts';
import { startAnswerLosingProxy, type AnswerLosingProxy, type Loss } from './lostAnswers';
import { byId, openBooks, run, stateOf, type Books } from './setup';

/**
 * The two writes e-Boekhouden guards itself (FACT_101 for a numbered invoice, MUTA_008 for a payment reference)
 * are sent again after a 500 or a dropped connection, also when the first one was carried out and only its
 * answer was lost. Everything else is still sent once.
 */
let books: Books;
let proxy: AnswerLosingProxy;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	proxy = await startAnswerLosingProxy(books.sandbox.url);
	books.credentials = {
		eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: proxy.url },
	};
	const [relation] = await run(books, {
		resource: 'relation',
		operation: 'create',
		name: 'Jan',
		additionalFields: { emailAddress: 'jan@example.com' },
	});
	relationId = relation.json.id as number;
});
afterAll(async () => {
	await proxy.close();
	await books.sandbox.close();
});
afterEach(() => books.sandbox.faults.clear());

const createInvoice = async (draft: InvoiceDraft) =>
	await run(
		books,
		{ resource: 'invoice', operation: 'create', relation: relationFromInput },
		[{ ...(draft as unknown as IDataObject), relationId }],
		{ continueOnFail: true },
	);
const pay = async (draft: InvoiceDraft) =>
	await run(
		books,
		{ resource: 'payment', operation: 'bookInvoicePayment' },
		[draft as unknown as IDataObject],
		{ continueOnFail: true },
	);
const invoicesNumbered = (invoiceNumber: string) =>
	stateOf(books).invoices.filter((invoice) => invoice.invoiceNumber === invoiceNumber);
const paymentsOn = (invoiceNumber: string) =>
	stateOf(books).mutations.filter(
		(mutation) => mutation.type === 3 && mutation.invoiceNumber === invoiceNumber,
	);
const openOn = (invoiceNumber: string) =>
	stateOf(books).outstanding.find((item) => item.invoiceNumber === invoiceNumber)
		?.outstandingAmount;

describe('Invoice → Create after a 500 or a dropped connection', () => {
	it('a 500 before anything was made: sent again, one invoice, no error item', async () => {
		const draft = makeDraft(8001, 1, () => 0.3);
		books.sandbox.resetCounts();
		books.sandbox.faults.add({ method: 'POST', path: '/v1/invoice', status: 500, times: 1 });
		const output = await createInvoice(draft);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBeUndefined();
		expect(output[0].json).toMatchObject({
			invoiceNumber: 'MWW-8001',
			created: true,
			totalAmount: draft.totals.amountInclVat,
		});
		expect(books.sandbox.counts()['POST /v1/invoice']).toBe(2);
		expect(invoicesNumbered('MWW-8001')).toHaveLength(1);
	});

	it.each<[Loss, number]>([
		['serverError', 8002],
		['droppedConnection', 8003],
	])(
		'made, but the answer lost (%s): the repeat meets FACT_101 and the invoice is read back',
		async (loss, orderNumber) => {
			const draft = makeDraft(orderNumber, 1, () => 0.4);
			const invoiceNumber = `MWW-${orderNumber}`;
			books.sandbox.resetCounts();
			proxy.loseNext('POST', '/v1/invoice', loss);
			const output = await createInvoice(draft);
			const [stored] = invoicesNumbered(invoiceNumber);
			expect(invoicesNumbered(invoiceNumber)).toHaveLength(1);
			expect(books.sandbox.counts()['POST /v1/invoice']).toBe(2);
			expect(output).toHaveLength(1);
			expect(output[0].json.error).toBeUndefined();
			expect(output[0].json).toMatchObject({
				id: stored.id,
				invoiceNumber,
				relationId,
				created: false,
				totalAmount: draft.totals.amountInclVat,
				orderNumber: String(orderNumber),
			});
			expect(output[0].json.warnings).toBeUndefined();
			expect(openOn(invoiceNumber)).toBe(draft.totals.amountInclVat);
		},
	);

	it('an invoice e-Boekhouden numbers itself is not sent again: an error item, nothing made', async () => {
		const before = stateOf(books).invoices.length;
		books.sandbox.resetCounts();
		books.sandbox.faults.add({ method: 'POST', path: '/v1/invoice', status: 500, times: 1 });
		const [failed] = await run(
			books,
			{
				resource: 'invoice',
				operation: 'create',
				inputMode: 'manual',
				relation: byId(relationId),
				invoiceNumber: '',
				date: '2026-04-01T00:00:00',
				inExVat: 'EX',
				items: {
					item: [
						{
							description: 'Consult',
							quantity: 1,
							pricePerUnit: 50,
							vatCode: 'HOOG_VERK_21',
							ledgerCode: '8000',
						},
					],
				},
				template: { __rl: true, mode: 'name', value: 'Standaard' },
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(failed.json.details).toMatchObject({ httpCode: '500' });
		expect(books.sandbox.counts()['POST /v1/invoice']).toBe(1);
		expect(stateOf(books).invoices).toHaveLength(before);
	});
});

describe('Payment → Book Invoice Payment after a 500 or a dropped connection', () => {
	it('a 500 before anything was booked: sent again, paid once, no error item', async () => {
		const draft = makeDraft(8101, 1, () => 0.3);
		await createInvoice(draft);
		books.sandbox.resetCounts();
		books.sandbox.faults.add({ method: 'POST', path: '/v1/mutation', status: 500, times: 1 });
		const output = await pay(draft);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBeUndefined();
		expect(output[0].json).toMatchObject({
			booked: true,
			alreadyPaid: false,
			amount: draft.totals.amountInclVat,
			outstandingAfter: 0,
		});
		expect(books.sandbox.counts()['POST /v1/mutation']).toBe(2);
		expect(paymentsOn('MWW-8101')).toHaveLength(1);
		expect(openOn('MWW-8101')).toBe(0);
	});

	it.each<[Loss, number]>([
		['serverError', 8102],
		['droppedConnection', 8103],
	])(
		'booked, but the answer lost (%s): the repeat meets MUTA_008 and ends as already paid',
		async (loss, orderNumber) => {
			const draft = makeDraft(orderNumber, 1, () => 0.35);
			const invoiceNumber = `MWW-${orderNumber}`;
			await createInvoice(draft);
			books.sandbox.resetCounts();
			proxy.loseNext('POST', '/v1/mutation', loss);
			const output = await pay(draft);
			expect(paymentsOn(invoiceNumber)).toHaveLength(1);
			expect(paymentsOn(invoiceNumber)[0]).toMatchObject({
				paymentReference: `Betaling ${invoiceNumber}`,
			});
			expect(openOn(invoiceNumber)).toBe(0);
			expect(books.sandbox.counts()['POST /v1/mutation']).toBe(2);
			expect(output).toHaveLength(1);
			expect(output[0].json.error).toBeUndefined();
			expect(output[0].json).toMatchObject({
				invoiceNumber,
				booked: false,
				alreadyPaid: true,
				outstandingAfter: 0,
				orderNumber: String(orderNumber),
			});
			expect(output[0].json.warnings).toBeUndefined();
		},
	);
});

describe('Find or Create Relation after a 500 or a dropped connection', () => {
	it.each<[Loss, number]>([
		['serverError', 8501],
		['droppedConnection', 8502],
	])(
		'%s after the relation was made: sent again, refused by its code (REL_049), the one relation is used',
		async (loss, orderNumber) => {
			const draft = makeDraft(orderNumber, orderNumber, () => 0.2);
			books.sandbox.resetCounts();
			proxy.loseNext('POST', '/v1/relation', loss);
			const [found] = await run(
				books,
				{ resource: 'relation', operation: 'findOrCreate' },
				[draft as unknown as IDataObject],
				{ continueOnFail: true },
			);
			expect(found.json.error).toBeUndefined();
			const stored = stateOf(books).relations.filter(
				(relation) => relation.emailAddress === draft.relation.emailAddress,
			);
			expect(stored).toHaveLength(1);
			expect(found.json).toMatchObject({ id: stored[0].id, orderNumber: String(orderNumber) });
			expect(books.sandbox.counts()['POST /v1/relation']).toBe(2);
		},
	);
});

describe('Other writes are still sent once', () => {
	it('creating a relation by hand that meets a 500 is an error item, and no relation is made', async () => {
		const before = stateOf(books).relations.length;
		books.sandbox.resetCounts();
		books.sandbox.faults.add({ method: 'POST', path: '/v1/relation', status: 500, times: 1 });
		const [failed] = await run(
			books,
			{ resource: 'relation', operation: 'create', name: 'Piet' },
			[{}],
			{ continueOnFail: true },
		);
		expect(failed.json.details).toMatchObject({ httpCode: '500' });
		expect(books.sandbox.counts()['POST /v1/relation']).toBe(1);
		expect(stateOf(books).relations).toHaveLength(before);
	});
});
