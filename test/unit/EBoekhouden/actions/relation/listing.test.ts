import type { IDataObject } from 'n8n-workflow';

import { relationCode } from '../../../../../nodes/EBoekhouden/actions/relation/code';
import {
	listRelationsFor,
	listedRelation,
} from '../../../../../nodes/EBoekhouden/actions/relation/listing';
import { executionMemory } from '../../../../../nodes/EBoekhouden/booking/executionMemory';
import * as transport from '../../../../../nodes/EBoekhouden/api/transport';
import type { ApiRequest } from '../../../../../nodes/EBoekhouden/api/transport';
import { ScriptedBooks, list } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

const emails = (count: number) =>
	Array.from({ length: count }, (_, index) => `klant${index}@example.com`);

/** An administration of `size` relations made by hand (codes 1, 2, …), then `ours` under their derived codes. */
function administration(size: number, ours: IDataObject[] = []) {
	const all = [
		...Array.from({ length: size }, (_, index) => ({
			id: index + 1,
			type: 'B',
			code: String(index + 1),
		})),
		...ours,
	];
	const books = new ScriptedBooks().on('GET /v1/relation', (request: ApiRequest) => {
		const offset = Number(request.qs?.offset ?? 0);
		return list(all.slice(offset, offset + Number(request.qs?.limit)));
	});
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return books;
}

async function listFor(addresses: string[]) {
	const ctx = fakeContext({ parameters: {} });
	const memory = await executionMemory(ctx);
	await listRelationsFor(ctx, memory, addresses);
	return memory;
}

describe('the relation listing of an execution', () => {
	it('reads no page for fewer than 4 addresses, however large the administration', async () => {
		const books = administration(50_000);
		await listFor(emails(3));
		expect(books.requests).toEqual([]);
	});

	it('reads a page per 4 addresses still unresolved at most, and no further than a short page', async () => {
		const many = administration(50_000);
		await listFor(emails(9));
		expect(many.calls('GET /v1/relation').map((request) => request.qs)).toEqual([
			{ limit: 2000, offset: 0 },
			{ limit: 2000, offset: 2000 },
		]);
		const small = administration(2500);
		await listFor(emails(400));
		expect(small.calls('GET /v1/relation')).toHaveLength(2);
	});

	it('finds a relation this package made by the code derived from its address, the latest attempt first', async () => {
		const address = 'jan@example.com';
		administration(10, [
			{ id: 41, type: 'P', code: relationCode(address, 0) },
			{ id: 42, type: 'P', code: relationCode(address, 1) },
			{ id: 43, type: 'P', code: relationCode('piet@example.com', 0) },
		]);
		const memory = await listFor([address, 'piet@example.com', ...emails(2)]);
		expect(listedRelation(memory, address)).toMatchObject({ id: 42 });
		expect(listedRelation(memory, 'piet@example.com')).toMatchObject({ id: 43, type: 'P' });
		expect(listedRelation(memory, 'klant0@example.com')).toBeUndefined();
	});
});
