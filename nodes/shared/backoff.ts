import { sleep } from 'n8n-workflow';

/** What the back-off reads the time from and waits with; a test gives its own. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
};

/**
 * One pause shared by every request to one API account from this process: a 429 arms it (for its Retry-After),
 * and every request waits for it to end before it is sent, so a burst of refusals is one pause, not a retry storm.
 * A later, longer Retry-After extends it; a shorter one never shortens it. Used by both the e-Boekhouden and the
 * Mijnwebwinkel transport (each with its own key, see backoffFor).
 */
export class SharedBackoff {
	private until = 0;

	constructor(private readonly clock: Clock = realClock) {}

	/** Milliseconds left of the pause (0 when none). */
	remainingMs(): number {
		return Math.max(0, this.until - this.clock.now());
	}

	/**
	 * Before a request: waits while the pause lasts, also when it is extended meanwhile. When the pause lasts
	 * longer than `maxWaitMs`, it does not wait at all and answers false: the caller must not send.
	 */
	async pass(maxWaitMs = Infinity): Promise<boolean> {
		for (;;) {
			const target = this.until;
			const left = target - this.clock.now();
			if (left <= 0) return true;
			if (left > maxWaitMs) return false;
			await this.clock.sleep(left);
			if (this.until === target) return true;
		}
	}

	/** Nobody sends for `ms` from now (or longer, when a pause already lasts longer); does not wait itself. */
	arm(ms: number, now = this.clock.now()): void {
		this.until = Math.max(this.until, now + Math.max(0, ms));
	}

	/** After a refusal: arms the pause for `ms` and waits it out, also when it is extended meanwhile. */
	async hold(ms: number): Promise<void> {
		// One reading of the time, so the wait is what was asked even when the clock ticks in between.
		const now = this.clock.now();
		this.arm(ms, now);
		const target = this.until;
		if (target > now) await this.clock.sleep(target - now);
		if (this.until !== target) await this.pass();
	}
}

const MAX_BACKOFFS = 100;
const backoffs = new Map<string, SharedBackoff>();

/**
 * The back-off of one API account in this process (key: API, credential and base URL, never a token). Every
 * execution, and every reader within it, that talks to that account shares it.
 */
export function backoffFor(key: string): SharedBackoff {
	let backoff = backoffs.get(key);
	if (!backoff) {
		backoff = new SharedBackoff();
		backoffs.set(key, backoff);
		if (backoffs.size > MAX_BACKOFFS) backoffs.delete(backoffs.keys().next().value as string);
	}
	return backoff;
}

/** Forgets every pause (for tests that reuse one base URL). */
export function clearBackoffs(): void {
	backoffs.clear();
}
