import type { IDataObject } from 'n8n-workflow';

import { relationCode } from '../../../../../nodes/EBoekhouden/actions/relation/code';
import { execute } from '../../../../../nodes/EBoekhouden/actions/relation/findOrCreate.operation';
import { explainError } from '../../../../../nodes/EBoekhouden/api/errors';
import { apiError, type ApiRequest } from '../../../../../nodes/EBoekhouden/api/transport';
import { ScriptedBooks, list, use } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

/**
 * A new relation gets a code derived from its e-mail address, so a second process creating the same customer is
 * refused by e-Boekhouden (REL_049) and takes the first one's relation, found by that code.
 */
const codeInUse = () =>
	apiError(fakeContext({ parameters: {} }), explainError(400, { code: 'REL_049' }), 400, []);

afterEach(() => jest.restoreAllMocks());

const findOrCreate = (email: string, continueOnFail = false) =>
	execute.call(
		fakeContext({
			parameters: { inputMode: 'manual', email, name: 'Jan Jansen' },
			continueOnFail,
		}),
	);

/** POST /v1/relation: REL_049 for the codes in `taken`, else a new id. */
const creates =
	(taken: string[], id = 900) =>
	(request: ApiRequest) =>
		taken.includes(String(request.body?.code)) ? codeInUse() : { id, code: request.body?.code };

const byCode =
	(holders: Record<string, IDataObject>) =>
	(request: ApiRequest): unknown => {
		if (request.qs?.code !== undefined) {
			const holder = holders[String(request.qs.code)];
			return list(holder ? [{ id: holder.id as number, code: String(request.qs.code) }] : []);
		}
		return list([]);
	};

describe('Find or Create: a code derived from the e-mail makes e-Boekhouden refuse a second relation', () => {
	const jan = relationCode('jan@example.com');

	it('creates a new relation with the code of its address', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/relation', list([])).on('POST /v1/relation', creates([])),
		);
		const [[item]] = await findOrCreate('Jan@Example.com');
		expect(books.calls('POST /v1/relation').map((request) => request.body?.code)).toEqual([jan]);
		expect(item.json).toMatchObject({ id: 900, code: jan, created: true });
	});

	it('REL_049 from a relation another process just made for the same address: uses it, creates nothing more', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', byCode({ [jan]: { id: 41 } }))
				.on('GET /v1/relation/41', { id: 41, code: jan, emailAddress: 'jan@example.com' })
				.on('POST /v1/relation', creates([jan])),
		);
		const [[item]] = await findOrCreate('jan@example.com');
		expect(books.calls('POST /v1/relation')).toHaveLength(1);
		expect(books.calls('GET /v1/relation').map((request) => request.qs)).toEqual([
			{ 'email[like]': 'jan@example.com', limit: 50, offset: 0 },
			{ code: jan, limit: 10, offset: 0 },
		]);
		expect(item.json).toMatchObject({ id: 41, code: jan, created: false });
		expect(item.json.error).toBeUndefined();
	});

	it('a code held by a hand-made relation with another address: takes the next code of this address', async () => {
		const next = relationCode('jan@example.com', 1);
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', byCode({ [jan]: { id: 7 } }))
				.on('GET /v1/relation/7', { id: 7, code: jan, emailAddress: 'boekhouder@example.com' })
				.on('POST /v1/relation', creates([jan], 901)),
		);
		const [[item]] = await findOrCreate('jan@example.com');
		expect(books.calls('POST /v1/relation').map((request) => request.body?.code)).toEqual([
			jan,
			next,
		]);
		expect(item.json).toMatchObject({ id: 901, code: next, created: true });
	});

	it('a code held by an inactive relation of the same address is passed over like the inactive relation itself', async () => {
		const next = relationCode('jan@example.com', 1);
		// The e-mail search misses it (e.g. stored with capitals on a server that compares case-sensitively).
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', byCode({ [jan]: { id: 7 } }))
				.on('GET /v1/relation/7', {
					id: 7,
					code: jan,
					emailAddress: 'jan@example.com',
					inactive: true,
				})
				.on('POST /v1/relation', creates([jan], 902)),
		);
		const [[item]] = await findOrCreate('jan@example.com');
		expect(books.calls('POST /v1/relation').map((request) => request.body?.code)).toEqual([
			jan,
			next,
		]);
		expect(item.json).toMatchObject({ id: 902, created: true });
	});

	it('REL_049 while no relation shows the code: stops with a clear error rather than risk a second relation', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/relation', list([])).on('POST /v1/relation', creates([jan])),
		);
		const [[item]] = await findOrCreate('jan@example.com', true);
		expect(books.calls('POST /v1/relation')).toHaveLength(1);
		expect(item.json.error).toBe(
			`Relation code ${jan} is in use, but no relation with it can be found`,
		);
	});

	it('every code of the address held by other relations: a clear error naming the codes', async () => {
		const codes = [0, 1, 2, 3, 4].map((attempt) => relationCode('jan@example.com', attempt));
		use(
			new ScriptedBooks()
				.on('GET /v1/relation', byCode(Object.fromEntries(codes.map((code) => [code, { id: 7 }]))))
				.on('GET /v1/relation/7', { id: 7, emailAddress: 'ander@example.com' })
				.on('POST /v1/relation', creates(codes)),
		);
		const [[item]] = await findOrCreate('jan@example.com', true);
		expect(item.json.error).toBe(
			`No free relation code for jan@example.com: the codes ${codes.join(', ')} are held by other relations`,
		);
	});

	it('a code the user gave that another relation holds is REL_049 for the user, not a walk to other codes', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', byCode({ EIGEN1: { id: 7 } }))
				.on('GET /v1/relation/7', { id: 7, emailAddress: 'ander@example.com' })
				.on('POST /v1/relation', creates(['EIGEN1'])),
		);
		const output = await execute.call(
			fakeContext({
				parameters: {
					inputMode: 'manual',
					email: 'jan@example.com',
					name: 'Jan',
					additionalFields: { code: 'EIGEN1' },
				},
				continueOnFail: true,
			}),
		);
		expect(books.calls('POST /v1/relation')).toHaveLength(1);
		expect(output[0][0].json).toMatchObject({
			error: 'The relation code is already in use (e-Boekhouden REL_049)',
		});
	});
});
