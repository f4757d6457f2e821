import {
	currentGeneration,
	recordWrite,
	withKeyLock,
	writtenSince,
} from '../../../../nodes/EBoekhouden/booking/keyLock';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('withKeyLock: one piece of work per key at a time', () => {
	it('runs work on the same key one after the other, in arrival order', async () => {
		const log: string[] = [];
		const work = (name: string) => async () => {
			log.push(`${name} start`);
			await tick();
			await tick();
			log.push(`${name} end`);
			return name;
		};
		const results = await Promise.all([
			withKeyLock('k', work('a')),
			withKeyLock('k', work('b')),
			withKeyLock('k', work('c')),
		]);
		expect(results).toEqual(['a', 'b', 'c']);
		expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
	});

	it('lets different keys run side by side', async () => {
		const log: string[] = [];
		const work = (name: string) => async () => {
			log.push(`${name} start`);
			await tick();
			log.push(`${name} end`);
		};
		await Promise.all([withKeyLock('x', work('x')), withKeyLock('y', work('y'))]);
		expect(log.slice(0, 2).sort()).toEqual(['x start', 'y start']);
	});

	it('a failing piece of work releases the key', async () => {
		await expect(withKeyLock('f', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
			'boom',
		);
		await expect(withKeyLock('f', async () => 'next')).resolves.toBe('next');
	});
});

describe('write log: is a lookup older than a write?', () => {
	it('knows a write that happened after the lookup, and only for that key', () => {
		const lookedUpAt = currentGeneration();
		expect(writtenSince('invoice A', lookedUpAt)).toBe(false);
		recordWrite('invoice A');
		expect(writtenSince('invoice A', lookedUpAt)).toBe(true);
		expect(writtenSince('invoice B', lookedUpAt)).toBe(false);
		expect(writtenSince('invoice A', currentGeneration())).toBe(false);
	});
});
