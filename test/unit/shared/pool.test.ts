import type { IDataObject } from 'n8n-workflow';

import { withKeyLock } from '../../../nodes/EBoekhouden/booking/keyLock';
import {
	DEFAULT_REQUESTS_IN_PARALLEL,
	MAX_REQUESTS_IN_PARALLEL,
	SharedBackoff,
	requestsInParallel,
	runPerItemInPool,
	settleInPool,
	type Clock,
} from '../../../nodes/shared/pool';
import { fakeContext } from '../../support/executeContext';

/** A promise the test settles by hand, to decide the order in which work finishes. */
function deferred<T = void>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((ok, fail) => {
		resolve = ok;
		reject = fail;
	});
	return { promise, resolve, reject };
}

const flush = async () => {
	for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Work that records how many run at once; each piece waits for the test to finish it. */
function gauge(count: number) {
	const gates = Array.from({ length: count }, () => deferred<string>());
	const started: number[] = [];
	let running = 0;
	let peak = 0;
	const work = async (index: number) => {
		started.push(index);
		running++;
		peak = Math.max(peak, running);
		try {
			return await gates[index].promise;
		} finally {
			running--;
		}
	};
	return { gates, started, work, peak: () => peak, running: () => running };
}

describe('settleInPool', () => {
	it('never runs more than the width at once, starts in input order and returns results by index', async () => {
		const { gates, started, work, peak, running } = gauge(10);
		const done = settleInPool(10, 3, work);
		await flush();
		expect(started).toEqual([0, 1, 2]);
		// Finish them back to front as far as possible: a free lane takes the next index.
		gates[2].resolve('c');
		await flush();
		expect(started).toEqual([0, 1, 2, 3]);
		for (let index = 9; index >= 0; index--) {
			gates[index].resolve(String.fromCharCode(97 + index));
			await flush();
			expect(running()).toBeLessThanOrEqual(3);
		}
		const results = await done;
		expect(peak()).toBe(3);
		expect(results.map((result) => (result?.ok ? result.value : 'x'))).toEqual([...'abcdefghij']);
	});

	it('width 1 is one after the other', async () => {
		const { gates, started, work, peak } = gauge(3);
		const done = settleInPool(3, 1, work);
		await flush();
		expect(started).toEqual([0]);
		gates[0].resolve('a');
		await flush();
		expect(started).toEqual([0, 1]);
		gates[1].resolve('b');
		gates[2].resolve('c');
		await done;
		expect(peak()).toBe(1);
	});

	it('keeps a failure with its item and carries on with the others', async () => {
		const results = await settleInPool(4, 2, async (index) => {
			if (index === 1) throw new Error('item 1 failed');
			return index * 10;
		});
		expect(results).toEqual([
			{ ok: true, value: 0 },
			{ ok: false, error: new Error('item 1 failed') },
			{ ok: true, value: 20 },
			{ ok: true, value: 30 },
		]);
	});

	it('with stopOnError starts nothing new after a failure, but lets the running items finish', async () => {
		const { gates, started, work } = gauge(6);
		const done = settleInPool(6, 2, work, { stopOnError: true });
		await flush();
		gates[0].reject(new Error('first failed'));
		await flush();
		expect(started).toEqual([0, 1]);
		gates[1].resolve('b');
		const results = await done;
		expect(started).toEqual([0, 1]);
		expect(results[0]).toEqual({ ok: false, error: new Error('first failed') });
		expect(results[1]).toEqual({ ok: true, value: 'b' });
		expect(results.slice(2)).toEqual([undefined, undefined, undefined, undefined]);
	});

	it('handles no items and a width beyond the items', async () => {
		expect(await settleInPool(0, 4, async () => 1)).toEqual([]);
		expect(await settleInPool(2, 50, async (index) => index)).toEqual([
			{ ok: true, value: 0 },
			{ ok: true, value: 1 },
		]);
	});

	it('with many items of one key and width 8, work on that key never overlaps (the locks hold in the pool)', async () => {
		const busy = new Map<string, number>();
		const overlaps: string[] = [];
		let peak = 0;
		let running = 0;
		const keys = Array.from({ length: 64 }, (_, index) => `customer-${index % 3}`);
		await settleInPool(keys.length, 8, async (index) => {
			running++;
			peak = Math.max(peak, running);
			try {
				return await withKeyLock(keys[index], async () => {
					const key = keys[index];
					if (busy.get(key)) overlaps.push(`${key} at item ${index}`);
					busy.set(key, 1);
					await flush();
					busy.set(key, 0);
					return index;
				});
			} finally {
				running--;
			}
		});
		expect(overlaps).toEqual([]);
		expect(peak).toBe(8);
	});
});

describe('runPerItemInPool: the per-item loop, several items at once', () => {
	const items = (count: number) =>
		Array.from({ length: count }, (_, index) => ({ json: { n: index } as IDataObject }));

	it('outputs in input order with pairedItem, whatever order the items finish in', async () => {
		const ctx = fakeContext({ parameters: {}, items: items(5) });
		const gates = Array.from({ length: 5 }, () => deferred());
		const run = runPerItemInPool(
			ctx,
			async (itemIndex, item) => {
				await gates[itemIndex].promise;
				return itemIndex === 3
					? [
							{ n: item.json.n, part: 1 },
							{ n: item.json.n, part: 2 },
						]
					: item.json;
			},
			5,
		);
		for (const index of [4, 2, 0, 3, 1]) {
			gates[index].resolve();
			await flush();
		}
		const [output] = await run;
		expect(output.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ n: 0 }, { item: 0 }],
			[{ n: 1 }, { item: 1 }],
			[{ n: 2 }, { item: 2 }],
			[{ n: 3, part: 1 }, { item: 3 }],
			[{ n: 3, part: 2 }, { item: 3 }],
			[{ n: 4 }, { item: 4 }],
		]);
	});

	it('with Continue On Fail, a failed item becomes its error item in its place and the rest carry on', async () => {
		const ctx = fakeContext({ parameters: {}, items: items(4), continueOnFail: true });
		const [output] = await runPerItemInPool(
			ctx,
			async (itemIndex) => {
				if (itemIndex === 1 || itemIndex === 2)
					throw Object.assign(new Error(`Order ${itemIndex} is broken`), {
						orderNumber: String(itemIndex),
						field: 'email',
					});
				return { ok: itemIndex };
			},
			4,
		);
		expect(output.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ ok: 0 }, { item: 0 }],
			[
				{
					error: 'Order 1 is broken',
					details: expect.objectContaining({ orderNumber: '1', field: 'email' }),
				},
				{ item: 1 },
			],
			[
				{
					error: 'Order 2 is broken',
					details: expect.objectContaining({ orderNumber: '2', field: 'email' }),
				},
				{ item: 2 },
			],
			[{ ok: 3 }, { item: 3 }],
		]);
	});

	it('without Continue On Fail, fails with the first failed item (by input order), naming it, even when a later one failed first', async () => {
		const ctx = fakeContext({ parameters: {}, items: items(6) });
		const gates = Array.from({ length: 6 }, () => deferred());
		const started: number[] = [];
		const run = runPerItemInPool(
			ctx,
			async (itemIndex) => {
				started.push(itemIndex);
				await gates[itemIndex].promise;
				return { ok: itemIndex };
			},
			3,
		);
		await flush();
		gates[2].reject(new Error('item 2 failed'));
		await flush();
		gates[1].reject(new Error('item 1 failed'));
		gates[0].resolve();
		await expect(run).rejects.toMatchObject({
			message: 'item 1 failed',
			context: { itemIndex: 1 },
		});
		// Nothing was started after the first failure was known.
		expect(started).toEqual([0, 1, 2]);
	});

	it('reads its width from the Requests in Parallel option, whole and within 1…max', () => {
		const width = (value: unknown) =>
			requestsInParallel(
				fakeContext({ parameters: { 'options.requestsInParallel': value as number } }),
			);
		expect(requestsInParallel(fakeContext({ parameters: {} }))).toBe(DEFAULT_REQUESTS_IN_PARALLEL);
		expect(width(3)).toBe(3);
		expect(width(0)).toBe(1);
		expect(width(-4)).toBe(1);
		expect(width(2.7)).toBe(2);
		expect(width(1000)).toBe(MAX_REQUESTS_IN_PARALLEL);
		expect(width('abc')).toBe(DEFAULT_REQUESTS_IN_PARALLEL);
	});
});

/** A clock whose time moves only when the test says; sleeps end when their time has come. */
function manualClock() {
	let now = 1_000_000;
	const sleepers: Array<{ at: number; wake: () => void }> = [];
	const clock: Clock = {
		now: () => now,
		sleep: (ms) =>
			new Promise<void>((resolve) => {
				sleepers.push({ at: now + ms, wake: resolve });
			}),
	};
	const advance = async (ms: number) => {
		now += ms;
		for (const sleeper of [...sleepers]) {
			if (sleeper.at <= now) {
				sleepers.splice(sleepers.indexOf(sleeper), 1);
				sleeper.wake();
			}
		}
		await flush();
	};
	return { clock, advance, now: () => now };
}

describe('SharedBackoff: one pause for every request', () => {
	it('a 429 pauses every request of the pool until its Retry-After has passed, then they go on', async () => {
		const { clock, advance, now } = manualClock();
		const backoff = new SharedBackoff(clock);
		const sent: Array<{ item: number; at: number }> = [];
		let refused = false;
		const request = async (item: number) => {
			for (;;) {
				await backoff.pass();
				sent.push({ item, at: now() });
				await clock.sleep(100); // the network
				if (item === 0 && !refused) {
					refused = true;
					await backoff.hold(5_000);
					continue;
				}
				return item;
			}
		};
		const done = settleInPool(12, 4, async (item) => await request(item));
		await flush();
		expect(sent.map(({ item }) => item)).toEqual([0, 1, 2, 3]);
		await advance(100); // item 0 refused, 1–3 answered: nothing may be sent for 5 s
		expect(backoff.remainingMs()).toBe(5_000);
		for (let elapsed = 0; elapsed < 4_900; elapsed += 100) await advance(100);
		expect(sent.filter(({ at }) => at > 1_000_100)).toEqual([]);
		await advance(100);
		const afterPause = sent.filter(({ at }) => at > 1_000_100);
		expect(afterPause.map(({ at }) => at)).toEqual([1_005_100, 1_005_100, 1_005_100, 1_005_100]);
		expect(afterPause.map(({ item }) => item).sort((a, b) => a - b)).toEqual([0, 4, 5, 6]);
		for (let step = 0; step < 10; step++) await advance(100);
		const results = await done;
		expect(results.map((result) => (result?.ok ? result.value : undefined))).toEqual([
			0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
		]);
	});

	it('a longer Retry-After extends the pause for everyone; a shorter one never shortens it', async () => {
		const { clock, advance } = manualClock();
		const backoff = new SharedBackoff(clock);
		let firstDone = false;
		let waiterDone = false;
		void backoff.hold(3_000).then(() => (firstDone = true));
		const waiter = backoff.pass().then(() => (waiterDone = true));
		await advance(1_000);
		void backoff.hold(10_000); // a second refusal: 10 s from now
		void backoff.hold(500); // a short one changes nothing
		expect(backoff.remainingMs()).toBe(10_000);
		await advance(2_000); // the first pause would have ended here
		expect(firstDone).toBe(false);
		expect(waiterDone).toBe(false);
		await advance(8_000);
		await waiter;
		expect(firstDone).toBe(true);
		expect(backoff.remainingMs()).toBe(0);
	});

	it('without a pause, pass() does not wait at all', async () => {
		const sleep = jest.fn(async () => undefined);
		const backoff = new SharedBackoff({ now: () => 5, sleep });
		await backoff.pass();
		await backoff.pass();
		expect(sleep).not.toHaveBeenCalled();
	});

	it('works with the real clock under fake timers (n8n sleep)', async () => {
		jest.useFakeTimers();
		try {
			const backoff = new SharedBackoff();
			let passed = false;
			void backoff.hold(2_000);
			const waiting = backoff.pass().then(() => (passed = true));
			await jest.advanceTimersByTimeAsync(1_999);
			expect(passed).toBe(false);
			await jest.advanceTimersByTimeAsync(1);
			await waiting;
			expect(passed).toBe(true);
		} finally {
			jest.useRealTimers();
		}
	});
});
