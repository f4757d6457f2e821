import {
	backoffFor,
	clearBackoffs,
	SharedBackoff,
	type Clock,
} from '../../../nodes/shared/backoff';
import {
	SharedBackoff as FromPool,
	backoffFor as backoffForFromPool,
} from '../../../nodes/shared/pool';

/** A clock that only moves when a sleep is called: every wait ends at once and is recorded. */
function jumpingClock() {
	let now = 0;
	const sleeps: number[] = [];
	const clock: Clock = {
		now: () => now,
		sleep: async (ms) => {
			sleeps.push(ms);
			now += ms;
		},
	};
	return { clock, sleeps, move: (ms: number) => (now += ms) };
}

describe('SharedBackoff: a pause too long to sit out', () => {
	it('arm() sets the pause without waiting; pass() then waits for it when it is short enough', async () => {
		const { clock, sleeps } = jumpingClock();
		const backoff = new SharedBackoff(clock);
		backoff.arm(3_000);
		expect(sleeps).toEqual([]);
		expect(backoff.remainingMs()).toBe(3_000);
		await expect(backoff.pass(60_000)).resolves.toBe(true);
		expect(sleeps).toEqual([3_000]);
	});

	it('pass(max) answers false at once, without waiting, while the pause lasts longer than max', async () => {
		const { clock, sleeps, move } = jumpingClock();
		const backoff = new SharedBackoff(clock);
		backoff.arm(600_000);
		await expect(backoff.pass(60_000)).resolves.toBe(false);
		expect(sleeps).toEqual([]);
		move(540_000); // a minute left: now it is waited for
		await expect(backoff.pass(60_000)).resolves.toBe(true);
		expect(sleeps).toEqual([60_000]);
	});

	it('a shorter arm never shortens a longer pause', () => {
		const { clock } = jumpingClock();
		const backoff = new SharedBackoff(clock);
		backoff.arm(10_000);
		backoff.arm(1_000);
		backoff.arm(-5);
		expect(backoff.remainingMs()).toBe(10_000);
	});
});

describe('backoffFor', () => {
	afterEach(() => clearBackoffs());

	it('gives one pause per key, the same from pool.ts, where the e-Boekhouden node imports it', () => {
		expect(backoffFor('mijnwebwinkelApi|1|http://shop')).toBe(
			backoffForFromPool('mijnwebwinkelApi|1|http://shop'),
		);
		expect(backoffFor('mijnwebwinkelApi|1|http://shop')).not.toBe(
			backoffFor('eBoekhoudenApi|1|http://books'),
		);
		expect(FromPool).toBe(SharedBackoff);
	});
});

describe('SharedBackoff.hold on a clock that ticks while it runs', () => {
	it('waits exactly what Retry-After asked, not a millisecond more, when the clock moves between reads', async () => {
		let now = 0;
		const sleeps: number[] = [];
		const ticking: Clock = {
			// Every read of the time is a millisecond later, as on a busy machine.
			now: () => now++,
			sleep: async (ms) => {
				sleeps.push(ms);
				now += ms;
			},
		};
		await new SharedBackoff(ticking).hold(7_000);
		expect(sleeps).toEqual([7_000]);
	});
});
