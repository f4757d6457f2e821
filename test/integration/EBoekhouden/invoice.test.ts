import type { IDataObject } from 'n8n-workflow';

import { loadOptions } from '../../harness';
import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import { relationFromInput } from './chain';
import { makeDraft } from './drafts';
import { freshWorker } from './workers';
import { byCode, byId, createRelation, openBooks, run, stateOf, type Books } from './setup';

let books: Books;
let relationId: number;
beforeAll(async () => {
	books = await openBooks();
	relationId = await createRelation(books, 'Jan Jansen');
});
afterAll(async () => await books.sandbox.close());

const create = { resource: 'invoice', operation: 'create', relation: relationFromInput };
const withRelation = (draft: object) => ({ ...(draft as IDataObject), relationId });
const invoicesNumbered = (number: string) =>
	stateOf(books).invoices.filter((invoice) => invoice.invoiceNumber === number);

describe('Invoice operations against the sandbox', () => {
	it('From a draft: creates and books the invoice; the totals are e-Boekhouden’s own', async () => {
		const draft = makeDraft(6001, 1, () => 0.4);
		const [item] = await run(books, create, [withRelation(draft)]);
		expect(item.json).toMatchObject({
			invoiceNumber: 'MWW-6001',
			relationId,
			created: true,
			orderNumber: '6001',
			totalAmount: draft.totals.amountInclVat,
		});
		const [stored] = invoicesNumbered('MWW-6001');
		expect(stored).toMatchObject({ booked: true, totalAmount: draft.totals.amountInclVat });
		expect(
			stateOf(books).outstanding.find((open) => open.invoiceNumber === 'MWW-6001'),
		).toMatchObject({
			outstandingAmount: draft.totals.amountInclVat,
		});
	});

	it('a re-run finds the invoice and creates nothing', async () => {
		const draft = makeDraft(6001, 1, () => 0.4);
		books.sandbox.resetCounts();
		const [item] = await run(books, create, [withRelation(draft)]);
		expect(item.json).toMatchObject({ invoiceNumber: 'MWW-6001', created: false });
		expect(books.sandbox.counts()['POST /v1/invoice']).toBeUndefined();
		expect(invoicesNumbered('MWW-6001')).toHaveLength(1);
	});

	it('FACT_101 from e-Boekhouden counts as "already there" (the batch listing did not show it)', async () => {
		const movedDate = { ...makeDraft(6001, 1, () => 0.4) };
		movedDate.invoice = { ...movedDate.invoice, date: '2026-02-20' };
		const other = makeDraft(6002, 1, () => 0.45);
		other.invoice = { ...other.invoice, date: '2026-02-21' };
		books.sandbox.resetCounts();
		// Another execution (a fresh worker): it knows nothing of what this one listed or created.
		const output = await run(books, create, [withRelation(movedDate), withRelation(other)], {
			node: await freshWorker(),
		});
		expect(output.map((item) => [item.json.invoiceNumber, item.json.created])).toEqual([
			['MWW-6001', false],
			['MWW-6002', true],
		]);
		expect(books.sandbox.counts()['POST /v1/invoice']).toBe(2);
		expect(invoicesNumbered('MWW-6001')).toHaveLength(1);
	});

	it('two executions at once for the same order give one invoice', async () => {
		const draft = makeDraft(6003, 1, () => 0.5);
		const [first, second] = await Promise.all([
			run({ ...books }, create, [withRelation(draft)]),
			run({ ...books }, create, [withRelation(draft)]),
		]);
		expect([first[0].json.created, second[0].json.created].sort()).toEqual([false, true]);
		expect(invoicesNumbered('MWW-6003')).toHaveLength(1);
	});

	it('set by hand, with the template by name and lines by ledger code', async () => {
		const [item] = await run(books, {
			resource: 'invoice',
			operation: 'create',
			inputMode: 'manual',
			relation: byId(relationId),
			invoiceNumber: 'HAND-2026-1',
			date: '2026-04-01T00:00:00',
			inExVat: 'EX',
			items: {
				item: [
					{
						description: 'Consult',
						quantity: 2,
						pricePerUnit: 50,
						vatCode: 'HOOG_VERK_21',
						ledgerCode: '8000',
					},
				],
			},
			template: { __rl: true, mode: 'name', value: 'Standaard' },
		});
		expect(item.json).toMatchObject({
			invoiceNumber: 'HAND-2026-1',
			created: true,
			totalExcl: 100,
			vatAmount: 21,
			totalAmount: 121,
		});
	});

	it('an unknown ledger code, an invalid VAT code and an invoice number without a final digit stop the order before anything is written', async () => {
		const unknownLedger = makeDraft(6010, 1, () => 0.5);
		unknownLedger.invoice.items[0] = { ...unknownLedger.invoice.items[0], ledgerCode: '8999' };
		const badVat = makeDraft(6011, 1, () => 0.5) as unknown as {
			invoice: { items: IDataObject[] };
		};
		badVat.invoice.items[0].vatCode = 'HOOG_VERK';
		const badNumber = makeDraft(6012, 1, () => 0.5);
		badNumber.invoice = { ...badNumber.invoice, invoiceNumber: 'MWW-6012-A' };
		books.sandbox.resetCounts();
		const output = await run(
			books,
			create,
			[withRelation(unknownLedger), withRelation(badVat), withRelation(badNumber)],
			{ continueOnFail: true },
		);
		expect(output.map((item) => item.json.error)).toEqual([
			'Order 6010: Ledger code 8999 does not exist in this administration',
			expect.stringContaining('Order 6011: invoice.items[0].vatCode is not a sales VAT code'),
			'Order 6012: invoice.invoiceNumber must end with a digit (e-Boekhouden rule FACT_009)',
		]);
		expect(books.sandbox.counts()['POST /v1/invoice']).toBeUndefined();
	});

	it('Get by number and Get Many by date range', async () => {
		const [byNumber] = await run(books, {
			resource: 'invoice',
			operation: 'get',
			invoice: { __rl: true, mode: 'number', value: 'MWW-6001' },
		});
		expect(byNumber.json).toMatchObject({ invoiceNumber: 'MWW-6001', items: expect.any(Array) });
		const many = await run(books, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { dateFrom: '2026-04-01', dateTo: '2026-04-01' },
		});
		expect(many.map((item) => item.json.invoiceNumber)).toEqual(['HAND-2026-1']);
	});

	it('ledgers, templates and cost centres: lists and dropdowns by code', async () => {
		const ledgers = await run(books, {
			resource: 'ledger',
			operation: 'getAll',
			returnAll: true,
			filters: { category: 'FIN' },
		});
		expect(ledgers.map((item) => item.json.code)).toEqual(
			expect.arrayContaining(['1010', '1020', '1030']),
		);
		expect(ledgers.every((item) => item.json.category === 'FIN')).toBe(true);
		const templates = await run(books, {
			resource: 'invoiceTemplate',
			operation: 'getAll',
			returnAll: true,
		});
		expect(templates.map((item) => item.json.name)).toEqual(['Standaard']);
		const centres = await run(books, {
			resource: 'costCenter',
			operation: 'getAll',
			returnAll: true,
		});
		expect(centres.map((item) => item.json.description)).toEqual(['Webshop', 'Winkel']);
		const revenue = await loadOptions(new EBoekhouden(), 'getRevenueLedgers', {
			credentials: books.credentials,
		});
		expect(revenue).toContainEqual({ name: '8100 · Verzendkosten', value: '8100' });
	});

	it('a debtor ledger given by code is resolved to its id', async () => {
		const draft = makeDraft(6020, 1, () => 0.6);
		await run(books, { ...create, debtorLedger: byCode('1300') }, [withRelation(draft)]);
		const stored = stateOf(books).mutations.find(
			(mutation) => mutation.invoiceNumber === 'MWW-6020' && mutation.type === 2,
		);
		const debtors = (stateOf(books) as unknown as { ledgers: IDataObject[] }).ledgers.find(
			(ledger) => ledger.code === '1300',
		);
		expect(stored?.ledgerId).toBe(debtors?.id);
		expect(stored?.ledgerId).not.toBe(1300);
	});
});
