import type { IDataObject, INodeType } from 'n8n-workflow';

import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { executeNode } from '../../harness';
import { relationFromInput } from './chain';
import { makeDraft, splitPayment } from './drafts';
import { createRelation, openBooks, run, stateOf, type Books } from './setup';

/**
 * Queue mode: two n8n worker processes share no memory, so the in-process lock and the outstanding cache of one
 * do not protect the other. What stops a second payment there is e-Boekhouden itself: the payment reference.
 */
let books: Books;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	relationId = await createRelation(books, 'Jan');
});
afterAll(async () => await books.sandbox.close());
afterEach(() => books.sandbox.faults.clear());

const invoice = async (draft: InvoiceDraft) =>
	await run(books, { resource: 'invoice', operation: 'create', relation: relationFromInput }, [
		{ ...(draft as unknown as IDataObject), relationId },
	]);
const payWith = async (node: INodeType, draft: InvoiceDraft) => {
	const result = await executeNode(node, {
		parameters: { resource: 'payment', operation: 'bookInvoicePayment' },
		items: [{ json: draft as unknown as IDataObject }],
		credentials: books.credentials,
		continueOnFail: true,
	});
	return result.output[0];
};
const payments = (invoiceNumber: string) =>
	stateOf(books).mutations.filter(
		(mutation) => mutation.type === 3 && mutation.invoiceNumber === invoiceNumber,
	);
const open = (invoiceNumber: string) =>
	stateOf(books).outstanding.find((item) => item.invoiceNumber === invoiceNumber);

/** The node module loaded afresh, as a second worker process has it: its own locks, caches and sessions. */
async function secondWorker(): Promise<INodeType> {
	let node: INodeType | undefined;
	await jest.isolateModulesAsync(async () => {
		const { EBoekhouden } = await import('../../../nodes/EBoekhouden/EBoekhouden.node');
		node = new EBoekhouden();
	});
	return node as INodeType;
}

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 5_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** Another process books a payment straight through the API, with its own session. */
async function bookAsAnotherProcess(body: IDataObject): Promise<Response> {
	const url = books.sandbox.url;
	const session = await fetch(`${url}/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ accessToken: 'sandbox-api-token', source: 'worker2' }),
	});
	const { token } = (await session.json()) as { token: string };
	return await fetch(`${url}/v1/mutation`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: token },
		body: JSON.stringify(body),
	});
}

describe('Book Invoice Payment across processes', () => {
	it('another process books the payment between our read and our booking: one payment, ours is "already paid"', async () => {
		const draft = makeDraft(7101, 1, () => 0.3);
		await invoice(draft);
		const amount = draft.totals.amountInclVat;
		books.sandbox.faults.add({ method: 'POST', path: '/v1/mutation', delayMs: 400, times: 1 });
		const ours = payWith(new EBoekhouden(), draft);
		// Our booking is on its way (it took the delay), so our read of the open item is done: a stale view now.
		await until(() => books.sandbox.faults.list().length === 0);
		const theirs = await bookAsAnotherProcess({
			type: 3,
			date: '2026-05-02',
			ledgerId: 22206452,
			relationId,
			invoiceNumber: 'MWW-7101',
			paymentReference: 'Betaling MWW-7101',
			checkPaymentReference: true,
			inExVat: 'EX',
			rows: [
				{ ledgerId: 22206453, vatCode: 'GEEN', amount, invoiceNumber: 'MWW-7101', relationId },
			],
		});
		expect(theirs.status).toBe(201);
		const [paid] = await ours;
		expect(paid.json).toMatchObject({
			booked: false,
			alreadyPaid: true,
			amount: 0,
			paymentReference: 'Betaling MWW-7101',
			outstandingAfter: 0,
			orderNumber: '7101',
		});
		expect(paid.json.error).toBeUndefined();
		expect(payments('MWW-7101')).toHaveLength(1);
		expect(open('MWW-7101')?.outstandingAmount).toBe(0);
	});

	it('two workers that share no lock pay the same invoice at once: one payment', async () => {
		const draft = makeDraft(7102, 1, () => 0.35);
		await invoice(draft);
		const second = await secondWorker();
		// Both bookings wait in the line to e-Boekhouden, so both workers have read the invoice as open.
		books.sandbox.faults.add({ method: 'POST', path: '/v1/mutation', delayMs: 300, times: 2 });
		const [a, b] = await Promise.all([payWith(new EBoekhouden(), draft), payWith(second, draft)]);
		const outcomes = [a[0].json, b[0].json].map((json) => ({
			booked: json.booked,
			alreadyPaid: json.alreadyPaid,
			outstandingBefore: json.outstandingBefore,
		}));
		expect(outcomes).toEqual(
			expect.arrayContaining([
				{ booked: true, alreadyPaid: false, outstandingBefore: draft.totals.amountInclVat },
				{ booked: false, alreadyPaid: true, outstandingBefore: 0 },
			]),
		);
		expect(payments('MWW-7102')).toHaveLength(1);
		expect(payments('MWW-7102')[0].paymentReference).toBe('Betaling MWW-7102');
		expect(open('MWW-7102')?.outstandingAmount).toBe(0);
	});

	it('two workers pay the same split payment at once: each part once, the invoice settled', async () => {
		const draft = splitPayment(makeDraft(7103, 1, () => 0.4));
		await invoice(draft);
		const second = await secondWorker();
		books.sandbox.faults.add({ method: 'POST', path: '/v1/mutation', delayMs: 200, times: 4 });
		await Promise.all([payWith(new EBoekhouden(), draft), payWith(second, draft)]);
		const parts = stateOf(books).mutations.filter((mutation) =>
			String(mutation.paymentReference).startsWith('Betaling MWW-7103 '),
		);
		expect(parts.map((mutation) => [mutation.type, mutation.paymentReference]).sort()).toEqual([
			[3, 'Betaling MWW-7103 p7103'],
			[7, 'Betaling MWW-7103 g7103'],
		]);
		expect(open('MWW-7103')?.outstandingAmount).toBe(0);
	});
});
