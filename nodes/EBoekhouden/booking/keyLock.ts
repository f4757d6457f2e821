import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Two executions in one n8n process may book the same order at the same time (an overlapping poll, a manual
 * re-run). Work on one key (an invoice number, an e-mail address) is serialised here, and every write is logged
 * with a generation number so a lookup made before someone else's write is known to be stale.
 * Across processes, e-Boekhouden itself is the guard: FACT_101 ("invoice number in use") for invoices, MUTA_008
 * ("payment reference already exists") for payments and REL_049 ("code already exists") for a relation, whose code
 * is derived from its e-mail address.
 */
const tails = new Map<string, Promise<void>>();
const writes = new Map<string, number>();
const MAX_LOGGED_WRITES = 10_000;
let generation = 0;

export async function withKeyLock<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	let release: () => void = () => undefined;
	const current = new Promise<void>((resolve) => (release = resolve));
	const tail = previous.then(async () => await current);
	tails.set(key, tail);
	await previous;
	try {
		return await work();
	} finally {
		release();
		if (tails.get(key) === tail) tails.delete(key);
	}
}

export function currentGeneration(): number {
	return generation;
}

export function recordWrite(key: string): void {
	writes.delete(key);
	writes.set(key, ++generation);
	if (writes.size > MAX_LOGGED_WRITES) writes.delete(writes.keys().next().value as string);
}

/** True when `key` was written after a lookup taken at generation `since`. */
export function writtenSince(key: string, since: number): boolean {
	return (writes.get(key) ?? 0) > since;
}

/** Keys are per administration: the credential the node uses. */
export function scopedKey(ctx: IExecuteFunctions, kind: string, key: string): string {
	const credential = ctx.getNode().credentials?.eBoekhoudenApi;
	return `${credential?.id ?? credential?.name ?? ''}|${kind}|${key}`;
}
