import { listSearch } from '../../harness';
import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import { makeDraft } from './drafts';
import { inExecution, nextExecutionId } from './executions';
import { byId, openBooks, run, stateOf, type Books } from './setup';

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

const findOrCreate = { resource: 'relation', operation: 'findOrCreate' };

describe('Relation operations against the sandbox', () => {
	it('Find or Create from drafts: one relation per e-mail address, whatever its case', async () => {
		const first = makeDraft(5001, 1, () => 0.3);
		const second = {
			...makeDraft(5002, 1, () => 0.3),
			relation: { ...first.relation, emailAddress: 'KLANT1@example.com' },
		};
		const output = await run(books, findOrCreate, [first, second] as never);
		expect(output.map((item) => [item.json.created, item.json.orderNumber])).toEqual([
			[true, '5001'],
			[false, '5002'],
		]);
		expect(output[0].json.id).toBe(output[1].json.id);
		const again = await run(books, findOrCreate, [first] as never);
		expect(again[0].json).toMatchObject({ id: output[0].json.id, created: false, name: 'Klant 1' });
		expect(stateOf(books).relations).toHaveLength(1);
	});

	it('finds a relation stored with capitals even when the server compares case-sensitively', async () => {
		books.sandbox.settings.emailMatching = 'caseSensitive';
		try {
			const [created] = await run(books, {
				resource: 'relation',
				operation: 'create',
				name: 'Hoofdletter BV',
				additionalFields: { emailAddress: 'Info@Hoofdletter.nl' },
			});
			const [found] = await run(books, {
				...findOrCreate,
				inputMode: 'manual',
				email: 'info@hoofdletter.nl',
				name: 'Hoofdletter BV',
			});
			expect(found.json).toMatchObject({ id: created.json.id, created: false });
		} finally {
			books.sandbox.settings.emailMatching = 'caseInsensitive';
		}
	});

	it('an inactive relation, the only hit: taken unread; Update Changed Customer Details reads it, skips it and creates a new one', async () => {
		const [inactive] = await run(books, {
			resource: 'relation',
			operation: 'create',
			name: 'Oud Account',
			additionalFields: { emailAddress: 'oud@example.com', inactive: true },
		});
		const manual = { ...findOrCreate, inputMode: 'manual', email: 'oud@example.com' };
		books.sandbox.resetCounts();
		const [taken] = await run(books, { ...manual, name: 'Nieuw Account' });
		expect(taken.json).toMatchObject({ id: inactive.json.id, created: false });
		expect(books.sandbox.counts()['GET /v1/relation/:id']).toBeUndefined();

		const [found] = await run(
			books,
			{ ...manual, name: 'Nieuw Account', options: { updateCustomerChanges: true } },
			[{}],
			{ node: inExecution(new EBoekhouden(), nextExecutionId()) },
		);
		expect(found.json).toMatchObject({ created: true, name: 'Nieuw Account' });
		expect(found.json.id).not.toBe(inactive.json.id);
		expect(found.json.warnings).toEqual([expect.stringContaining('inactive')]);
	});

	it('Get, Update (name kept) and Get Many', async () => {
		const [created] = await run(books, {
			resource: 'relation',
			operation: 'create',
			name: 'Bakkerij de Korenaar',
			additionalFields: { city: 'Utrecht', emailAddress: 'bakker@example.com' },
		});
		const [updated] = await run(books, {
			resource: 'relation',
			operation: 'update',
			relation: byId(created.json.id as number),
			updateFields: { city: 'Amersfoort' },
		});
		expect(updated.json).toMatchObject({ name: 'Bakkerij de Korenaar', city: 'Amersfoort' });
		const [read] = await run(books, {
			resource: 'relation',
			operation: 'get',
			relation: byId(created.json.id as number),
		});
		expect(read.json).toMatchObject({
			id: created.json.id,
			name: 'Bakkerij de Korenaar',
			city: 'Amersfoort',
		});
		const many = await run(books, {
			resource: 'relation',
			operation: 'getAll',
			returnAll: true,
			filters: { name: '%korenaar%' },
		});
		expect(many.map((item) => item.json.name)).toEqual(['Bakkerij de Korenaar']);
	});

	it('the relation locator lists relations by name', async () => {
		const result = await listSearch(new EBoekhouden(), 'searchRelations', {
			credentials: books.credentials,
			filter: 'korenaar',
		});
		expect(result.results).toEqual([
			expect.objectContaining({ name: expect.stringContaining('Bakkerij de Korenaar') }),
		]);
	});

	it('a field beyond its maximum length is cut, not refused', async () => {
		const [created] = await run(books, {
			resource: 'relation',
			operation: 'create',
			name: 'N'.repeat(120),
			additionalFields: { city: 'C'.repeat(70) },
		});
		const stored = stateOf(books).relations.find((relation) => relation.id === created.json.id);
		expect(stored).toMatchObject({ name: 'N'.repeat(100), city: 'C'.repeat(50) });
	});
});
