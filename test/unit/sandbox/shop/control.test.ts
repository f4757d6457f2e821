import { startShop, type ShopSandbox } from '../../../sandbox/shop';
import { get, makeOrder, numbers } from './fixtures';

const CLOCK = new Date('2025-07-01T08:15:00Z');

async function admin(shop: ShopSandbox, method: string, path: string, body?: unknown) {
	const response = await fetch(`${shop.url}/__admin${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return {
		status: response.status,
		body: response.status === 204 ? undefined : await response.json(),
	};
}

describe('sandbox shop: state changes and control', () => {
	let shop: ShopSandbox;

	beforeEach(async () => {
		shop = await startShop({
			now: () => CLOCK,
			orders: [makeOrder(1001), makeOrder(1002, { status: 1 })],
		});
	});
	afterEach(() => shop.close());

	it('moves status_changed_* with a status change, in shop-local time', async () => {
		shop.setStatus(1002, 4, new Date('2025-03-10T08:15:00Z'));
		expect((await get(shop, '/v1/orders/1002')).body).toMatchObject({
			status: 4,
			status_changed_date: '2025-03-10',
			status_changed_time: '09:15:00',
		});
		shop.setStatus(1002, 5);
		expect((await get(shop, '/v1/orders/1002')).body).toMatchObject({
			status: 5,
			status_changed_date: '2025-07-01',
			status_changed_time: '10:15:00',
		});
		expect(
			numbers(
				(await get(shop, '/v1/orders', { status_changed_start_date: '2025-07-01 10:15:00' })).body,
			),
		).toEqual([1002]);
	});

	it('adds and updates orders, visible to the next request', async () => {
		shop.addOrder(makeOrder(1003));
		shop.updateOrder(1001, { archived: true });
		expect(numbers((await get(shop, '/v1/orders', { archived: 'true' })).body)).toEqual([1001]);
		expect(numbers((await get(shop, '/v1/orders')).body)).toEqual([1001, 1002, 1003]);
		expect(() => shop.addOrder(makeOrder(1003))).toThrow('already exists');
		expect(() => shop.updateOrder(4040, { archived: true })).toThrow('does not exist');
	});

	it('keeps its own copies: changing a returned order does not change the shop', async () => {
		const order = shop.order(1001) as { status: number };
		order.status = 5;
		expect((await get(shop, '/v1/orders/1001')).body).toMatchObject({ status: 4 });
	});

	it('does the same over /__admin/', async () => {
		expect((await admin(shop, 'POST', '/orders', [makeOrder(1003), makeOrder(1004)])).status).toBe(
			201,
		);
		expect((await admin(shop, 'POST', '/orders', makeOrder(1003))).status).toBe(409);
		expect((await admin(shop, 'POST', '/orders', { status: 4 })).status).toBe(400);
		expect((await admin(shop, 'PATCH', '/orders/1003', { archived: true })).status).toBe(200);
		expect((await admin(shop, 'PATCH', '/orders/4040', { archived: true })).status).toBe(404);
		const moved = await admin(shop, 'POST', '/orders/1004/status', {
			status: 6,
			changedAt: '2025-03-10T08:15:00Z',
		});
		expect(moved).toMatchObject({
			status: 200,
			body: { status: 6, status_changed_date: '2025-03-10', status_changed_time: '09:15:00' },
		});
		expect((await admin(shop, 'POST', '/orders/1004/status', { status: 'done' })).status).toBe(400);
		expect(numbers((await get(shop, '/v1/orders', { archived: 'true' })).body)).toEqual([1003]);
		const state = await admin(shop, 'GET', '/state');
		expect((state.body as { orders: unknown[] }).orders).toHaveLength(4);
		const listed = (await admin(shop, 'GET', '/orders')).body as { orders: unknown[] };
		expect(numbers(listed.orders)).toEqual([1001, 1002, 1003, 1004]);
	});

	it('counts requests per route and resets to the starting orders', async () => {
		await get(shop, '/v1/orders');
		await get(shop, '/v1/orders');
		await get(shop, '/v1/orders/1001');
		await get(shop, '/v1/orders/count', { token: 'wrong' });
		expect(shop.counts()).toEqual({
			'GET /v1/orders': 2,
			'GET /v1/orders/:number': 1,
			'GET /v1/orders/count': 1,
		});
		expect(shop.requestLog().every((entry) => !entry.query.includes('sandbox-store-token'))).toBe(
			true,
		);
		shop.addOrder(makeOrder(1003));
		expect((await admin(shop, 'POST', '/reset')).status).toBe(200);
		expect(shop.counts()).toEqual({});
		expect(shop.orders().map((order) => order.number)).toEqual([1001, 1002]);
	});

	it('answers injected faults with Retry-After and the legacy Error body, then recovers', async () => {
		shop.faults.add({ path: '/v1/orders', status: 429, retryAfterSeconds: 2 });
		const limited = await get(shop, '/v1/orders');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		expect(limited.body).toMatchObject({ code: 429, message: 'Too Many Requests' });
		expect((await get(shop, '/v1/orders')).status).toBe(200);
	});
});

describe('sandbox shop: seeded', () => {
	it('serves a generated seed, test orders only on request', async () => {
		const shop = await startShop({ seed: { count: 200, seed: 42 }, now: () => CLOCK });
		try {
			const all = shop.orders();
			expect(all).toHaveLength(200);
			const testOrders = all.filter((order) => order.test === true).length;
			expect(testOrders).toBeGreaterThan(0);
			expect((await get(shop, '/v1/orders/count')).body).toEqual({ count: 200 - testOrders });
			expect((await get(shop, '/v1/orders/count', { test: 'true' })).body).toEqual({ count: 200 });
		} finally {
			await shop.close();
		}
	});
});
