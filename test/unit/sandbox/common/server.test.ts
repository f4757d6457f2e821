import { startServer, type RunningServer, type SandboxRequest } from '../../../sandbox/common';

describe('sandbox common server', () => {
	let server: RunningServer;
	let seen: SandboxRequest[];

	beforeAll(async () => {
		seen = [];
		server = await startServer({
			routes: [
				{
					method: 'GET',
					path: '/v1/orders/:number',
					handler: (req) => {
						seen.push(req);
						return { status: 200, body: { number: req.params.number } };
					},
				},
				{ method: 'POST', path: '/v1/orders', handler: (req) => ({ status: 201, body: req.body }) },
				{
					method: 'GET',
					path: '/v1/broken',
					handler: () => {
						throw new Error('boom');
					},
				},
			],
			admin: { state: () => ({ orders: 3 }) },
		});
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
		seen = [];
	});

	it('listens on 127.0.0.1 with a random port', () => {
		expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
		expect(server.port).toBeGreaterThan(0);
	});

	it('passes path params, query and headers to the handler', async () => {
		const res = await fetch(`${server.url}/v1/orders/10%2001?a=1&b=x`, {
			headers: { 'X-Thing': 'yes' },
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ number: '10 01' });
		expect(seen[0].query.get('b')).toBe('x');
		expect(seen[0].headers['x-thing']).toBe('yes');
	});

	it('parses a JSON body and rejects broken JSON with 400', async () => {
		const ok = await fetch(`${server.url}/v1/orders`, { method: 'POST', body: '{"n":1}' });
		expect(ok.status).toBe(201);
		expect(await ok.json()).toEqual({ n: 1 });
		const bad = await fetch(`${server.url}/v1/orders`, { method: 'POST', body: '{"n":' });
		expect(bad.status).toBe(400);
	});

	it('answers 404 for an unknown path, 405 for a wrong method and 500 when a handler throws', async () => {
		expect((await fetch(`${server.url}/v1/nothing`)).status).toBe(404);
		const wrong = await fetch(`${server.url}/v1/orders/1`, { method: 'DELETE' });
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET');
		expect((await fetch(`${server.url}/v1/broken`)).status).toBe(500);
	});

	it('counts per route template and logs requests in order without tokens', async () => {
		await fetch(
			`${server.url}/v1/orders/1?token=secret-store-token&partner_token=p-secret&offset=0`,
		);
		await fetch(`${server.url}/v1/orders/2`);
		await fetch(`${server.url}/v1/orders`, { method: 'POST', body: '{}' });
		expect(server.counter.counts()).toEqual({ 'GET /v1/orders/:number': 2, 'POST /v1/orders': 1 });
		const log = server.counter.requestLog();
		expect(log.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
			['GET', '/v1/orders/1', 200],
			['GET', '/v1/orders/2', 200],
			['POST', '/v1/orders', 201],
		]);
		expect(JSON.stringify(log)).not.toMatch(/secret/);
		expect(log[0].query).toBe('token=***&partner_token=***&offset=0');
	});

	it('injects a 429 with Retry-After the given number of times, and counts the faulted requests', async () => {
		server.faults.add({ path: '/v1/orders/:number', status: 429, times: 2, retryAfterSeconds: 3 });
		const first = await fetch(`${server.url}/v1/orders/1`);
		const second = await fetch(`${server.url}/v1/orders/1`);
		const third = await fetch(`${server.url}/v1/orders/1`);
		expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
		expect(first.headers.get('retry-after')).toBe('3');
		expect(server.counter.counts()['GET /v1/orders/:number']).toBe(3);
		expect(server.counter.requestLog().map((entry) => entry.faulted)).toEqual([true, true, false]);
	});

	it('matches faults by path prefix and method', async () => {
		server.faults.add({ method: 'post', path: '/v1', status: 503 });
		expect((await fetch(`${server.url}/v1/orders/1`)).status).toBe(200);
		expect((await fetch(`${server.url}/v1/orders`, { method: 'POST', body: '{}' })).status).toBe(
			503,
		);
		expect((await fetch(`${server.url}/v1/orders`, { method: 'POST', body: '{}' })).status).toBe(
			201,
		);
	});

	it('delays a request and then handles it normally when the fault has no status', async () => {
		server.faults.add({ path: '/v1/orders/7', delayMs: 150 });
		const started = Date.now();
		const res = await fetch(`${server.url}/v1/orders/7`);
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('offers state, requests, faults and reset under /__admin/ without counting them', async () => {
		expect(await (await fetch(`${server.url}/__admin/state`)).json()).toEqual({ orders: 3 });
		const added = await fetch(`${server.url}/__admin/faults`, {
			method: 'POST',
			body: JSON.stringify({ path: '/v1/orders', status: 500, times: 1 }),
		});
		expect(added.status).toBe(201);
		expect((await fetch(`${server.url}/v1/orders/1`)).status).toBe(500);
		const requests = (await (await fetch(`${server.url}/__admin/requests`)).json()) as {
			counts: Record<string, number>;
			requests: unknown[];
		};
		expect(requests.counts).toEqual({ 'GET /v1/orders/:number': 1 });
		expect(requests.requests).toHaveLength(1);

		const invalid = await fetch(`${server.url}/__admin/faults`, {
			method: 'POST',
			body: '{"times":0}',
		});
		expect(invalid.status).toBe(400);
		server.faults.add({ status: 500, times: 5 });
		expect((await fetch(`${server.url}/__admin/faults`, { method: 'DELETE' })).status).toBe(204);
		expect((await fetch(`${server.url}/v1/orders/1`)).status).toBe(200);
		await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
		expect(server.counter.counts()).toEqual({});
	});

	it('closes promptly even while a delayed request is waiting', async () => {
		const other = await startServer({
			routes: [{ method: 'GET', path: '/slow', handler: () => ({ status: 200 }) }],
		});
		other.faults.add({ delayMs: 60_000 });
		const pending = fetch(`${other.url}/slow`).catch((error: Error) => error);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const started = Date.now();
		await other.close();
		expect(Date.now() - started).toBeLessThan(1000);
		// fetch rejects from another realm under jest, so check the name rather than instanceof
		expect(((await pending) as Error).name).toBe('TypeError');
	});
});
