/**
 * Get Many with Include Payments over several pages of orders (a busy month of a history import): the payments of a
 * page's orders are read while the next page is listed, against the sandbox shop with a latency on every answer.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { setLatency } from '../../sandbox/common';
import { SHOP_REQUESTS_IN_PARALLEL } from '../../../nodes/Mijnwebwinkel/api/paymentsReader';
import { finishedAndPaidOrders } from './setup';

jest.setTimeout(60_000);

const ORDERS_ROUTE = 'GET /v1/orders';
const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';
const itemsOf = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => item.json);

describe('Get Many reading payments while it lists', () => {
	let sb: Sandbox;
	const getMany = async (more: IDataObject = {}) => await finishedAndPaidOrders(sb, more);
	const routesInOrder = () => sb.shop.requestLog().map((entry) => entry.route);
	const peakInFlight = async () => {
		const response = await fetch(`${sb.shopUrl}/__admin/requests`);
		return ((await response.json()) as { inFlight: { peak: number } }).inFlight.peak;
	};

	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 320, seed: 7 } } });
	});
	afterEach(async () => {
		await setLatency(sb.shopUrl, { latencyMs: 0, jitterMs: 0 });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('starts reading payments before the last page is listed, and gives each order its own, in the shop order', async () => {
		const plain = itemsOf((await getMany()).output);
		await setLatency(sb.shopUrl, { latencyMs: 40, jitterMs: 10 });
		sb.shop.resetCounts();
		const orders = itemsOf((await getMany({ includePayments: true })).output);
		const peak = await peakInFlight();

		expect(orders.map((order) => order.number)).toEqual(plain.map((order) => order.number));
		const read = orders.filter((order) => order.payments !== undefined);
		expect(read.length).toBeGreaterThan(100);
		for (const order of read)
			expect(order.payments).toEqual(sb.shop.payments(String(order.number)));
		expect(orders.every((order) => order.paymentsError === undefined)).toBe(true);
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBe(read.length);
		const routes = routesInOrder();
		expect(routes.filter((route) => route === ORDERS_ROUTE)).toHaveLength(4);
		expect(routes.indexOf(PAYMENTS_ROUTE)).toBeLessThan(routes.lastIndexOf(ORDERS_ROUTE));
		// The payment reads and the one page being listed; counted by the shop, not by a clock.
		expect(peak).toBeLessThanOrEqual(SHOP_REQUESTS_IN_PARALLEL + 1);
	});

	it('with a limit returns exactly that many and reads no payments beyond them', async () => {
		const all = itemsOf((await getMany()).output);
		sb.shop.resetCounts();
		const orders = itemsOf(
			(await getMany({ returnAll: false, limit: 130, includePayments: true })).output,
		);

		expect(orders.map((order) => order.number)).toEqual(
			all.slice(0, 130).map((order) => order.number),
		);
		const read = orders.filter((order) => order.payments !== undefined);
		const asked = sb.shop
			.requestLog()
			.filter((entry) => entry.route === PAYMENTS_ROUTE)
			.map((entry) => entry.path);
		expect(asked.sort()).toEqual(
			read.map((order) => `/v1/orders/${String(order.number)}/payments`).sort(),
		);
	});

	it('starts no new reads once the shop is busy; what was read alongside keeps its payments, what is left goes on with paymentsError', async () => {
		const clean = itemsOf((await getMany({ includePayments: true })).output);
		const busyAt = clean.findIndex((order, index) => index > 120 && order.payments !== undefined);
		const busy = String(clean[busyAt].number);
		sb.shop.faults.add({
			path: `/v1/orders/${busy}/payments`,
			status: 503,
			retryAfterSeconds: 0,
			times: 4,
		});
		sb.shop.resetCounts();
		const orders = itemsOf((await getMany({ includePayments: true })).output);

		expect(orders.map((order) => order.number)).toEqual(clean.map((order) => order.number));
		expect(orders.slice(0, busyAt)).toEqual(clean.slice(0, busyAt));
		expect(orders[busyAt].payments).toBeUndefined();
		expect(String(orders[busyAt].paymentsError)).toMatch(/; run again later$/);
		clean.slice(busyAt + 1).forEach((order, index) => {
			const after = orders[busyAt + 1 + index];
			if (after.payments !== undefined) expect(after.payments).toEqual(order.payments);
			else if (order.payments !== undefined)
				expect(String(after.paymentsError)).toMatch(/; run again later$/);
		});
		const asked = sb.shop
			.requestLog()
			.filter((entry) => entry.route === PAYMENTS_ROUTE)
			.map((entry) => entry.path);
		const lastTry = asked.lastIndexOf(`/v1/orders/${busy}/payments`);
		// After its last try only the reads already on their way with it (the log is in order of answers, loosely).
		expect(asked.length - lastTry - 1).toBeLessThan(2 * SHOP_REQUESTS_IN_PARALLEL);
		const withPayments = clean.filter((order) => order.payments !== undefined).length;
		expect(asked.length - 3).toBeLessThan(withPayments - 2 * SHOP_REQUESTS_IN_PARALLEL);
	});
});
