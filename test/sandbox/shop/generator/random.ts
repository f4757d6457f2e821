/** A small seeded PRNG (mulberry32): the same seed gives the same orders, with no dependency. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** A whole number in [min, max], both included. */
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
	shuffle<T>(items: readonly T[]): T[];
	/** A version-4 shaped UUID drawn from the seed. */
	uuid(): string;
}

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	const hex = (length: number): string =>
		Array.from({ length }, () => int(0, 15).toString(16)).join('');

	return {
		next,
		int,
		chance: (probability) => next() < probability,
		pick: (items) => items[int(0, items.length - 1)],
		weighted(entries) {
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [value, weight] of entries) {
				roll -= weight;
				if (roll < 0) return value;
			}
			return entries[entries.length - 1][0];
		},
		shuffle(items) {
			const copy = [...items];
			for (let index = copy.length - 1; index > 0; index--) {
				const other = int(0, index);
				[copy[index], copy[other]] = [copy[other], copy[index]];
			}
			return copy;
		},
		uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
	};
}
