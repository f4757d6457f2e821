import * as get from '../../../../../nodes/EBoekhouden/actions/invoice/get.operation';
import * as getAll from '../../../../../nodes/EBoekhouden/actions/invoice/getAll.operation';
import { ScriptedBooks, list, use } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

const invoice = {
	id: 7,
	invoiceNumber: 'MWW-1042',
	relationId: 5,
	date: '2026-05-01',
	totalAmount: 47.45,
	items: [{ description: 'Shirt' }],
};

describe('Invoice → Get', () => {
	it('by id reads the invoice with its lines', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/invoice/7', invoice));
		const [[item]] = await get.execute.call(
			fakeContext({ parameters: { invoice: { __rl: true, mode: 'id', value: '7' } } }),
		);
		expect(item.json).toMatchObject({
			id: 7,
			totalAmount: 47.45,
			items: [{ description: 'Shirt' }],
		});
		expect(books.requests).toHaveLength(1);
	});

	it('by invoice number finds the id first', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/invoice', list([invoice])).on('GET /v1/invoice/7', invoice),
		);
		await get.execute.call(
			fakeContext({ parameters: { invoice: { __rl: true, mode: 'number', value: 'MWW-1042' } } }),
		);
		expect(books.requests.map((request) => [request.path, request.qs])).toEqual([
			['/v1/invoice', { invoiceNumber: 'MWW-1042', limit: 1, offset: 0 }],
			['/v1/invoice/7', undefined],
		]);
	});

	it('an unknown number is a clear error', async () => {
		use(new ScriptedBooks().on('GET /v1/invoice', list([])));
		await expect(
			get.execute.call(
				fakeContext({ parameters: { invoice: { __rl: true, mode: 'number', value: 'MWW-9' } } }),
			),
		).rejects.toMatchObject({ message: 'Invoice MWW-9 does not exist in e-Boekhouden' });
	});
});

describe('Invoice → Get Many', () => {
	it.each([
		[
			{ dateFrom: '2026-01-01T00:00:00', dateTo: '2026-03-31' },
			{ 'date[range]': '2026-01-01,2026-03-31' },
		],
		[{ dateFrom: '2026-01-01' }, { 'date[gte]': '2026-01-01' }],
		[{ dateTo: '2026-03-31' }, { 'date[lte]': '2026-03-31' }],
		[
			{ invoiceNumber: ' MWW-1 ', relationId: 5 },
			{ invoiceNumber: 'MWW-1', relationId: 5 },
		],
		[{ relationId: 0 }, {}],
	])('filters %j → %j', (filters, query) => {
		expect(getAll.invoiceQuery(filters)).toEqual(query);
	});

	it('returns up to the limit', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/invoice', list([invoice])));
		const output = await getAll.execute.call(
			fakeContext({ parameters: { returnAll: false, limit: 10, filters: {} } }),
		);
		expect(output[0]).toHaveLength(1);
		expect(books.requests[0].qs).toEqual({ limit: 10, offset: 0 });
	});
});
