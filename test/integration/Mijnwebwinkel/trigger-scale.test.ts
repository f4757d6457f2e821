import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { STATE_KEY } from '../../../nodes/Mijnwebwinkel/trigger/state';
import { categorizeOrder } from '../../sandbox/shop/generator';
import type { ShopOrder } from '../../sandbox/shop/generator';
import { parseCents } from '../../sandbox/shop/generator/money';
import { changedAt, daysAgo, shouldEmit, triggerFor } from './setup';

const cents = (order: ShopOrder) => parseCents((order.price as { total: unknown }).total);

jest.setTimeout(300_000);

const STATIC_DATA_MAX_BYTES = 48 * 1024;
const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';
const totalCalls = (counts: Record<string, number>) =>
	Object.values(counts).reduce((sum, count) => sum + count, 0);

describe('Mijnwebwinkel Trigger with 10,000 orders in the shop', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		// The seed ends two hours ago: its last status changes then lie outside the one-hour overlap of "now".
		const seedEnd = new Date(Date.now() - 2 * 60 * 60 * 1000);
		sb = await startSandbox({ shop: { seed: { count: 10_000, seed: 11 }, now: () => seedEnd } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('imports them all with bounded static data, then polls 20 changes in a handful of calls', async () => {
		const since = daysAgo(61);
		const expected = sb.shop
			.orders()
			.filter((order) => shouldEmit(order) && changedAt(order) >= `${since} 00:00:00`)
			.map((order) => String(order.number));
		// Credit orders and orders totalling 0.00 have no transactions: the trigger does not ask for them.
		const withTransactions = new Set(
			sb.shop
				.orders()
				.filter((order) => categorizeOrder(order) === 'finishedPaid')
				.filter((order) => cents(order) !== 0)
				.map((order) => String(order.number)),
		);
		const trigger = triggerFor(sb, {
			finishedStatuses: [4, 6],
			importSince: since,
			options: { maxOrdersPerPoll: 1000 },
		});
		const poll = async () => {
			sb.shop.resetCounts();
			const batch = await trigger.numbers();
			const size = JSON.stringify(trigger.staticData).length;
			expect(size).toBeLessThan(STATIC_DATA_MAX_BYTES);
			const counts = sb.shop.counts();
			const payments = counts[PAYMENTS_ROUTE] ?? 0;
			// Include Payments (the default): exactly one payments call per emitted order that has transactions.
			expect(payments).toBe(batch.filter((number) => withTransactions.has(number)).length);
			return { batch, calls: totalCalls(counts) - payments, payments, size };
		};

		const emitted: string[] = [];
		const importCalls: number[] = [];
		const paymentCalls: number[] = [];
		const sizes: number[] = [];
		for (let round = 0; round < 30; round++) {
			const { batch, calls, payments, size } = await poll();
			importCalls.push(calls);
			paymentCalls.push(payments);
			sizes.push(size);
			emitted.push(...batch);
			expect(batch.length).toBeLessThanOrEqual(1000);
			if (batch.length === 0 && emitted.length > 0) break;
		}
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(new Set(emitted)).toEqual(new Set(expected));
		expect(Math.max(...importCalls)).toBeLessThanOrEqual(1 + 40 + 5);

		// The first polls after the import sweep the unpaid orders of the last weeks, five pages at a time.
		const sweepCalls: number[] = [];
		const state = () => trigger.staticData[STATE_KEY] as { recheck?: unknown };
		while (state().recheck !== undefined && sweepCalls.length < 20)
			sweepCalls.push((await poll()).calls);
		expect(state().recheck).toBeUndefined();
		expect(Math.max(...sweepCalls, 0)).toBeLessThanOrEqual(1 + 1 + 5);

		const shipped = sb.shop
			.orders()
			.filter((order) => order.status === 3 && !order.test)
			.slice(-20);
		expect(shipped).toHaveLength(20);
		for (const order of shipped) {
			sb.shop.setStatus(String(order.number), 4, new Date());
			sb.shop.setPaymentStatus(String(order.number), 'captured');
		}
		for (const order of shipped) withTransactions.add(String(order.number));
		const changes = await poll();
		expect(changes.batch.sort()).toEqual(shipped.map((order) => String(order.number)).sort());
		expect(changes.calls).toBeLessThanOrEqual(3);
		expect(changes.payments).toBe(20);

		const quiet = await poll();
		expect(quiet.batch).toEqual([]);
		expect(quiet.calls).toBeLessThanOrEqual(3);

		console.log(
			`10,000 orders: ${emitted.length} imported in ${importCalls.length} polls (list calls ${importCalls.join(', ')}; ` +
				`payments calls ${paymentCalls.join(', ')}); ` +
				`re-check sweep calls ${sweepCalls.join(', ')}; 20 changes: ${changes.calls} list calls + ${changes.payments} payments calls; quiet poll: ` +
				`${quiet.calls} calls; static data at most ${Math.max(...sizes, changes.size, quiet.size)} bytes`,
		);
	});
});
