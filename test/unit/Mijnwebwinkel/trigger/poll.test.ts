import type { PollSettings } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { sampleNewest } from '../../../../nodes/Mijnwebwinkel/trigger/sample';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { EMITTED_MAX, UNPAID_MAX } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { rules } from '../helpers/pollSetup';

const settings = (overrides: Partial<PollSettings> = {}): PollSettings => ({
	since: '',
	overlapMinutes: 60,
	maxOrdersPerPoll: 250,
	recheckDays: 21,
	includeTestOrders: false,
	...overrides,
});

const numbers = (output: unknown[]) =>
	output.map((order) => Number((order as { number: number }).number));

/** Runs polls like n8n: the state of one is the input of the next. */
class Poller {
	state: TriggerState | undefined;
	constructor(
		private shop: FakeShop,
		private options: Partial<PollSettings> = {},
	) {}
	async poll(shopTime: string, limits: { maxPages?: number } = {}) {
		const { output, state } = await runPoll(
			this.state,
			settings(this.options),
			rules,
			this.shop.io(() => winterMoment(shopTime), limits),
		);
		this.state = JSON.parse(JSON.stringify(state)) as TriggerState;
		return numbers(output);
	}
}

describe('runPoll: first activation without a date', () => {
	it('emits nothing, starts the cursor now, and does not emit later what had already qualified', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 13:40:00');
		shop.add(3, '2025-02-10 13:50:00', { payment_status: 'pending' });
		const poller = new Poller(shop);

		expect(await poller.poll('2025-02-10 14:00:00')).toEqual([]);
		expect(poller.state?.cursor).toBe('2025-02-10 14:00:00');

		shop.add(4, '2025-02-10 14:05:00');
		expect(await poller.poll('2025-02-10 14:15:00')).toEqual([4]);
		expect(await poller.poll('2025-02-10 14:30:00')).toEqual([]);
	});

	it('emits an order unpaid at activation once it is paid', async () => {
		const shop = new FakeShop();
		shop.add(3, '2025-02-10 13:50:00', { payment_status: 'pending' });
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 14:00:00');
		expect(poller.state?.unpaid.map(([number]) => number)).toEqual(['3']);

		shop.change(3, '2025-02-10 13:50:00', { payment_status: 'captured' });
		expect(await poller.poll('2025-02-11 09:00:00')).toEqual([3]);
		expect(poller.state?.unpaid).toEqual([]);
	});
});

describe('runPoll: history from a date', () => {
	it('brings every qualifying order since that day in over several polls, each once, at most the per-poll max', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 700; number++) {
			const day = String(1 + (number % 28)).padStart(2, '0');
			const kind = number % 7;
			shop.add(number, `2025-01-${day} 12:00:00`, {
				status: kind === 5 ? 5 : kind === 6 ? 10 : 4,
				payment_status: kind === 3 ? 'pending' : kind === 6 ? undefined : 'captured',
				test: number % 50 === 0,
			});
		}
		shop.add(701, '2024-12-20 12:00:00');
		const expected = shop.orders
			.filter((order) => !order.test && order.status_changed_date >= '2025-01-01')
			.filter(
				(order) =>
					order.status === 10 || (order.status === 4 && order.payment_status === 'captured'),
			)
			.map((order) => Number(order.number));

		// 500 of kinds 0, 1, 2, 4 (paid) and 6 (credit); minus 10 of them that are test orders (50, 100, … 700).
		expect(expected).toHaveLength(490);
		const poller = new Poller(shop, { since: '2025-01-01 00:00:00', maxOrdersPerPoll: 200 });
		const batches: number[][] = [];
		for (let poll = 0; poll < 6; poll++) {
			batches.push(await poller.poll(`2025-02-10 14:${String(poll * 5).padStart(2, '0')}:00`));
		}
		expect(batches.map((batch) => batch.length)).toEqual([200, 200, 90, 0, 0, 0]);
		const all = batches.flat();
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort((a, b) => a - b)).toEqual(expected);
		expect(poller.state?.scan).toBeUndefined();
	});

	it('resumes where a poll stopped for the page cap or the poll budget', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 450; number++) shop.add(number, '2025-01-05 12:00:00');
		const poller = new Poller(shop, { since: '2025-01-01 00:00:00', maxOrdersPerPoll: 1000 });
		expect(await poller.poll('2025-02-10 14:00:00', { maxPages: 2 })).toHaveLength(200);
		expect(poller.state?.scan?.offset).toBe(200);
		expect(await poller.poll('2025-02-10 14:05:00', { maxPages: 2 })).toHaveLength(200);
		expect(await poller.poll('2025-02-10 14:10:00', { maxPages: 2 })).toHaveLength(50);
		expect(poller.state?.scan).toBeUndefined();
	});

	it('imports again from a newly set date, without repeating what is remembered', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-01-02 12:00:00');
		shop.add(2, '2025-02-10 13:30:00');
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 14:00:00');
		shop.add(3, '2025-02-10 14:10:00');
		expect(await poller.poll('2025-02-10 14:15:00')).toEqual([3]);

		const again = new Poller(shop, { since: '2025-01-01 00:00:00' });
		again.state = poller.state;
		expect(await again.poll('2025-02-10 14:30:00')).toEqual([1]);
	});
});

describe('runPoll: exactly once', () => {
	it('emits an order changed again inside the overlap once', async () => {
		const shop = new FakeShop();
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 14:00:00');
		shop.add(10, '2025-02-10 14:05:00');
		expect(await poller.poll('2025-02-10 14:15:00')).toEqual([10]);
		shop.change(10, '2025-02-10 14:20:00');
		shop.add(11, '2025-02-10 14:21:00');
		expect(await poller.poll('2025-02-10 14:30:00')).toEqual([11]);
		expect(await poller.poll('2025-02-10 14:45:00')).toEqual([]);
	});

	it('loses nothing and repeats nothing when orders change while a poll is paging', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 250; number++)
			shop.add(number, '2025-02-10 09:00:00', { status: 3 });
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 14:00:00');
		for (let number = 101; number <= 250; number++)
			shop.change(number, '2025-02-10 14:05:00', { status: 4 });
		const callsBefore = shop.calls.length;
		shop.afterPage = (call) => {
			if (call !== callsBefore + 1) return;
			for (const number of [5, 6, 7]) shop.change(number, '2025-02-10 14:12:00', { status: 4 });
			shop.add(251, '2025-02-10 14:12:30');
		};
		const first = await poller.poll('2025-02-10 14:10:00');
		shop.afterPage = undefined;
		const second = await poller.poll('2025-02-10 14:25:00');
		const all = [...first, ...second];
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort((a, b) => a - b)).toEqual([
			5,
			6,
			7,
			...Array.from({ length: 150 }, (_, i) => 101 + i),
			251,
		]);
	});

	it('survives a restart: state saved as JSON carries on without repeats', async () => {
		const shop = new FakeShop();
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 14:00:00');
		shop.add(1, '2025-02-10 14:01:00');
		await poller.poll('2025-02-10 14:15:00');
		const restarted = new Poller(shop);
		restarted.state = JSON.parse(JSON.stringify(poller.state)) as TriggerState;
		shop.add(2, '2025-02-10 14:16:00');
		expect(await restarted.poll('2025-02-10 14:30:00')).toEqual([2]);
	});
});

describe('runPoll: payments arriving later', () => {
	it('catches a payment that comes without a status change, with a few list queries', async () => {
		const shop = new FakeShop();
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 08:00:00');
		for (let number = 1; number <= 12; number++) {
			shop.add(number, `2025-02-10 08:${String(number * 4).padStart(2, '0')}:00`, {
				payment_status: 'pending',
			});
		}
		expect(await poller.poll('2025-02-10 09:00:00')).toEqual([]);
		expect(poller.state?.unpaid).toHaveLength(12);

		shop.change(7, '2025-02-10 08:28:00', { payment_status: 'captured' });
		shop.calls = [];
		expect(await poller.poll('2025-02-12 10:00:00')).toEqual([7]);
		expect(shop.calls.length).toBeLessThanOrEqual(1 + 3);
		expect(poller.state?.unpaid).toHaveLength(11);
	});

	it('stops re-checking after the chosen number of days', async () => {
		const shop = new FakeShop();
		const poller = new Poller(shop, { recheckDays: 3 });
		await poller.poll('2025-02-10 08:00:00');
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'pending' });
		await poller.poll('2025-02-10 09:00:00');
		shop.add(2, '2025-02-13 08:00:00');
		expect(await poller.poll('2025-02-13 09:00:00')).toEqual([2]);
		expect(poller.state?.unpaid).toHaveLength(1);
		await poller.poll('2025-02-14 09:00:00');
		expect(poller.state?.unpaid).toEqual([]);
		shop.change(1, '2025-02-10 08:30:00', { payment_status: 'captured' });
		expect(await poller.poll('2025-02-15 09:00:00')).toEqual([]);
	});

	it('forgets an unpaid order that is cancelled', async () => {
		const shop = new FakeShop();
		const poller = new Poller(shop);
		await poller.poll('2025-02-10 08:00:00');
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'pending' });
		await poller.poll('2025-02-10 09:00:00');
		shop.change(1, '2025-02-10 09:10:00', { status: 5 });
		await poller.poll('2025-02-10 09:15:00');
		expect(poller.state?.unpaid).toEqual([]);
	});
});

describe('runPoll: re-check sweeps', () => {
	/** 7 unpaid orders spread over two hours between 600 paid ones, a day before the polls that re-check. */
	async function shopWithOldUnpaid() {
		const shop = new FakeShop();
		const poller = new Poller(shop, { maxOrdersPerPoll: 1000 });
		await poller.poll('2025-02-10 08:00:00');
		for (let number = 1; number <= 600; number++) {
			const minute = Math.floor((number - 1) / 5);
			shop.add(
				number,
				`2025-02-10 ${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`,
			);
		}
		const unpaidMinutes = [0, 15, 30, 45, 60, 75, 90];
		unpaidMinutes.forEach((minute, index) => {
			const time = `${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:30`;
			shop.add(1000 + index, `2025-02-10 ${time}`, { payment_status: 'pending' });
		});
		expect(await poller.poll('2025-02-10 12:00:00')).toHaveLength(600);
		expect(poller.state?.unpaid).toHaveLength(7);
		return { shop, poller };
	}

	it('sweeps large windows over several polls, five pages at a time, and finds a payment at the end', async () => {
		const { shop, poller } = await shopWithOldUnpaid();
		shop.change(1006, '2025-02-10 10:30:30', { payment_status: 'captured' });
		shop.calls = [];
		expect(await poller.poll('2025-02-11 09:00:00')).toEqual([]);
		expect(shop.calls).toHaveLength(1 + 5);
		expect(poller.state?.recheck).toBeDefined();
		shop.calls = [];
		expect(await poller.poll('2025-02-11 09:15:00')).toEqual([1006]);
		expect(shop.calls.length).toBeLessThanOrEqual(1 + 5);
		expect(poller.state?.unpaid).toHaveLength(6);
	});

	it('starts a new sweep at most once an hour', async () => {
		const { shop, poller } = await shopWithOldUnpaid();
		const callsOf = async (shopTime: string) => {
			shop.calls = [];
			await poller.poll(shopTime);
			return shop.calls.length;
		};
		const sweep = [await callsOf('2025-02-11 09:00:00'), await callsOf('2025-02-11 09:15:00')];
		expect(sweep[0]).toBe(6);
		expect(poller.state?.recheck).toBeUndefined();
		expect(poller.state?.recheckedAt).toBe('2025-02-11 09:15:00');
		expect(await callsOf('2025-02-11 09:30:00')).toBe(1);
		expect(await callsOf('2025-02-11 10:00:00')).toBe(1);
		expect(await callsOf('2025-02-11 10:15:00')).toBe(6);
	});
});

describe('runPoll: bounded', () => {
	it('keeps its state small with 10,000 orders, and a quiet poll costs one call', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 10_000; number++) {
			const day = String(1 + (number % 28)).padStart(2, '0');
			shop.add(number, `2025-01-${day} 12:00:00`, {
				payment_status: number % 9 === 0 ? 'pending' : 'captured',
			});
		}
		const poller = new Poller(shop, {
			since: '2025-01-01 00:00:00',
			maxOrdersPerPoll: 1000,
			recheckDays: 90,
		});
		let emitted = 0;
		for (let poll = 0; poll < 20; poll++) {
			emitted += (
				await poller.poll(
					`2025-02-10 1${Math.floor(poll / 6)}:${String((poll % 6) * 10).padStart(2, '0')}:00`,
				)
			).length;
			expect(JSON.stringify(poller.state).length).toBeLessThan(48 * 1024);
			expect(poller.state?.emitted.length).toBeLessThanOrEqual(EMITTED_MAX);
			expect(poller.state?.unpaid.length).toBeLessThanOrEqual(UNPAID_MAX);
		}
		expect(emitted).toBe(10_000 - Math.floor(10_000 / 9));
		shop.calls = [];
		for (let number = 1; number <= 20; number++)
			shop.change(number * 9 + 1, '2025-02-10 16:00:00', { status: 3 });
		expect(await poller.poll('2025-02-10 16:05:00')).toEqual([]);
		expect(shop.calls.length).toBeLessThanOrEqual(1 + 5);
	});
});

describe('sampleNewest (Fetch Test Event)', () => {
	it('returns the newest matching orders, newest first', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 150; number++) {
			shop.add(number, '2025-02-10 12:00:00', {
				payment_status: number % 2 ? 'captured' : 'pending',
			});
		}
		const io = shop.io(() => new Date());
		expect(numbers(await sampleNewest(io, rules, false))).toEqual([149, 147, 145, 143, 141]);
	});
});
