import * as create from '../../../../../nodes/EBoekhouden/actions/relation/create.operation';
import * as get from '../../../../../nodes/EBoekhouden/actions/relation/get.operation';
import * as getAll from '../../../../../nodes/EBoekhouden/actions/relation/getAll.operation';
import * as update from '../../../../../nodes/EBoekhouden/actions/relation/update.operation';
import { ScriptedBooks, list, use } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Relation → Get', () => {
	it('reads the relation by id from the locator', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/relation/62976771', { id: 62976771, name: 'Jan' }),
		);
		const [[item]] = await get.execute.call(
			fakeContext({ parameters: { relation: byId('62976771') } }),
		);
		expect(item.json).toEqual({ id: 62976771, name: 'Jan' });
		expect(books.requests).toHaveLength(1);
	});

	it('refuses a locator that is not an id, before any call', async () => {
		const books = use(new ScriptedBooks());
		await expect(
			get.execute.call(fakeContext({ parameters: { relation: byId('Jan') } })),
		).rejects.toMatchObject({
			message: 'relation must be an ID (a whole number), got "Jan"',
		});
		expect(books.requests).toEqual([]);
	});
});

describe('Relation → Get Many', () => {
	it('turns text filters into case-insensitive [like] filters and reads each hit in full', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([{ id: 1 }, { id: 2 }]))
				.on('GET /v1/relation/1', { id: 1, name: 'Bakkerij A' })
				.on('GET /v1/relation/2', { id: 2, name: 'Bakkerij B' }),
		);
		const output = await getAll.execute.call(
			fakeContext({
				parameters: {
					returnAll: false,
					limit: 5,
					filters: { name: '%bakkerij%', type: 'B', city: '' },
				},
			}),
		);
		expect(books.calls('GET /v1/relation')[0].qs).toEqual({
			'name[like]': '%bakkerij%',
			type: 'B',
			limit: 5,
			offset: 0,
		});
		expect(output[0].map((item) => item.json.name)).toEqual(['Bakkerij A', 'Bakkerij B']);
	});

	it('without Full Details returns the list as e-Boekhouden gives it (id, type, code)', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/relation', list([{ id: 1, type: 'B', code: 'A1' }])),
		);
		const output = await getAll.execute.call(
			fakeContext({
				parameters: { returnAll: true, filters: {}, options: { fullDetails: false } },
			}),
		);
		expect(output[0].map((item) => item.json)).toEqual([{ id: 1, type: 'B', code: 'A1' }]);
		expect(books.calls('GET /v1/relation')[0].qs).toEqual({ limit: 2000, offset: 0 });
	});
});

describe('Relation → Create', () => {
	it('posts the fields, without empty ones, cut to the maximum lengths', async () => {
		const books = use(new ScriptedBooks().on('POST /v1/relation', { id: 9, code: '1009' }));
		const [[item]] = await create.execute.call(
			fakeContext({
				parameters: {
					name: 'Bakkerij de Korenaar',
					additionalFields: {
						emailAddress: 'info@korenaar.nl',
						postalCode: '',
						code: 'KORENAAR-0000001-X',
						type: 'B',
					},
				},
			}),
		);
		expect(books.calls('POST /v1/relation')[0].body).toEqual({
			type: 'B',
			name: 'Bakkerij de Korenaar',
			emailAddress: 'info@korenaar.nl',
			code: 'KORENAAR-000000',
		});
		expect(item.json).toMatchObject({ id: 9, code: '1009', name: 'Bakkerij de Korenaar' });
	});
});

describe('Relation → Update', () => {
	it('reads the relation and sends the change with the required name', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation/5', { id: 5, name: 'Jan Jansen', city: 'Utrecht' })
				.on('PATCH /v1/relation/5', ''),
		);
		const [[item]] = await update.execute.call(
			fakeContext({ parameters: { relation: byId('5'), updateFields: { city: 'Amersfoort' } } }),
		);
		expect(books.calls('PATCH /v1/relation/5')[0].body).toEqual({
			city: 'Amersfoort',
			name: 'Jan Jansen',
		});
		expect(item.json).toEqual({ id: 5, name: 'Jan Jansen', city: 'Amersfoort' });
	});

	it('a new name goes in as given', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation/5', { id: 5, name: 'Old' })
				.on('PATCH /v1/relation/5', ''),
		);
		await update.execute.call(
			fakeContext({ parameters: { relation: byId('5'), updateFields: { name: 'New' } } }),
		);
		expect(books.calls('PATCH /v1/relation/5')[0].body).toEqual({ name: 'New' });
	});
});
