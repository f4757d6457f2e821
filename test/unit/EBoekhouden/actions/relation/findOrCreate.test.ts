import type { IDataObject } from 'n8n-workflow';

import { relationCode } from '../../../../../nodes/EBoekhouden/actions/relation/code';
import { RelationFinder } from '../../../../../nodes/EBoekhouden/actions/relation/finder';
import { execute } from '../../../../../nodes/EBoekhouden/actions/relation/findOrCreate.operation';
import { explainError } from '../../../../../nodes/EBoekhouden/api/errors';
import { apiError } from '../../../../../nodes/EBoekhouden/api/transport';
import { makeDraft } from '../../../../integration/EBoekhouden/drafts';
import { ScriptedBooks, list, use } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

const draft = (orderNumber: number, email: string) => {
	const made = makeDraft(orderNumber, 1, () => 0.5) as unknown as IDataObject & {
		relation: IDataObject;
	};
	made.relation = {
		...made.relation,
		name: 'Jan Jansen',
		emailAddress: email,
		address: 'Dorpsstraat 1',
	};
	return made;
};

afterEach(() => jest.restoreAllMocks());

const draftMode = { inputMode: 'draft', draft: undefined as unknown };
const run = (drafts: IDataObject[], continueOnFail = false) =>
	execute.call(
		fakeContext({
			parameters: (index) => ({ ...draftMode, draft: drafts[index] }),
			items: drafts.map((json) => ({ json })),
			continueOnFail,
		}),
	);

describe('Relation → Find or Create', () => {
	it('creates the relation from the draft when no relation has the e-mail address', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([]))
				.on('POST /v1/relation', { id: 501, code: '1001' }),
		);
		const [[item]] = await run([draft(1042, 'jan@example.com')]);
		expect(books.calls('GET /v1/relation')[0].qs).toEqual({
			'email[like]': 'jan@example.com',
			limit: 50,
			offset: 0,
		});
		expect(books.calls('POST /v1/relation')[0].body).toEqual({
			type: 'P',
			name: 'Jan Jansen',
			emailAddress: 'jan@example.com',
			emailAddressInvoice: 'jan@example.com',
			address: 'Dorpsstraat 1',
			postalCode: '1234 AB',
			city: 'Utrecht',
			country: 'Nederland',
			code: relationCode('jan@example.com'),
		});
		expect(item).toEqual({
			json: expect.objectContaining({
				id: 501,
				code: '1001',
				created: true,
				orderNumber: '1042',
				name: 'Jan Jansen',
			}),
			pairedItem: { item: 0 },
		});
	});

	it('finds an existing relation whatever the case of the address, and creates nothing', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([{ id: 77, type: 'P', code: 'K77' }]))
				.on('GET /v1/relation/77', {
					id: 77,
					code: 'K77',
					name: 'Jan',
					emailAddress: 'Jan@Example.com',
					inactive: false,
				}),
		);
		const [[item]] = await run([draft(1042, 'jan@example.com')]);
		expect(books.writes()).toEqual([]);
		expect(item.json).toMatchObject({ id: 77, code: 'K77', created: false, orderNumber: '1042' });
	});

	it('with several matches takes the lowest active id, skips inactive ones and says so', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([{ id: 90 }, { id: 12 }, { id: 40 }]))
				.on('GET /v1/relation/12', {
					id: 12,
					code: 'A',
					emailAddress: 'jan@example.com',
					inactive: true,
				})
				.on('GET /v1/relation/40', {
					id: 40,
					code: 'B',
					emailAddress: 'jan@example.com',
					inactive: false,
				}),
		);
		const ctx = fakeContext({ parameters: { ...draftMode, draft: draft(1, 'jan@example.com') } });
		const [[item]] = await execute.call(ctx);
		expect(item.json).toMatchObject({ id: 40, created: false });
		expect(item.json.warnings).toEqual([
			'3 relations in e-Boekhouden match jan@example.com; used B (ID 40), the lowest active ID, skipping 1 inactive.',
		]);
		expect(ctx.hints[0]).toMatchObject({ type: 'warning' });
		expect(books.calls('GET /v1/relation/90')).toHaveLength(0);
	});

	it('takes a single search hit as it is, without reading it: id, code and type from the hit, the rest from the order', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/relation', list([{ id: 12, code: 'JAN1', type: 'B' }])),
		);
		const [[item]] = await run([draft(1, 'jan@example.com')]);
		expect(item.json).toMatchObject({
			id: 12,
			code: 'JAN1',
			type: 'B',
			created: false,
			name: 'Jan Jansen',
			emailAddress: 'jan@example.com',
		});
		expect(books.calls('GET /v1/relation/12')).toHaveLength(0);
	});

	it('a relation taken unread shows each order its own customer fields, searched once', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/relation', list([{ id: 12, code: 'JAN1' }])));
		const moved = draft(2, 'jan@example.com');
		moved.relation = { ...moved.relation, address: 'Kerkstraat 9' };
		const [output] = await run([draft(1, 'jan@example.com'), moved]);
		expect(output.map((item) => [item.json.id, item.json.address])).toEqual([
			[12, 'Dorpsstraat 1'],
			[12, 'Kerkstraat 9'],
		]);
		expect(books.calls('GET /v1/relation')).toHaveLength(1);
	});

	it('after a booking refused the relation (fresh), reads the single hit and creates a new one when it is inactive', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([{ id: 12 }]))
				.on('GET /v1/relation/12', { id: 12, emailAddress: 'jan@example.com', inactive: true })
				.on('POST /v1/relation', { id: 13, code: '1002' }),
		);
		const finder = new RelationFinder(fakeContext({ parameters: {} }));
		const found = await finder.findOrCreate('jan@example.com', { name: 'Jan' }, { fresh: true });
		expect(found).toMatchObject({ relation: { id: 13 }, created: true });
		expect(found.warnings).toEqual([
			'Created a new relation for jan@example.com: the 1 existing one(s) with this e-mail are inactive.',
		]);
		expect(books.calls('GET /v1/relation/12')).toHaveLength(1);
	});

	it('ignores a search hit whose address is not the one asked for (a like-match too wide)', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([{ id: 12 }]))
				.on('GET /v1/relation/12', { id: 12, emailAddress: 'janx@example.com' })
				.on('POST /v1/relation', { id: 13 }),
		);
		const [[item]] = await run([draft(1, 'jan_x@example.com')]);
		expect(item.json).toMatchObject({ id: 13, created: true });
		expect(books.calls('POST /v1/relation')).toHaveLength(1);
	});

	it('looks each customer up once per run, so a returning customer costs nothing more', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list([]))
				.on('POST /v1/relation', { id: 501, code: '1001' }),
		);
		const output = await run([
			draft(1, 'jan@example.com'),
			draft(2, 'JAN@example.com'),
			draft(3, 'piet@example.com'),
		]);
		expect(
			output[0].map((item) => [item.json.id, item.json.created, item.json.orderNumber]),
		).toEqual([
			[501, true, '1'],
			[501, false, '2'],
			[501, true, '3'],
		]);
		expect(books.calls('GET /v1/relation')).toHaveLength(2);
		expect(books.calls('POST /v1/relation')).toHaveLength(2);
	});

	it('by hand: refuses an invalid address before any call, and cuts fields to e-Boekhouden’s lengths', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/relation', list([])).on('POST /v1/relation', { id: 7 }),
		);
		const manual = (email: string) =>
			execute.call(
				fakeContext({
					parameters: {
						inputMode: 'manual',
						email,
						name: 'B'.repeat(130),
						additionalFields: { city: 'C'.repeat(60), type: 'B' },
					},
				}),
			);
		await expect(manual('not an address')).rejects.toMatchObject({
			message: '"not an address" is not a valid e-mail address',
		});
		expect(books.requests).toEqual([]);
		await manual(' Shop@Example.com ');
		expect(books.calls('POST /v1/relation')[0].body).toEqual({
			type: 'B',
			name: 'B'.repeat(100),
			city: 'C'.repeat(50),
			emailAddress: 'shop@example.com',
			code: relationCode('shop@example.com'),
		});
	});

	it('with Continue On Fail a bad draft becomes an error item naming order and field; the rest carry on', async () => {
		use(new ScriptedBooks().on('GET /v1/relation', list([])).on('POST /v1/relation', { id: 8 }));
		const bad = draft(1043, 'not-an-email');
		const output = await run([bad, draft(1044, 'ok@example.com')], true);
		expect(output[0][0]).toEqual({
			json: {
				error: 'Order 1043: relation.emailAddress is not a valid e-mail address',
				details: expect.objectContaining({ orderNumber: '1043', field: 'relation.emailAddress' }),
			},
			pairedItem: { item: 0 },
		});
		expect(output[0][1].json).toMatchObject({ id: 8, orderNumber: '1044' });
	});

	it('an API failure names the order and carries e-Boekhouden’s code', async () => {
		const failing = apiError(
			fakeContext({ parameters: {} }),
			explainError(400, { code: 'REL_011' }),
			400,
			[],
		);
		use(new ScriptedBooks().on('GET /v1/relation', list([])).on('POST /v1/relation', failing));
		const output = await run([draft(1045, 'x@example.com')], true);
		expect(output[0][0].json).toMatchObject({
			error: 'Order 1045: The relation is not valid (e-Boekhouden REL_011)',
			details: {
				orderNumber: '1045',
				code: 'REL_011',
				httpCode: '400',
				description: 'Check the relation fields (relatie).',
			},
		});
	});
});
