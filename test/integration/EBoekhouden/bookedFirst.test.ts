import type { IDataObject, INodeType } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { executeNode } from '../../harness';
import { relationFromInput } from './chain';
import { makeDrafts } from './drafts';
import { openBooks, stateOf, type Books } from './setup';
import { freshWorker } from './workers';

/**
 * A re-run (or a recovery pass) over orders already booked as mutations decides "already booked" for the whole batch
 * from one listing by date, so it costs a couple of calls per node instead of one or more per order.
 */
let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const STEPS = {
	relation: { resource: 'relation', operation: 'findOrCreate' },
	invoice: { resource: 'invoice', operation: 'create', relation: relationFromInput },
	payment: { resource: 'payment', operation: 'bookInvoicePayment' },
} as const;

/** Runs the three steps on one worker; returns the e-Boekhouden calls each step made. */
async function callsPerStep(node: INodeType, drafts: InvoiceDraft[]) {
	const items = drafts.map((draft) => ({ json: draft as unknown as IDataObject }));
	const calls: Record<string, Record<string, number>> = {};
	const outputs: Record<string, IDataObject[]> = {};
	let input = items;
	for (const [name, parameters] of Object.entries(STEPS)) {
		books.sandbox.resetCounts();
		const run = await executeNode(node, {
			parameters: parameters as never,
			items: input,
			credentials: books.credentials,
			continueOnFail: true,
		});
		books.credentials = run.credentials;
		calls[name] = books.sandbox.counts();
		outputs[name] = run.output[0].map((item) => item.json);
		if (name === 'relation') {
			input = drafts.map((draft, index) => ({
				json: {
					...(draft as unknown as IDataObject),
					relationId: outputs.relation[index].id as number,
				},
			}));
		} else input = items;
	}
	return { calls, outputs };
}

const total = (counts: Record<string, number>) =>
	Object.values(counts).reduce((sum, count) => sum + count, 0);

describe.each([
	['journalEntry', 2, 6000],
	['cashSale', 5, 7000],
] as const)('Booking Mode %s: a re-run of 50 booked orders', (mode, type, offset) => {
	it('costs at most 2 e-Boekhouden calls per node, books nothing and touches no relation', async () => {
		const drafts = makeDrafts(50, 20, 3).map((draft) => ({
			...draft,
			bookingMode: mode,
			orderNumber: String(Number(draft.orderNumber) + offset),
			invoice: { ...draft.invoice, invoiceNumber: `MWW-${Number(draft.orderNumber) + offset}` },
		}));
		const first = await callsPerStep(await freshWorker(), drafts);
		const errors = Object.values(first.outputs).flatMap((out) => out.filter((json) => json.error));
		expect(errors).toEqual([]);
		const booked = stateOf(books).mutations.filter((mutation) => mutation.type === type).length;

		const again = await callsPerStep(await freshWorker(), drafts);
		console.log(mode, JSON.stringify(again.calls));
		for (const counts of Object.values(again.calls)) expect(total(counts)).toBeLessThanOrEqual(2);
		expect(Object.keys(again.calls.relation).filter((call) => call.includes('relation'))).toEqual(
			[],
		);
		expect(stateOf(books).mutations.filter((mutation) => mutation.type === type)).toHaveLength(
			booked,
		);
		expect(again.outputs.invoice.every((json) => json.created === false && !json.error)).toBe(true);
		expect(again.outputs.payment.every((json) => json.alreadyPaid === true)).toBe(true);
	}, 60_000);
});

describe('Booking Mode invoice: a re-run of 50 booked orders', () => {
	it('asks for no cash sales or journal entries: the invoice listing says each order is booked', async () => {
		const drafts = makeDrafts(50, 20, 3).map((draft) => ({
			...draft,
			orderNumber: String(Number(draft.orderNumber) + 8000),
			invoice: { ...draft.invoice, invoiceNumber: `MWW-${Number(draft.orderNumber) + 8000}` },
		}));
		const first = await callsPerStep(await freshWorker(), drafts);
		const errors = Object.values(first.outputs).flatMap((out) => out.filter((json) => json.error));
		expect(errors).toEqual([]);

		const again = await callsPerStep(await freshWorker(), drafts);
		const mutationCalls = Object.keys(again.calls.invoice).filter((call) =>
			call.includes('/v1/mutation'),
		);
		expect(mutationCalls).toEqual([]);
		expect(total(again.calls.invoice)).toBeLessThanOrEqual(1);
		expect(again.outputs.invoice.every((json) => json.created === false && !json.error)).toBe(true);
	}, 60_000);
});
