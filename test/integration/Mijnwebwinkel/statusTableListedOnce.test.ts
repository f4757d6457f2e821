/**
 * Get Many (Finished and Paid Only) with a status table kept in the process: an order whose status that table does
 * not know is judged with the table read again from the shop, and the orders are listed once, not a second time to
 * judge them all again (a busy month of a history import is several pages).
 */
import type { IDataObject } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { DEFAULT_STATUSES, type OrderStatus } from '../../sandbox/shop/statuses';
import { finishedAndPaidOrders, numbersOf } from './setup';

jest.setTimeout(60_000);

const ORDERS_ROUTE = 'GET /v1/orders';
const STATUSES_ROUTE = 'GET /v1/orderstatuses';
const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';

describe('Get Many, finished and paid only, with an order of a status added since the table was kept', () => {
	let sb: Sandbox;
	const statuses: OrderStatus[] = [...DEFAULT_STATUSES];
	const getMany = async (more: IDataObject = {}) => await finishedAndPaidOrders(sb, more);
	/** The offsets of the order pages the shop was asked for, in order. */
	const pagesListed = () =>
		sb.shop
			.requestLog()
			.filter((entry) => entry.route === ORDERS_ROUTE)
			.map((entry) => new URLSearchParams(entry.query).get('offset'));
	/** A paid order (not a test order) the node does not return now, among the first `within` orders of the shop. */
	const paidButNotFinished = (returned: string[], within: number) => {
		const order = sb.shop
			.orders()
			.slice(0, within)
			.find(
				(candidate) =>
					candidate.payment_status === 'captured' &&
					candidate.test !== true &&
					!candidate.credited_order_number &&
					!returned.includes(String(candidate.number)),
			);
		if (!order) throw new Error('the seed has no paid order that is not finished');
		return String(order.number);
	};

	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 250, seed: 11 }, statuses } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('judges that order with the table read again, and lists every page once', async () => {
		const first = numbersOf((await getMany()).output);
		expect(pagesListed()).toEqual(['0', '100', '200']);

		// The shop owner adds "Afgehaald in de winkel" (a finished status by its name); a paid order on page 1 gets it.
		statuses.push({ status: 42, description: 'Afgehaald in de winkel', credit_order: false });
		const pickedUp = paidButNotFinished(first, 100);
		sb.shop.setStatus(pickedUp, 42);
		sb.shop.resetCounts();

		const after = numbersOf((await getMany()).output);
		expect(after).toEqual(
			sb.shop
				.orders()
				.map((order) => String(order.number))
				.filter((number) => number === pickedUp || first.includes(number)),
		);
		expect(sb.shop.counts()[STATUSES_ROUTE]).toBe(1);
		expect(pagesListed()).toEqual(['0', '100', '200']);
	});

	it('still returns exactly the limit, the first ones in the shop order', async () => {
		const all = numbersOf((await getMany()).output);
		statuses.push({ status: 43, description: 'Afgehaald bij het afhaalpunt', credit_order: false });
		const pickedUp = paidButNotFinished(all, 60);
		sb.shop.setStatus(pickedUp, 43);
		const expected = sb.shop
			.orders()
			.map((order) => String(order.number))
			.filter((number) => number === pickedUp || all.includes(number))
			.slice(0, 20);
		expect(expected).toContain(pickedUp);
		sb.shop.resetCounts();

		const limited = numbersOf((await getMany({ returnAll: false, limit: 20 })).output);
		expect(limited).toEqual(expected);
		expect(sb.shop.counts()[STATUSES_ROUTE]).toBe(1);
		expect(pagesListed()).toEqual(['0']);
	});

	it('takes the credit statuses from the table read again: a credit order reads no payments', async () => {
		const all = numbersOf((await getMany()).output);
		statuses.push({ status: 44, description: 'Gecrediteerd (winkel)', credit_order: true });
		const credited = paidButNotFinished(all, 100);
		sb.shop.setStatus(credited, 44);
		sb.shop.resetCounts();

		const output = await getMany({ includeCreditOrders: true, includePayments: true });
		const items = (output.output?.[0] ?? []).map((item) => item.json);
		const creditOrder = items.find((order) => String(order.number) === credited);
		expect(creditOrder).toBeDefined();
		expect(creditOrder?.payments).toBeUndefined();
		expect(creditOrder?.paymentsError).toBeUndefined();
		const asked = sb.shop
			.requestLog()
			.filter((entry) => entry.route === PAYMENTS_ROUTE)
			.map((entry) => entry.path);
		expect(asked).not.toContainEqual(expect.stringContaining(`/orders/${credited}/`));
		expect(asked.length).toBeGreaterThan(50);
		expect(pagesListed()).toEqual(['0', '100', '200']);
	});
});
