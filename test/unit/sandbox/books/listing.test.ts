import { startBooks, type BooksSandbox } from '../../../sandbox/books';
import { createRelation, login, send, type BooksClient } from './client';

describe('books sandbox: paging, lookups, faults and admin', () => {
	let books: BooksSandbox;
	let client: BooksClient;

	beforeAll(async () => {
		books = await startBooks();
		client = await login(books.url);
	});
	afterAll(() => books.close());

	it('pages with limit (1–2000, default 100) and offset; count is the page size', async () => {
		for (let index = 0; index < 105; index++)
			await createRelation(client, { name: `Klant ${index}` });
		const first = await client.call('GET', '/v1/relation');
		expect(first.body.count).toBe(100);
		const last = await client.call('GET', '/v1/relation?limit=100&offset=100');
		expect(last.body.count).toBe(5);
		const small = await client.call('GET', '/v1/relation?limit=2&offset=1');
		expect(small.body.items?.map((item) => item.id)).toEqual([
			first.body.items?.[1].id,
			first.body.items?.[2].id,
		]);
		expect((await client.call('GET', '/v1/relation?limit=2000')).body.count).toBe(105);
	});

	it.each([
		['limit=0', 'PAGE_001'],
		['limit=2001', 'PAGE_001'],
		['limit=abc', 'PAGE_001'],
		['offset=-1', 'PAGE_002'],
	])('refuses %s with %s', async (query, code) => {
		const reply = await client.call('GET', `/v1/ledger?${query}`);
		expect([reply.status, reply.body.code]).toEqual([400, code]);
	});

	it('refuses an unknown filter operator and a second filter on one parameter', async () => {
		expect((await client.call('GET', '/v1/invoice?date[around]=2026-01-01')).body.code).toBe(
			'ERR_002',
		);
		expect(
			(await client.call('GET', '/v1/invoice?date[gte]=2026-01-01&date[lte]=2026-02-01')).body.code,
		).toBe('ERR_002');
	});

	it('finds ledgers by code and category, with big ids that are not the code', async () => {
		const byCode = await client.call('GET', '/v1/ledger?code=8000');
		expect(byCode.body.items).toEqual([
			{
				id: 22206462,
				code: '8000',
				description: 'Omzet hoog tarief',
				category: 'VW',
				group: 'OMZ',
			},
		]);
		const banks = await client.call('GET', '/v1/ledger?category=FIN');
		expect(banks.body.items?.map((ledger) => ledger.code)).toEqual(
			expect.arrayContaining(['1010', '1020', '1030']),
		);
		expect(banks.body.items?.every((ledger) => ledger.category === 'FIN')).toBe(true);
		const debtors = await client.call('GET', '/v1/ledger?category=DEB');
		expect((await client.call('GET', `/v1/ledger/${debtors.body.items?.[0].id}`)).body.code).toBe(
			'1300',
		);
		expect((await client.call('GET', '/v1/ledger/8000')).body.code).toBe('LEDG_011');
	});

	it('lists the invoice template, e-mail template, cost centres and units', async () => {
		const templates = await client.call('GET', '/v1/invoicetemplate?active=true');
		expect(templates.body).toEqual({
			items: [{ id: 752296, name: 'Standaard', active: true, type: 'E' }],
			count: 1,
		});
		expect((await client.call('GET', '/v1/invoicetemplate?active=false')).body.count).toBe(0);
		const centres = await client.call('GET', '/v1/costcenter');
		expect(centres.body.items?.map((centre) => centre.description)).toEqual(['Webshop', 'Winkel']);
		const one = await client.call('GET', `/v1/costcenter/${centres.body.items?.[0].id}`);
		expect(one.body).toMatchObject({ description: 'Webshop', fullPath: 'Webshop', active: true });
		expect((await client.call('GET', '/v1/emailtemplate')).body.count).toBe(1);
		expect((await client.call('GET', '/v1/unit')).body.count).toBe(2);
	});

	it('answers injected 429s with Retry-After in the Error shape, and counts them', async () => {
		books.resetCounts();
		books.faults.add({ path: '/v1/ledger', status: 429, retryAfterSeconds: 2 });
		const limited = await fetch(`${books.url}/v1/ledger`, {
			headers: { Authorization: client.token },
		});
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		expect(await limited.json()).toMatchObject({ status: 429, type: 'validation' });
		expect((await client.call('GET', '/v1/ledger')).status).toBe(200);
		expect(books.counts()).toEqual({ 'GET /v1/ledger': 2 });
	});

	it('offers state, expire-sessions, settings and reset under /__admin/', async () => {
		const state = await send(books.url, 'GET', '/__admin/state');
		expect(Object.keys(state.body)).toEqual(
			expect.arrayContaining([
				'relations',
				'invoices',
				'mutations',
				'outstanding',
				'ledgers',
				'templates',
				'costCenters',
			]),
		);
		expect(JSON.stringify(state.body)).not.toContain(client.token);
		const settings = await send(books.url, 'POST', '/__admin/settings', {
			closedUntil: '2025-12-31',
		});
		expect(settings.body).toEqual({
			emailMatching: 'caseInsensitive',
			closedUntil: '2025-12-31',
			lookupLatencyMs: 0,
		});
		expect(books.settings.closedUntil).toBe('2025-12-31');
		books.settings.closedUntil = null;

		expect((await send(books.url, 'POST', '/__admin/expire-sessions')).status).toBe(204);
		expect((await client.call('GET', '/v1/ledger')).status).toBe(401);
		client = await login(books.url);
		expect((await send(books.url, 'POST', '/__admin/reset')).status).toBe(200);
		expect((await client.call('GET', '/v1/relation')).body.count).toBe(0);
	});

	it('refuses a booking in a closed period', async () => {
		const closed = await startBooks({ closedUntil: '2025-12-31' });
		try {
			const books2 = await login(closed.url);
			const relationId = await createRelation(books2);
			const payment = await books2.call('POST', '/v1/mutation', {
				type: 7,
				date: '2025-12-31',
				ledgerId: 22206452,
				rows: [{ ledgerId: 22206462, vatCode: 'GEEN', amount: 1 }],
				relationId,
			});
			expect(payment.body.code).toBe('MUT_005');
		} finally {
			await closed.close();
		}
	});
});
