import { startBooks, type BooksSandbox } from '../../../sandbox/books';
import { login, send } from './client';

describe('books sandbox: sessions', () => {
	let books: BooksSandbox;
	let clock = Date.parse('2026-05-01T10:00:00Z');

	beforeAll(async () => {
		books = await startBooks({ sessionLifetimeSeconds: 60, now: () => new Date(clock) });
	});
	afterAll(() => books.close());

	it('hands out a session token with its lifetime', async () => {
		const reply = await send(books.url, 'POST', '/v1/session', {
			accessToken: 'sandbox-api-token',
			source: 'n8n',
		});
		expect(reply.status).toBe(200);
		expect(reply.body.expiresIn).toBe(60);
		expect(typeof reply.body.token).toBe('string');
		expect(reply.body.token).not.toBe('sandbox-api-token');
	});

	it.each([
		[{ accessToken: 'sandbox-api-token' }, 400, 'API_SESSION_001'],
		[{ accessToken: 'sandbox-api-token', source: 'n8n-nodes-x' }, 400, 'API_SESSION_002'],
		[{ accessToken: 'sandbox-api-token', source: 'elf tekens!' }, 400, 'API_SESSION_002'],
		[{ source: 'n8n' }, 400, 'API_SESSION_003'],
		[{ accessToken: 'sandbox-expired-token', source: 'n8n' }, 400, 'API_SESSION_004'],
		[{ accessToken: 'wrong-token', source: 'n8n' }, 403, 'SECURITY_001'],
	])('refuses %j with %i %s', async (body, status, code) => {
		const reply = await send(books.url, 'POST', '/v1/session', body);
		expect(reply.status).toBe(status);
		expect(reply.body.code).toBe(code);
		expect(reply.body.status).toBe(status);
		expect(typeof reply.body.title).toBe('string');
		expect(JSON.stringify(reply.body)).not.toContain('wrong-token');
	});

	it('accepts a 10-character source with spaces and underscores', async () => {
		const reply = await send(books.url, 'POST', '/v1/session', {
			accessToken: 'sandbox-api-token',
			source: 'My_shop 01',
		});
		expect(reply.status).toBe(200);
	});

	it('answers 401 SECURITY_010 without, or with an unknown, Authorization header', async () => {
		const without = await send(books.url, 'GET', '/v1/ledger');
		expect(without.status).toBe(401);
		expect(without.body.code).toBe('SECURITY_010');
		const unknown = await send(books.url, 'GET', '/v1/ledger', undefined, {
			Authorization: 'not-a-session',
		});
		expect(unknown.status).toBe(401);
	});

	it('takes the raw token and, by default, "Bearer <token>" too', async () => {
		const client = await login(books.url);
		expect((await client.call('GET', '/v1/ledger')).status).toBe(200);
		const bearer = await send(books.url, 'GET', '/v1/ledger', undefined, {
			Authorization: `Bearer ${client.token}`,
		});
		expect(bearer.status).toBe(200);
	});

	it('can be told to accept only the raw token, as the spec documents', async () => {
		const strict = await startBooks({ authHeader: 'raw' });
		try {
			const client = await login(strict.url);
			expect((await client.call('GET', '/v1/ledger')).status).toBe(200);
			const bearer = await send(strict.url, 'GET', '/v1/ledger', undefined, {
				Authorization: `Bearer ${client.token}`,
			});
			expect(bearer.status).toBe(401);
		} finally {
			await strict.close();
		}
	});

	it('expires sessions after their lifetime', async () => {
		const client = await login(books.url);
		clock += 59_000;
		expect((await client.call('GET', '/v1/ledger')).status).toBe(200);
		clock += 2_000;
		const expired = await client.call('GET', '/v1/ledger');
		expect(expired.status).toBe(401);
		expect(expired.body.code).toBe('SECURITY_010');
	});

	it('expireSessions() ends every session at once; a new session works again', async () => {
		const first = await login(books.url);
		const second = await login(books.url);
		books.expireSessions();
		expect((await first.call('GET', '/v1/ledger')).status).toBe(401);
		expect((await second.call('GET', '/v1/ledger')).status).toBe(401);
		const renewed = await login(books.url);
		expect((await renewed.call('GET', '/v1/ledger')).status).toBe(200);
	});

	it('revokes a session with DELETE /v1/session', async () => {
		const client = await login(books.url);
		expect((await client.call('DELETE', '/v1/session')).status).toBe(204);
		expect((await client.call('GET', '/v1/ledger')).status).toBe(401);
	});

	it('counts session calls per route and never logs a token', async () => {
		books.resetCounts();
		const client = await login(books.url);
		await client.call('GET', '/v1/ledger?code=8000');
		expect(books.counts()).toEqual({ 'POST /v1/session': 1, 'GET /v1/ledger': 1 });
		expect(JSON.stringify(books.requestLog())).not.toContain(client.token);
	});
});
