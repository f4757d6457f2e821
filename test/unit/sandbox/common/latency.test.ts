import { parseCliOptions, readLatency } from '../../../sandbox/cli';
import {
	checkLatency,
	createLatency,
	drawDelay,
	setLatency,
	startServer,
	type RunningServer,
} from '../../../sandbox/common';

describe('sandbox latency', () => {
	it('draws latency ± jitter, never below zero', () => {
		expect(drawDelay({ latencyMs: 150, jitterMs: 0 }, () => 0.9)).toBe(150);
		expect(drawDelay({ latencyMs: 150, jitterMs: 30 }, () => 0)).toBe(120);
		expect(drawDelay({ latencyMs: 150, jitterMs: 30 }, () => 0.5)).toBe(150);
		expect(drawDelay({ latencyMs: 150, jitterMs: 30 }, () => 0.999999)).toBe(180);
		expect(drawDelay({ latencyMs: 10, jitterMs: 50 }, () => 0)).toBe(0);
	});

	it('refuses a malformed setting', () => {
		expect(checkLatency({ latencyMs: 150, jitterMs: 30 })).toBeUndefined();
		expect(checkLatency({ latencyMs: -1 })).toMatch(/latencyMs/);
		expect(checkLatency({ jitterMs: 1.5 })).toMatch(/jitterMs/);
		expect(checkLatency({ latencyMs: '150' })).toMatch(/latencyMs/);
		expect(checkLatency([])).toMatch(/object/);
		expect(() => createLatency({ latencyMs: 70_000 })).toThrow(/Invalid latency/);
	});

	it('reads --latency-ms/--jitter-ms for both servers, and the per-server forms over them', () => {
		expect(readLatency({ 'latency-ms': '150', 'jitter-ms': '30' })).toEqual({
			shop: { latencyMs: 150, jitterMs: 30 },
			books: { latencyMs: 150, jitterMs: 30 },
		});
		expect(readLatency({ 'latency-ms': '150', 'shop-latency-ms': '40' })).toEqual({
			shop: { latencyMs: 40 },
			books: { latencyMs: 150 },
		});
		expect(readLatency({})).toEqual({ shop: {}, books: {} });
		expect(() => readLatency({ 'latency-ms': 'fast' })).toThrow(/--latency-ms/);
		expect(parseCliOptions(['--books-latency-ms', '150', '--jitter-ms', '20']).latency).toEqual({
			shop: { jitterMs: 20 },
			books: { latencyMs: 150, jitterMs: 20 },
		});
	});
});

describe('a sandbox server with latency', () => {
	let server: RunningServer;
	let handled: number[];

	beforeAll(async () => {
		server = await startServer({
			routes: [
				{
					method: 'GET',
					path: '/v1/thing',
					handler: () => {
						handled.push(Date.now());
						return { status: 200, body: { ok: true } };
					},
				},
			],
			latency: { latencyMs: 120 },
		});
	});
	afterAll(() => server.close());
	beforeEach(() => {
		handled = [];
	});

	const timed = async (path: string, init?: RequestInit) => {
		const started = Date.now();
		const response = await fetch(`${server.url}${path}`, init);
		await response.text();
		return { elapsed: Date.now() - started, status: response.status };
	};

	it('answers every request that much later, half before handling it and half after', async () => {
		const started = Date.now();
		const { elapsed, status } = await timed('/v1/thing');
		expect(status).toBe(200);
		expect(elapsed).toBeGreaterThanOrEqual(115);
		expect(handled[0] - started).toBeGreaterThanOrEqual(55);
		expect(elapsed - (handled[0] - started)).toBeGreaterThanOrEqual(55);
	});

	it('leaves the admin routes fast, and changes the latency through POST /__admin/latency', async () => {
		expect((await timed('/__admin/latency')).elapsed).toBeLessThan(100);
		expect(await setLatency(server.url, { latencyMs: 0 })).toEqual({ latencyMs: 0, jitterMs: 0 });
		expect((await timed('/v1/thing')).elapsed).toBeLessThan(100);
		const refused = await fetch(`${server.url}/__admin/latency`, {
			method: 'POST',
			body: JSON.stringify({ latencyMs: -5 }),
		});
		expect(refused.status).toBe(400);
		await setLatency(server.url, { latencyMs: 120, jitterMs: 0 });
		expect(server.latency).toEqual({ latencyMs: 120, jitterMs: 0 });
		// A reset clears counts and faults, not the latency.
		await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
		expect(server.latency.latencyMs).toBe(120);
	});

	it('counts the requests in flight and their peak (GET /__admin/requests)', async () => {
		await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
		await Promise.all(Array.from({ length: 5 }, async () => await timed('/v1/thing')));
		const body = (await (await fetch(`${server.url}/__admin/requests`)).json()) as {
			inFlight: { now: number; peak: number };
		};
		expect(body.inFlight).toEqual({ now: 0, peak: 5 });
		server.counter.resetCounts();
		expect(server.counter.inFlight()).toEqual({ now: 0, peak: 0 });
	});

	it('closes promptly while answers are held back', async () => {
		const other = await startServer({
			routes: [{ method: 'GET', path: '/slow', handler: () => ({ status: 200, body: {} }) }],
			latency: { latencyMs: 30_000 },
		});
		const pending = fetch(`${other.url}/slow`).catch(() => undefined);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const started = Date.now();
		await other.close();
		await pending;
		expect(Date.now() - started).toBeLessThan(2_000);
	});
});
