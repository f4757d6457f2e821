import * as costCenters from '../../../../nodes/EBoekhouden/actions/costCenter/getAll.operation';
import * as invoices from '../../../../nodes/EBoekhouden/actions/invoice/getAll.operation';
import * as templates from '../../../../nodes/EBoekhouden/actions/invoiceTemplate/getAll.operation';
import * as ledgers from '../../../../nodes/EBoekhouden/actions/ledger/getAll.operation';
import * as relations from '../../../../nodes/EBoekhouden/actions/relation/getAll.operation';
import { LEDGERS, ScriptedBooks, TEMPLATES, list, use } from '../books';
import { fakeContext } from '../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

describe('Get Many for ledgers, invoice templates and cost centres', () => {
	it('ledgers: one item per ledger, filtered by category and code', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/ledger', list(LEDGERS.slice(0, 2))));
		const output = await ledgers.execute.call(
			fakeContext({ parameters: { returnAll: true, filters: { category: 'FIN', code: '' } } }),
		);
		expect(books.requests[0].qs).toEqual({ category: 'FIN', limit: 2000, offset: 0 });
		expect(output[0].map((item) => item.json.code)).toEqual(['1010', '1020']);
		expect(output[0][1].pairedItem).toEqual({ item: 0 });
	});

	it('invoice templates: active only unless switched off', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/invoicetemplate', list(TEMPLATES)));
		await templates.execute.call(
			fakeContext({ parameters: { returnAll: false, limit: 3, filters: { active: true } } }),
		);
		await templates.execute.call(
			fakeContext({ parameters: { returnAll: false, limit: 3, filters: { active: false } } }),
		);
		expect(books.requests.map((request) => request.qs)).toEqual([
			{ active: true, limit: 3, offset: 0 },
			{ limit: 3, offset: 0 },
		]);
	});

	it('cost centres: by description or parent', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/costcenter', list([{ id: 10, description: 'Webshop' }])),
		);
		const output = await costCenters.execute.call(
			fakeContext({
				parameters: { returnAll: true, filters: { description: 'Web', parentId: 0 } },
			}),
		);
		expect(books.requests[0].qs).toEqual({ description: 'Web', limit: 2000, offset: 0 });
		expect(output[0][0].json).toEqual({ id: 10, description: 'Webshop' });
	});

	it('every Get Many shows Return All, then Limit (hidden with Return All), then Filters', () => {
		for (const operation of [ledgers, templates, costCenters, invoices, relations]) {
			const [returnAll, limit, filters] = operation.description;
			expect([returnAll.name, limit.name, filters.name]).toEqual(['returnAll', 'limit', 'filters']);
			expect(returnAll.default).toBe(false);
			expect(limit).toMatchObject({ default: 50, typeOptions: { minValue: 1 } });
			expect(limit.displayOptions?.show?.returnAll).toEqual([false]);
			expect(filters).toMatchObject({ type: 'collection', placeholder: 'Add Filter' });
		}
	});

	it('one listing per input item, each with its own Limit and filters, paired to its item', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/costcenter', list([{ id: 10, description: 'Webshop' }])),
		);
		const output = await costCenters.execute.call(
			fakeContext({
				items: [{ json: {} }, { json: {} }],
				parameters: (itemIndex) =>
					itemIndex === 0
						? { returnAll: false, limit: 1, filters: { description: 'Web' } }
						: { returnAll: true, filters: { parentId: 10 } },
			}),
		);
		expect(books.requests.map((request) => request.qs)).toEqual([
			{ description: 'Web', limit: 1, offset: 0 },
			{ parentId: 10, limit: 2000, offset: 0 },
		]);
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
