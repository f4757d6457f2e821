/**
 * What an API told this process, kept per key (a shop, an administration, an execution) for a few minutes and shared
 * by every node and execution in it: a history import that runs one month per execution, or a poll every few minutes,
 * then reads a status table, a ledger list or a relation listing once instead of once per run.
 *
 * - A kept value is used for `minutes` after it was read; with `renewOnUse`, after it was last used instead.
 * - At most `maxKeys` keys are kept; the one used longest ago goes first.
 * - `fresh` reads again (a code or status the kept value does not know may be new), unless the kept value was read
 *   less than `recentMs` ago: a batch full of one unknown code then costs one read, not one each.
 * - A read that fails is not kept; the next caller reads again.
 */
export interface KeeperOptions {
	minutes: number;
	maxKeys: number;
	recentMs?: number;
	renewOnUse?: boolean;
}

export interface Kept<T> {
	value: T;
	/** True when the value came from what this process kept, not from a read just now. */
	kept: boolean;
}

interface Entry<T> {
	value: Promise<T>;
	readAt: number;
	usedAt: number;
}

export class Keeper<T> {
	private readonly entries = new Map<string, Entry<T>>();

	constructor(
		private readonly options: KeeperOptions,
		private readonly now: () => number = () => Date.now(),
	) {}

	async get(
		key: string,
		read: () => Promise<T>,
		{ fresh = false }: { fresh?: boolean } = {},
	): Promise<Kept<T>> {
		const now = this.now();
		const entry = this.entries.get(key);
		if (entry && this.usable(entry, now, fresh)) {
			this.touch(key, entry, now);
			return { value: await entry.value, kept: true };
		}
		const value = read();
		const added: Entry<T> = { value, readAt: now, usedAt: now };
		this.touch(key, added, now);
		value.catch(() => {
			if (this.entries.get(key) === added) this.entries.delete(key);
		});
		return { value: await value, kept: false };
	}

	forget(key: string): void {
		this.entries.delete(key);
	}

	private usable(entry: Entry<T>, now: number, fresh: boolean): boolean {
		const { minutes, recentMs = 0, renewOnUse = false } = this.options;
		if (fresh) return now - entry.readAt < recentMs;
		return now - (renewOnUse ? entry.usedAt : entry.readAt) < minutes * 60_000;
	}

	private touch(key: string, entry: Entry<T>, now: number): void {
		entry.usedAt = now;
		this.entries.delete(key);
		this.entries.set(key, entry);
		for (const [other, known] of this.entries) {
			if (this.entries.size <= this.options.maxKeys && !this.expired(known, now)) break;
			if (other !== key) this.entries.delete(other);
		}
	}

	private expired(entry: Entry<T>, now: number): boolean {
		return !this.usable(entry, now, false);
	}
}
