import { startShop, type ShopSandbox } from '../../../sandbox/shop';
import { get, makeOrder, numbers } from './fixtures';

const JAN_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const PIET_ID = 'bbbbbbbb-0000-4000-8000-000000000002';

function placed(date: string, changed: string, extra: Record<string, unknown> = {}) {
	const [changedDate, changedTime] = changed.split(' ');
	return { date, status_changed_date: changedDate, status_changed_time: changedTime, ...extra };
}

const ORDERS = [
	makeOrder(1001, placed('2025-03-01', '2025-03-03 09:30:00')),
	makeOrder(
		1002,
		placed('2025-03-02', '2025-03-02 23:59:59', {
			status: 1,
			debtor: { id: JAN_ID, email: 'Jan@Example.com' },
		}),
	),
	makeOrder(
		1003,
		placed('2025-03-03', '2025-03-04 00:00:00', {
			archived: true,
			debtor: { email: 'jan@example.com' },
		}),
	),
	makeOrder(1004, placed('2025-03-04', '2025-03-05 12:00:00', { status: 5, archived: true })),
	makeOrder(1005, placed('2025-03-03', '2025-03-04 10:00:00', { test: true })),
	makeOrder(
		1006,
		placed('2025-03-05', '2025-03-06 08:00:00', {
			debtor: { id: PIET_ID, email: 'piet@example.com' },
		}),
	),
	{
		...makeOrder(1010, placed('2025-03-06', '2025-03-06 10:00:00', { status: 2 })),
		number: '1010',
	},
];

describe('sandbox shop: order filters', () => {
	let shop: ShopSandbox;

	beforeAll(async () => {
		shop = await startShop({ orders: ORDERS });
	});
	afterAll(() => shop.close());

	const list = async (params: Record<string, string>) => {
		const { status, body } = await get(shop, '/v1/orders', params);
		expect(status).toBe(200);
		return numbers(body);
	};
	const count = async (params: Record<string, string>) =>
		(await get(shop, '/v1/orders/count', params)).body;

	it('lists every order but test orders, by order number ascending', async () => {
		expect(await list({})).toEqual([1001, 1002, 1003, 1004, 1006, 1010]);
		expect(await list({ test: 'false' })).toEqual([1001, 1002, 1003, 1004, 1006, 1010]);
	});

	it('adds test orders with test=true', async () => {
		expect(await list({ test: 'true' })).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1010]);
	});

	it('filters on one status id, string order numbers included', async () => {
		expect(await list({ status_id: '4' })).toEqual([1001, 1003, 1006]);
		expect(await list({ status_id: '4', test: 'true' })).toEqual([1001, 1003, 1005, 1006]);
		expect(await list({ status_id: '2' })).toEqual([1010]);
		expect((await get(shop, '/v1/orders', { status_id: '2,3' })).status).toBe(400);
	});

	it('filters on the order date with start_date and end_date, both days included', async () => {
		expect(await list({ start_date: '2025-03-02', end_date: '2025-03-04' })).toEqual([
			1002, 1003, 1004,
		]);
		expect((await get(shop, '/v1/orders', { start_date: '03-02-2025' })).status).toBe(400);
	});

	it('filters on the status change time in shop-local time, both ends included', async () => {
		const window = {
			status_changed_start_date: '2025-03-02 23:59:59',
			status_changed_end_date: '2025-03-04 00:00:00',
		};
		expect(await list(window)).toEqual([1001, 1002, 1003]);
		const withT = {
			status_changed_start_date: '2025-03-02T23:59:59',
			status_changed_end_date: '2025-03-04T00:00:00',
		};
		expect(await list(withT)).toEqual([1001, 1002, 1003]);
		expect(
			await list({
				status_changed_start_date: '2025-03-03 00:00:00',
				status_changed_end_date: '2025-03-03 23:59:59',
			}),
		).toEqual([1001]);
		expect(await list({ status_changed_start_date: '2025-03-05 12:00:01' })).toEqual([1006, 1010]);
	});

	it('refuses a status change time with a zone or without a time, rather than guessing', async () => {
		for (const value of ['2025-03-04T00:00:00Z', '2025-03-04', '2025-03-04 00:00:00+01:00']) {
			const { status, body } = await get(shop, '/v1/orders', { status_changed_start_date: value });
			expect(status).toBe(400);
			expect(body).toMatchObject({
				code: 400,
				description: expect.stringContaining('status_changed_start_date'),
			});
		}
	});

	it('filters on archived, and returns both when archived is omitted', async () => {
		expect(await list({ archived: 'true' })).toEqual([1003, 1004]);
		expect(await list({ archived: 'false' })).toEqual([1001, 1002, 1006, 1010]);
		expect((await get(shop, '/v1/orders', { archived: 'maybe' })).status).toBe(400);
	});

	it('filters on the debtor by e-mail (any case) or id, ORed', async () => {
		expect(await list({ debtor_email: 'JAN@example.com' })).toEqual([1002, 1003]);
		expect(await list({ debtor_id: PIET_ID })).toEqual([1006]);
		expect(await list({ debtor_email: 'jan@example.com', debtor_id: PIET_ID })).toEqual([
			1002, 1003, 1006,
		]);
		expect(await list({ debtor_id: JAN_ID })).toEqual([1002]);
	});

	it('orders by order number descending on request', async () => {
		expect(await list({ ordering: 'desc' })).toEqual([1010, 1006, 1004, 1003, 1002, 1001]);
		expect((await get(shop, '/v1/orders', { ordering: 'newest' })).status).toBe(400);
	});

	it('counts with the same filters, ignoring debtor, ordering and paging parameters', async () => {
		expect(await count({})).toEqual({ count: 6 });
		expect(await count({ test: 'true' })).toEqual({ count: 7 });
		expect(await count({ status_id: '4' })).toEqual({ count: 3 });
		expect(await count({ archived: 'true' })).toEqual({ count: 2 });
		expect(await count({ start_date: '2025-03-02', end_date: '2025-03-04' })).toEqual({ count: 3 });
		expect(await count({ status_changed_start_date: '2025-03-05 12:00:01' })).toEqual({ count: 2 });
		expect(await count({ debtor_email: 'piet@example.com', limit: '1', offset: '3' })).toEqual({
			count: 6,
		});
		expect((await get(shop, '/v1/orders/count', { status_id: 'four' })).status).toBe(400);
	});

	it('returns one order by number, test orders too, and 404 with the legacy Error body when absent', async () => {
		expect(await get(shop, '/v1/orders/1005')).toMatchObject({
			status: 200,
			body: { number: 1005, test: true },
		});
		expect(await get(shop, '/v1/orders/1010')).toMatchObject({
			status: 200,
			body: { number: '1010' },
		});
		const missing = await get(shop, '/v1/orders/999');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({
			code: 404,
			message: 'Not Found',
			description: 'Order 999 not found',
		});
	});
});

describe('sandbox shop: paging', () => {
	let shop: ShopSandbox;

	beforeAll(async () => {
		shop = await startShop({
			orders: Array.from({ length: 150 }, (_, index) => makeOrder(2001 + index)),
		});
	});
	afterAll(() => shop.close());

	it('gives 10 orders by default and at most 100', async () => {
		expect(numbers((await get(shop, '/v1/orders')).body)).toEqual([
			2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010,
		]);
		expect(numbers((await get(shop, '/v1/orders', { limit: '100' })).body)).toHaveLength(100);
	});

	it('refuses a limit above 100 or below 1, and a negative offset', async () => {
		for (const params of [{ limit: '101' }, { limit: '0' }, { offset: '-1' }, { limit: 'ten' }]) {
			const { status, body } = await get(shop, '/v1/orders', params);
			expect(status).toBe(400);
			expect(body).toMatchObject({ code: 400, message: 'Bad Request' });
		}
	});

	it('pages with offset until a short page, seeing every order once', async () => {
		const seen: number[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = numbers(
				(await get(shop, '/v1/orders', { limit: '100', offset: String(offset) })).body,
			);
			seen.push(...page);
			if (page.length < 100) break;
		}
		expect(seen).toEqual(Array.from({ length: 150 }, (_, index) => 2001 + index));
		expect(
			numbers(
				(await get(shop, '/v1/orders', { offset: '140', limit: '100', ordering: 'desc' })).body,
			),
		).toEqual([2010, 2009, 2008, 2007, 2006, 2005, 2004, 2003, 2002, 2001]);
		expect((await get(shop, '/v1/orders', { offset: '500' })).body).toEqual([]);
	});
});
