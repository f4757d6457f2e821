import type { IDataObject } from 'n8n-workflow';

import { execute } from '../../../../../nodes/EBoekhouden/actions/relation/findOrCreate.operation';
import * as transport from '../../../../../nodes/EBoekhouden/api/transport';
import { makeDraft } from '../../../../integration/EBoekhouden/drafts';
import { ScriptedBooks, list, use } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

/** Find or Create decides "already booked" for the whole batch from one invoice listing before any relation call. */
afterEach(() => jest.restoreAllMocks());

const drafts = [
	makeDraft(3001, 1, () => 0.1),
	makeDraft(3002, 2, () => 0.5),
	makeDraft(3003, 3, () => 0.9),
] as unknown as IDataObject[];
const dates = drafts.map((draft) => (draft.invoice as IDataObject).date as string).sort();

const run = (items: IDataObject[], executionId?: string) =>
	execute.call(
		fakeContext({
			parameters: (index) => ({ inputMode: 'draft', draft: items[index] }),
			items: items.map((json) => ({ json })),
			executionId,
		}),
	);

describe('Find or Create Relation: orders already booked', () => {
	it('takes the relation from the invoice e-Boekhouden holds, and searches only for the order not booked yet', async () => {
		const books = use(
			new ScriptedBooks()
				.on(
					'GET /v1/invoice',
					list([
						{ id: 1, invoiceNumber: 'MWW-3001', relationId: 501, date: dates[0] },
						{ id: 2, invoiceNumber: 'MWW-3003', relationId: 503, date: dates[2] },
						{ id: 3, invoiceNumber: 'MWW-9999', relationId: 599, date: dates[1] },
					]),
				)
				.on('GET /v1/relation', list([]))
				.on('POST /v1/relation', { id: 502 }),
		);
		const [output] = await run(drafts);
		expect(books.calls('GET /v1/invoice').map((request) => request.qs)).toEqual([
			{ 'date[range]': `${dates[0]},${dates[2]}`, limit: 2000, offset: 0 },
		]);
		expect(output.map((item) => item.json)).toEqual([
			{
				id: 501,
				created: false,
				alreadyBooked: true,
				invoiceNumber: 'MWW-3001',
				orderNumber: '3001',
			},
			expect.objectContaining({ id: 502, created: true, orderNumber: '3002' }),
			{
				id: 503,
				created: false,
				alreadyBooked: true,
				invoiceNumber: 'MWW-3003',
				orderNumber: '3003',
			},
		]);
		expect(books.calls('GET /v1/relation')).toHaveLength(1);
		expect(books.calls('POST /v1/relation')).toHaveLength(1);
	});

	it('a later batch of the same execution reuses the listing and the relations found', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/invoice', list([]))
				.on('GET /v1/relation', list([]))
				.on('POST /v1/relation', (request: transport.ApiRequest) => ({
					id: 700 + books.calls('POST /v1/relation').length,
					code: request.body?.code,
				})),
		);
		await run(drafts, 'execution-with-batches');
		const again = drafts.map((draft) => ({ ...draft, orderNumber: `${draft.orderNumber}-b` }));
		const [second] = await run(again, 'execution-with-batches');
		expect(books.calls('GET /v1/invoice')).toHaveLength(1);
		expect(books.calls('GET /v1/relation')).toHaveLength(3);
		expect(books.calls('POST /v1/relation')).toHaveLength(3);
		expect(second.map((item) => item.json.created)).toEqual([false, false, false]);
		const [fresh] = await run(drafts, 'another-execution');
		expect(books.calls('GET /v1/invoice')).toHaveLength(2);
		expect(fresh).toHaveLength(3);
	});

	it('a failed listing costs nothing but the usual look-ups', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/invoice', new Error('e-Boekhouden could not be reached'))
				.on('GET /v1/relation', list([]))
				.on('POST /v1/relation', { id: 800 }),
		);
		const [output] = await run(drafts);
		expect(output.map((item) => item.json.error)).toEqual([undefined, undefined, undefined]);
		expect(books.calls('GET /v1/relation')).toHaveLength(3);
	});
});
