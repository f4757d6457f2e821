import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { STATE_KEY } from '../../../nodes/Mijnwebwinkel/trigger/state';
import { changedAt, daysAgo, newOrder, shouldEmit, triggerFor } from './setup';

jest.setTimeout(60_000);

const FINISHED = { finishedStatuses: [4, 6] };

describe('Mijnwebwinkel Trigger against the sandbox shop', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ shop: { seed: { count: 300, seed: 7 } } });
	});
	afterEach(async () => {
		await sb.close();
	});

	it('brings history from a date in complete over several polls, at most the per-poll max each', async () => {
		const since = daysAgo(45);
		const expected = sb.shop
			.orders()
			.filter((order) => shouldEmit(order) && changedAt(order) >= `${since} 00:00:00`)
			.map((order) => String(order.number))
			.sort();
		expect(expected.length).toBeGreaterThan(100);
		const trigger = triggerFor(sb, {
			...FINISHED,
			importSince: since,
			options: { maxOrdersPerPoll: 40 },
		});
		const batches: string[][] = [];
		for (let poll = 0; poll < 12; poll++) batches.push(await trigger.numbers());
		expect(batches.every((batch) => batch.length <= 40)).toBe(true);
		expect(batches.filter((batch) => batch.length === 40).length).toBeGreaterThanOrEqual(3);
		const all = batches.flat();
		expect(new Set(all).size).toBe(all.length);
		expect([...all].sort()).toEqual(expected);
		expect(batches.slice(-2)).toEqual([[], []]);
	});

	it('starts at "now" without a date, emits nothing at activation, then each newly finished order once', async () => {
		const trigger = triggerFor(sb, FINISHED);
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.numbers()).toEqual([]);

		sb.shop.addOrder(newOrder(90001));
		const waiting = sb.shop.orders().find((order) => order.status === 3 && !order.test);
		if (!waiting) throw new Error('the seed has no shipped order');
		sb.shop.setStatus(String(waiting.number), 4);
		sb.shop.setPaymentStatus(String(waiting.number), 'captured');
		expect((await trigger.numbers()).sort()).toEqual([String(waiting.number), '90001'].sort());
		expect(await trigger.numbers()).toEqual([]);
	});

	it('catches an order that is paid after it was finished, without a status change', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		sb.shop.addOrder(newOrder(90002, { payment_status: 'pending' }));
		expect(await trigger.numbers()).toEqual([]);
		sb.shop.setPaymentStatus(90002, 'captured');
		expect(await trigger.numbers()).toEqual(['90002']);
		expect(await trigger.numbers()).toEqual([]);
	});

	it('emits an order once when it changes again inside the overlap, and still catches a late change', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		sb.shop.addOrder(newOrder(90003));
		expect(await trigger.numbers()).toEqual(['90003']);
		sb.shop.setStatus(90003, 6);
		const late = sb.shop.orders().find((order) => order.status === 1 && !order.test);
		if (!late) throw new Error('the seed has no pending order');
		sb.shop.setPaymentStatus(String(late.number), 'captured');
		sb.shop.setStatus(String(late.number), 4, new Date(Date.now() - 30 * 60_000));
		expect(await trigger.numbers()).toEqual([String(late.number)]);
		expect(await trigger.numbers()).toEqual([]);
	});

	it('emits orders that change while a poll is paging exactly once', async () => {
		const since = daysAgo(70);
		const trigger = triggerFor(sb, {
			...FINISHED,
			importSince: since,
			options: { maxOrdersPerPoll: 1000 },
		});
		const expected = new Set(
			sb.shop
				.orders()
				.filter((order) => shouldEmit(order) && changedAt(order) >= `${since} 00:00:00`)
				.map((order) => String(order.number)),
		);
		sb.shop.faults.add({ path: '/v1/orders', delayMs: 0, times: 1 });
		sb.shop.faults.add({ path: '/v1/orders', delayMs: 1500, times: 1 });
		const polling = trigger.numbers();
		while (sb.shop.faults.list().length > 0) await new Promise((resolve) => setImmediate(resolve));
		// Old orders (outside the window) that now change enter it before the offset being read: the page
		// being read shifts, so orders already read come again (dropped) and the newcomers wait for the next poll.
		const entering = sb.shop
			.orders()
			.filter((order) => !order.test && changedAt(order) < `${since} 00:00:00`)
			.slice(0, 3);
		expect(entering).toHaveLength(3);
		for (const order of entering) {
			sb.shop.setStatus(String(order.number), 4);
			sb.shop.setPaymentStatus(String(order.number), 'captured');
			expected.add(String(order.number));
		}
		sb.shop.addOrder(newOrder(90004));
		expected.add('90004');
		const first = await polling;
		const all = [...first, ...(await trigger.numbers()), ...(await trigger.numbers())];
		expect(new Set(all).size).toBe(all.length);
		expect(new Set(all)).toEqual(expected);
	});

	it('carries on after a restart from the saved static data, without repeats', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		sb.shop.addOrder(newOrder(90005));
		expect(await trigger.numbers()).toEqual(['90005']);
		const saved = JSON.parse(JSON.stringify(trigger.staticData));
		const restarted = triggerFor(sb, FINISHED, saved);
		sb.shop.addOrder(newOrder(90006));
		expect(await restarted.numbers()).toEqual(['90006']);
		expect(await restarted.numbers()).toEqual([]);
	});

	it('lets credit orders through, and never unpaid, cancelled or test orders', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		const original = sb.shop
			.orders()
			.find((order) => order.status === 4 && order.payment_status === 'captured');
		if (!original) throw new Error('the seed has no finished, paid order');
		sb.shop.addOrder(
			newOrder(90010, {
				status: 10,
				payment_status: null,
				credited_order_number: Number(original.number),
			}),
		);
		sb.shop.addOrder(newOrder(90011, { payment_status: 'pending' }));
		sb.shop.addOrder(newOrder(90012, { status: 5 }));
		sb.shop.addOrder(newOrder(90013, { test: true }));
		expect(await trigger.numbers()).toEqual(['90010']);

		const withTests = triggerFor(sb, { ...FINISHED, options: { includeTestOrders: true } });
		await withTests.poll();
		sb.shop.addOrder(newOrder(90014, { test: true }));
		expect(await withTests.numbers()).toEqual(['90014']);
	});

	it('Fetch Test Event returns the newest matching orders and leaves the state alone', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		const before = JSON.stringify(trigger.staticData);
		const sample = await trigger.poll('manual');
		const numbers = (sample?.[0] ?? []).map((item) => Number(item.json.number));
		expect(numbers.length).toBeGreaterThan(0);
		expect(numbers.length).toBeLessThanOrEqual(5);
		expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
		const newest = sb.shop
			.orders()
			.filter((order) => shouldEmit(order) && !order.test)
			.map((order) => Number(order.number))
			.sort((a, b) => b - a)
			.slice(0, numbers.length);
		expect(numbers).toEqual(newest);
		expect(JSON.stringify(trigger.staticData)).toBe(before);

		const fresh = triggerFor(sb, FINISHED);
		await fresh.poll('manual');
		expect(fresh.staticData).toEqual({});
	});

	it('says at activation whether the tokens were wrong or the shop unreachable', async () => {
		const wrongStore = triggerFor(sb, FINISHED);
		const poll = async (credentials: Record<string, string>) => {
			const { pollNode } = await import('../../harness');
			const { MijnwebwinkelTrigger } =
				await import('../../../nodes/Mijnwebwinkel/MijnwebwinkelTrigger.node');
			return await pollNode(new MijnwebwinkelTrigger(), {
				parameters: FINISHED,
				credentials: { mijnwebwinkelApi: { ...credentials } },
				staticData: wrongStore.staticData,
			});
		};
		const base = {
			storeToken: 'sandbox-store-token',
			partnerToken: 'sandbox-partner-token',
			baseUrl: sb.shopUrl,
		};
		await expect(poll({ ...base, storeToken: 'not-the-store-token' })).rejects.toThrow(
			'Mijnwebwinkel refused the store token',
		);
		await expect(poll({ ...base, partnerToken: 'not-the-partner-token' })).rejects.toThrow(
			'Mijnwebwinkel refused the partner token',
		);
		const closed = await startSandbox();
		const closedUrl = closed.shopUrl;
		await closed.close();
		await expect(poll({ ...base, baseUrl: closedUrl })).rejects.toThrow(
			`Could not reach the Mijnwebwinkel API at ${closedUrl}`,
		);
		expect(wrongStore.staticData[STATE_KEY]).toBeUndefined();
	});
});
