import type { IDataObject } from 'n8n-workflow';

import { relationCode } from '../../../../../nodes/EBoekhouden/actions/relation/code';
import { RelationFinder } from '../../../../../nodes/EBoekhouden/actions/relation/finder';
import { explainError } from '../../../../../nodes/EBoekhouden/api/errors';
import {
	addListed,
	dropListed,
	listRelationsFor,
	listedRelation,
	relationListing,
} from '../../../../../nodes/EBoekhouden/actions/relation/listing';
import { executionMemory } from '../../../../../nodes/EBoekhouden/booking/executionMemory';
import * as transport from '../../../../../nodes/EBoekhouden/api/transport';
import { apiError, type ApiRequest } from '../../../../../nodes/EBoekhouden/api/transport';
import { ScriptedBooks, list, use } from '../../books';
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

let administrations = 0;
/** A context of one execution; each test its own administration unless it passes one. */
function execution(executionId: string, baseUrl = `https://books-${++administrations}.test`) {
	return fakeContext({ parameters: {}, executionId, credentials: { baseUrl } });
}

async function listFor(addresses: string[], ctx = execution('listing-1')) {
	const memory = await executionMemory(ctx);
	const listing = await relationListing(ctx);
	await listRelationsFor(ctx, listing, memory, addresses);
	return listing;
}

describe('the relation listing, kept per administration', () => {
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
		const listing = await listFor([address, 'piet@example.com', ...emails(2)]);
		expect(listedRelation(listing, address)).toMatchObject({ id: 42 });
		expect(listedRelation(listing, 'piet@example.com')).toMatchObject({ id: 43, type: 'P' });
		expect(listedRelation(listing, 'klant0@example.com')).toBeUndefined();
	});

	it('is kept per administration: the next execution reads no page again and finds what the first listed', async () => {
		const address = 'jan@example.com';
		const books = administration(10, [{ id: 41, type: 'P', code: relationCode(address, 0) }]);
		const baseUrl = 'https://books-kept.test';
		await listFor([address, ...emails(3)], execution('month-1', baseUrl));
		expect(books.calls('GET /v1/relation')).toHaveLength(1);
		const next = await listFor([address, ...emails(8)], execution('month-2', baseUrl));
		expect(books.calls('GET /v1/relation')).toHaveLength(1);
		expect(listedRelation(next, address)).toMatchObject({ id: 41 });
		// Another administration has its own listing.
		await listFor([address, ...emails(3)], execution('month-2', 'https://books-other.test'));
		expect(books.calls('GET /v1/relation')).toHaveLength(2);
	});

	it('is read afresh after 10 minutes, so relations made elsewhere meanwhile are listed', async () => {
		const books = administration(10);
		const baseUrl = 'https://books-later.test';
		await listFor(emails(4), execution('poll-1', baseUrl));
		const later = Date.now() + 10 * 60_000;
		jest.spyOn(Date, 'now').mockReturnValue(later);
		await listFor(emails(4), execution('poll-2', baseUrl));
		expect(books.calls('GET /v1/relation')).toHaveLength(2);
	});

	it("holds a relation made under an address's code, and forgets the address once a booking refused it", async () => {
		administration(0);
		const listing = await listFor([]);
		addListed(listing, { id: 51, type: 'P', code: relationCode('kees@example.com', 0) });
		addListed(listing, { id: 52, type: 'B', code: '1042' });
		expect(listedRelation(listing, 'kees@example.com')).toMatchObject({ id: 51 });
		addListed(listing, { id: 53, type: 'P', code: relationCode('kees@example.com', 1) });
		expect(listedRelation(listing, 'kees@example.com')).toMatchObject({ id: 53 });
		dropListed(listing, 'kees@example.com');
		expect(listedRelation(listing, 'kees@example.com')).toBeUndefined();
		expect(listing.byCode.get('1042')).toMatchObject({ id: 52 });
	});

	it('a listed relation deleted by hand since is dropped, and the address is searched and made again', async () => {
		const address = 'jan@example.com';
		const baseUrl = 'https://books-deleted.test';
		const notFound = () =>
			apiError(fakeContext({ parameters: {} }), explainError(404, { code: 'REL_055' }), 404, []);
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', (request: ApiRequest) =>
					request.qs?.['email[like]'] !== undefined
						? list([])
						: list([{ id: 41, type: 'P', code: relationCode(address, 0) }]),
				)
				.on('GET /v1/relation/41', notFound)
				.on('POST /v1/relation', (request: ApiRequest) => ({ id: 42, code: request.body?.code })),
		);
		const ctx = fakeContext({
			parameters: { options: { updateCustomerChanges: true } },
			executionId: 'deleted-1',
			credentials: { baseUrl },
		});
		const finder = new RelationFinder(ctx);
		await finder.prepare([address, ...emails(3)]);
		const found = await finder.findOrCreate(address, { name: 'Jan Jansen', type: 'P' });
		expect(found).toMatchObject({ created: true, relation: { id: 42 } });
		expect(books.calls('POST /v1/relation')).toHaveLength(1);
		expect(listedRelation(await relationListing(ctx), address)).toMatchObject({ id: 42 });
	});
});
