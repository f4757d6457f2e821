/**
 * Get Many (Finished and Paid Only) keeps the shop's status table for a few minutes in the process: a history import
 * runs one execution per month, and each read the table again (one call per month). A status the shop owner adds
 * meanwhile is never judged with the old table: an order that carries it makes the node read the table again.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { DEFAULT_STATUSES, type OrderStatus } from '../../sandbox/shop/statuses';
import { finishedAndPaidOrders, numbersOf } from './setup';

const STATUSES_ROUTE = 'GET /v1/orderstatuses';

describe('Get Many, finished and paid only: the status table', () => {
	let sb: Sandbox;
	const statuses: OrderStatus[] = [...DEFAULT_STATUSES];
	const getMany = async () => await finishedAndPaidOrders(sb);

	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 40, seed: 11 }, statuses } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('is read once for runs that follow each other, and again for an order whose status it does not know', async () => {
		const first = numbersOf((await getMany()).output);
		expect(first.length).toBeGreaterThan(5);
		expect(sb.shop.counts()[STATUSES_ROUTE]).toBe(1);

		sb.shop.resetCounts();
		expect(numbersOf((await getMany()).output)).toEqual(first);
		expect(sb.shop.counts()[STATUSES_ROUTE]).toBeUndefined();

		// The shop owner adds "Afgehaald in de winkel" (a finished status by its name) and an unlisted, paid order gets it.
		statuses.push({ status: 42, description: 'Afgehaald in de winkel', credit_order: false });
		const unlisted = sb.shop
			.orders()
			.find(
				(order) => order.payment_status === 'captured' && !first.includes(String(order.number)),
			);
		if (!unlisted) throw new Error('the seed has no paid order that is not finished');
		sb.shop.setStatus(String(unlisted.number), 42);
		sb.shop.resetCounts();

		const after = numbersOf((await getMany()).output);
		expect(after).toContain(String(unlisted.number));
		expect(sb.shop.counts()[STATUSES_ROUTE]).toBe(1);
	});
});
