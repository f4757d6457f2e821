import { Keeper } from '../../../nodes/shared/keeper';

/** A clock the test moves, and a reader that counts its reads and answers `value`. */
function setUp(options: ConstructorParameters<typeof Keeper>[0]) {
	let now = 1_000_000;
	const keeper = new Keeper<string>(options, () => now);
	let reads = 0;
	let value = 'v1';
	const read = async () => {
		reads++;
		return value;
	};
	return {
		keeper,
		read,
		reads: () => reads,
		answer: (next: string) => (value = next),
		advance: (ms: number) => (now += ms),
	};
}

const MINUTE = 60_000;

describe('Keeper: what an API said, kept per key for a few minutes', () => {
	it('reads once per key while the value is young, and again when it is old', async () => {
		const t = setUp({ minutes: 10, maxKeys: 5 });
		expect(await t.keeper.get('shop-a', t.read)).toEqual({ value: 'v1', kept: false });
		t.answer('v2');
		expect(await t.keeper.get('shop-a', t.read)).toEqual({ value: 'v1', kept: true });
		expect(await t.keeper.get('shop-b', t.read)).toEqual({ value: 'v2', kept: false });
		t.advance(10 * MINUTE);
		expect(await t.keeper.get('shop-a', t.read)).toEqual({ value: 'v2', kept: false });
		expect(t.reads()).toBe(3);
	});

	it('asks once when several callers want the same key at the same moment', async () => {
		const t = setUp({ minutes: 10, maxKeys: 5 });
		const answers = await Promise.all([1, 2, 3].map(() => t.keeper.get('shop', t.read)));
		expect(answers.map((answer) => answer.value)).toEqual(['v1', 'v1', 'v1']);
		expect(t.reads()).toBe(1);
	});

	it('fresh reads again, but not when the kept value was read within recentMs', async () => {
		const t = setUp({ minutes: 10, maxKeys: 5, recentMs: 30_000 });
		await t.keeper.get('books', t.read);
		t.answer('v2');
		expect((await t.keeper.get('books', t.read, { fresh: true })).value).toBe('v1');
		t.advance(30_000);
		expect(await t.keeper.get('books', t.read, { fresh: true })).toEqual({
			value: 'v2',
			kept: false,
		});
		expect(t.reads()).toBe(2);
	});

	it('without recentMs, fresh always reads', async () => {
		const t = setUp({ minutes: 10, maxKeys: 5 });
		await t.keeper.get('shop', t.read);
		await t.keeper.get('shop', t.read, { fresh: true });
		expect(t.reads()).toBe(2);
	});

	it('does not keep a failed read: the next caller reads again', async () => {
		const t = setUp({ minutes: 10, maxKeys: 5 });
		await expect(
			t.keeper.get('shop', async () => await Promise.reject(new Error('down'))),
		).rejects.toThrow('down');
		expect((await t.keeper.get('shop', t.read)).value).toBe('v1');
		expect(t.reads()).toBe(1);
	});

	it('keeps at most maxKeys keys, dropping the one used longest ago', async () => {
		const t = setUp({ minutes: 10, maxKeys: 2 });
		await t.keeper.get('a', t.read);
		await t.keeper.get('b', t.read);
		await t.keeper.get('a', t.read);
		await t.keeper.get('c', t.read);
		expect(t.reads()).toBe(3);
		expect((await t.keeper.get('a', t.read)).kept).toBe(true);
		expect((await t.keeper.get('b', t.read)).kept).toBe(false);
	});

	it('with renewOnUse, a value used within the period stays; one left idle for it goes', async () => {
		const t = setUp({ minutes: 30, maxKeys: 5, renewOnUse: true });
		await t.keeper.get('execution-1', t.read);
		for (let step = 0; step < 4; step++) {
			t.advance(20 * MINUTE);
			expect((await t.keeper.get('execution-1', t.read)).kept).toBe(true);
		}
		t.advance(30 * MINUTE);
		expect((await t.keeper.get('execution-1', t.read)).kept).toBe(false);
	});
});
