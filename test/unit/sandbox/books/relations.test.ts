import { startBooks, type BooksSandbox } from '../../../sandbox/books';
import { createRelation, login, type BooksClient } from './client';

describe('books sandbox: relations', () => {
	let books: BooksSandbox;
	let client: BooksClient;

	beforeAll(async () => {
		books = await startBooks();
		client = await login(books.url);
	});
	afterAll(() => books.close());
	beforeEach(() => books.reset());

	it('creates a relation with a generated code and returns it in the spec shape', async () => {
		const created = await client.call('POST', '/v1/relation', {
			type: 'P',
			name: 'Jan Jansen',
			emailAddress: 'Jan@Example.com',
			city: 'Utrecht',
			country: 'Nederland',
		});
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.any(Number), code: expect.stringMatching(/^\d+$/) });
		const relation = await client.call('GET', `/v1/relation/${created.body.id}`);
		expect(relation.body).toMatchObject({
			id: created.body.id,
			type: 'P',
			code: created.body.code,
			name: 'Jan Jansen',
			emailAddress: 'Jan@Example.com',
			city: 'Utrecht',
			inactive: null,
		});
		expect(relation.body).not.toHaveProperty('termOfPayment');
	});

	it('defaults the type to B and refuses a taken code with REL_049', async () => {
		const id = await createRelation(client, { type: '', code: 'SHOP-1' });
		expect((await client.call('GET', `/v1/relation/${id}`)).body.type).toBe('B');
		const again = await client.call('POST', '/v1/relation', { name: 'Ander', code: 'SHOP-1' });
		expect([again.status, again.body.code, again.body.propertyName]).toEqual([
			400,
			'REL_049',
			'Code',
		]);
	});

	it('a second relation with a taken code is refused in the documented error shape, and nothing is stored', async () => {
		await createRelation(client, { name: 'Eerste', code: 'JAN7KQ2M9XD' });
		const again = await client.call('POST', '/v1/relation', {
			name: 'Tweede',
			emailAddress: 'jan@example.com',
			code: 'JAN7KQ2M9XD',
		});
		expect(again).toEqual({
			status: 400,
			body: {
				type: 'validation',
				code: 'REL_049',
				title: 'Code already exists.',
				status: 400,
				propertyName: 'Code',
				traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
			},
		});
		const found = await client.call('GET', '/v1/relation?code=JAN7KQ2M9XD');
		expect(found.body.items).toEqual([{ id: expect.any(Number), type: 'P', code: 'JAN7KQ2M9XD' }]);
	});

	it('lookupLatencyMs holds relation look-ups after their answer is computed, as network latency does', async () => {
		books.settings.lookupLatencyMs = 300;
		try {
			const started = Date.now();
			const lookup = client.call('GET', '/v1/relation?email=laat@example.com');
			await new Promise((resolve) => setTimeout(resolve, 50));
			const created = await client.call('POST', '/v1/relation', {
				name: 'Laat',
				emailAddress: 'laat@example.com',
			});
			expect(Date.now() - started).toBeLessThan(250);
			// The look-up was answered before the relation existed, and arrives after it was created.
			expect((await lookup).body.items).toEqual([]);
			expect(Date.now() - started).toBeGreaterThanOrEqual(290);
			const read = await client.call('GET', `/v1/relation/${created.body.id}`);
			expect(read.body.emailAddress).toBe('laat@example.com');
		} finally {
			books.settings.lookupLatencyMs = 0;
		}
	});

	it.each([
		[{ name: '' }, 'REL_002'],
		[{ name: 'x'.repeat(101) }, 'REL_003'],
		[{ name: 'x', type: 'X' }, 'REL_001'],
		[{ name: 'x', code: 'C'.repeat(16) }, 'REL_006'],
		[{ name: 'x', contact: 'c'.repeat(51) }, 'REL_009'],
		[{ name: 'x', address: 'a'.repeat(151) }, 'REL_011'],
		[{ name: 'x', postalCode: '1'.repeat(51) }, 'REL_012'],
		[{ name: 'x', emailAddress: `${'e'.repeat(140)}@example.com` }, 'REL_022'],
		[{ name: 'x', emailAddress: 'geen-adres' }, 'REL_023'],
		[{ name: 'x', emailAddressInvoice: 'geen-adres' }, 'REL_025'],
		[{ name: 'x', iban: 'NL00BANK0123456789' }, 'REL_007'],
		[{ name: 'x', companyRegistrationNumber: 'KVK123' }, 'REL_008'],
		[{ name: 'x', gender: 'x' }, 'REL_004'],
		[{ name: 'x', freeText10: 'f'.repeat(101) }, 'REL_046'],
		[{ name: 'x', termOfPayment: -1 }, 'REL_030'],
		[{ name: 'x', ledgerId: 1 }, 'REL_048'],
	])('refuses %j with %s', async (body, code) => {
		const reply = await client.call('POST', '/v1/relation', body);
		expect([reply.status, reply.body.code]).toEqual([400, code]);
	});

	it('accepts every field at its maximum length and a valid IBAN', async () => {
		const reply = await client.call('POST', '/v1/relation', {
			name: 'n'.repeat(100),
			code: 'c'.repeat(15),
			address: 'a'.repeat(150),
			city: 'c'.repeat(50),
			vatNumber: 'v'.repeat(50),
			iban: 'NL91 ABNA 0417 1643 00',
			bic: 'b'.repeat(20),
			note: 'n'.repeat(40000),
		});
		expect(reply.status).toBe(201);
	});

	it('finds relations by e-mail (exact, case-insensitive by default) and lists only id, type and code', async () => {
		const id = await createRelation(client, { emailAddress: 'Jan@Example.com' });
		await createRelation(client, { name: 'Ander', emailAddress: 'jan@example.com.nl' });
		const found = await client.call(
			'GET',
			`/v1/relation?email=${encodeURIComponent('jan@example.com')}`,
		);
		expect(found.body).toEqual({ items: [{ id, type: 'P', code: expect.any(String) }], count: 1 });
	});

	it('can be switched to case-sensitive e-mail matching', async () => {
		await createRelation(client, { emailAddress: 'Jan@Example.com' });
		books.settings.emailMatching = 'caseSensitive';
		try {
			expect((await client.call('GET', '/v1/relation?email=jan%40example.com')).body.count).toBe(0);
			expect((await client.call('GET', '/v1/relation?email=Jan%40Example.com')).body.count).toBe(1);
		} finally {
			books.settings.emailMatching = 'caseInsensitive';
		}
	});

	it('matches name[like] with % and ? wildcards, case-insensitive', async () => {
		await createRelation(client, { name: 'Bakkerij de Korst', type: 'B' });
		await createRelation(client, { name: 'Slagerij Vers', type: 'B' });
		const like = await client.call('GET', '/v1/relation?name[like]=%25bakker%25');
		expect(like.body.count).toBe(1);
		const single = await client.call('GET', '/v1/relation?name[like]=?lagerij%25');
		expect(single.body.count).toBe(1);
		const notLike = await client.call('GET', '/v1/relation?name[not_like]=%25erij%25');
		expect(notLike.body.count).toBe(0);
	});

	it('PATCH needs the name, keeps fields it does not send and answers with an empty body', async () => {
		const id = await createRelation(client, { emailAddress: 'jan@example.com', city: 'Utrecht' });
		const withoutName = await client.call('PATCH', `/v1/relation/${id}`, { city: 'Zeist' });
		expect(withoutName.body.code).toBe('REL_002');
		const patched = await client.call('PATCH', `/v1/relation/${id}`, {
			name: 'Jan Jansen',
			city: 'Zeist',
		});
		expect(patched.status).toBe(204);
		expect(patched.body).toEqual({});
		expect((await client.call('GET', `/v1/relation/${id}`)).body).toMatchObject({
			city: 'Zeist',
			emailAddress: 'jan@example.com',
		});
		expect((await client.call('PATCH', '/v1/relation/1', { name: 'x' })).status).toBe(404);
	});
});
