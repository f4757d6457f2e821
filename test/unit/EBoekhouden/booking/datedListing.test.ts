import type { Page, Paging } from '../../../../nodes/EBoekhouden/api/paging';
import {
	BULK_MAX_ITEMS,
	DatedListing,
	type DatedSource,
	type Shelf,
} from '../../../../nodes/EBoekhouden/booking/datedListing';
import { recordWrite } from '../../../../nodes/EBoekhouden/booking/keyLock';
import { fakeContext } from '../../../support/executeContext';

/** A booked item as e-Boekhouden would list it: an invoice number and a date. */
interface Booked {
	invoiceNumber?: string;
	date: string;
	note?: string;
}

class Listing extends DatedListing<Booked> {}

/**
 * A stand-in for one kind of dated e-Boekhouden item: the books hold `booked`, every listing and look-up is logged,
 * and the shelf is the test's own (small when a test needs it full).
 */
function books(
	booked: Booked[],
	options: { max?: number; scope?: string; complete?: boolean } = {},
) {
	const calls: string[] = [];
	const shelf: Shelf<Booked> = { items: new Map(), covered: [], max: options.max ?? 1000 };
	const source = (scope = options.scope ?? 'invoice'): DatedSource<Booked> => ({
		scope,
		shelf: () => shelf,
		key: (invoiceNumber: string) => `${scope}|${invoiceNumber}`,
		list: async (filters: { 'date[range]': string }, paging: Paging): Promise<Page<Booked>> => {
			calls.push(`list ${filters['date[range]']} max ${paging.max}`);
			const [from, to] = filters['date[range]'].split(',');
			const items = booked.filter((item) => item.date >= from && item.date <= to);
			return { items, complete: options.complete ?? true };
		},
		lookUp: async (invoiceNumber: string) => {
			calls.push(`look up ${invoiceNumber}`);
			return booked.find((item) => item.invoiceNumber === invoiceNumber);
		},
		numberOf: (item: Booked) => item.invoiceNumber,
		writeKey: (invoiceNumber: string) => `dated-listing-test|${invoiceNumber}`,
	});
	const ctx = fakeContext({ parameters: {} });
	const listing = (scope?: string) => new Listing(ctx, source(scope));
	return { calls, shelf, listing };
}

const MAY = [
	{ invoiceNumber: 'MWW-1', date: '2026-05-02' },
	{ invoiceNumber: 'MWW-2', date: '2026-05-05' },
];

describe('a dated listing: one listing of a batch answers every number in its dates', () => {
	it('lists the range of the batch once, capped, and a narrower batch later costs nothing', async () => {
		const { calls, listing } = books(MAY);
		await listing().prefetch(['2026-05-09', 'not a date', '2026-05-01', '2026-05-04']);
		await listing().prefetch(['2026-05-02', '2026-05-08']);
		expect(calls).toEqual([`list 2026-05-01,2026-05-09 max ${BULK_MAX_ITEMS}`]);
	});

	it('does not list for a batch with fewer than two dates', async () => {
		const { calls, listing } = books(MAY);
		await listing().prefetch(['2026-05-02', '']);
		expect(calls).toEqual([]);
		expect(await listing().listed('MWW-3', '2026-05-02')).toEqual({ state: 'unknown' });
	});

	it('answers booked, absent or unknown without a call', async () => {
		const { calls, listing } = books(MAY);
		const index = listing();
		await index.prefetch(['2026-05-01', '2026-05-09']);
		expect(await index.listed('MWW-2', '2026-05-05')).toEqual({
			state: 'booked',
			item: { invoiceNumber: 'MWW-2', date: '2026-05-05' },
		});
		expect(await index.listed('MWW-3', '2026-05-03')).toEqual({ state: 'absent' });
		expect(await index.listed('MWW-3', '2026-06-01')).toEqual({ state: 'unknown' });
		expect(await index.listed('MWW-3')).toEqual({ state: 'unknown' });
		expect(await index.find('MWW-3', '2026-05-03')).toBeUndefined();
		expect(calls).toHaveLength(1);
	});

	it('asks by number for what the listing cannot answer, and remembers what it finds', async () => {
		const { calls, listing } = books([...MAY, { invoiceNumber: 'MWW-7', date: '2026-07-01' }]);
		const index = listing();
		await index.prefetch(['2026-05-01', '2026-05-09']);
		expect(await index.find('MWW-7', '2026-07-01')).toMatchObject({ invoiceNumber: 'MWW-7' });
		expect(await index.find('MWW-7', '2026-07-01')).toMatchObject({ invoiceNumber: 'MWW-7' });
		expect(calls.slice(1)).toEqual(['look up MWW-7']);
	});

	it('"absent" turns unknown once this process wrote that number after the listing', async () => {
		const { calls, listing } = books(MAY);
		const index = listing();
		await index.prefetch(['2026-05-01', '2026-05-09']);
		recordWrite('dated-listing-test|MWW-4');
		expect(await index.listed('MWW-4', '2026-05-03')).toEqual({ state: 'unknown' });
		await index.find('MWW-4', '2026-05-03');
		expect(calls.slice(1)).toEqual(['look up MWW-4']);
	});

	it('an incomplete listing answers "booked" for what it held, never "absent"', async () => {
		const { calls, listing } = books(MAY, { complete: false });
		const index = listing();
		await index.prefetch(['2026-05-01', '2026-05-09']);
		expect((await index.listed('MWW-1', '2026-05-02')).state).toBe('booked');
		expect(await index.listed('MWW-3', '2026-05-03')).toEqual({ state: 'unknown' });
		await index.prefetch(['2026-05-01', '2026-05-09']);
		expect(calls).toHaveLength(2);
	});

	it('a listing of another scope on the same shelf answers nothing for this one', async () => {
		const { calls, listing } = books(MAY);
		await listing('mutation type 2').prefetch(['2026-05-01', '2026-05-09']);
		const other = listing('mutation type 5');
		expect(await other.listed('MWW-1', '2026-05-02')).toEqual({ state: 'unknown' });
		expect(await other.listed('MWW-3', '2026-05-03')).toEqual({ state: 'unknown' });
		await other.prefetch(['2026-05-01', '2026-05-09']);
		expect(calls).toHaveLength(2);
	});

	it('once a full shelf must forget an item, no listing answers "absent" until it is listed again', async () => {
		const { calls, listing } = books(MAY, { max: 2 });
		const index = listing();
		await index.prefetch(['2026-05-01', '2026-05-09']);
		await index.remember({ invoiceNumber: 'MWW-2', date: '2026-05-05' });
		expect(await index.listed('MWW-3', '2026-05-03')).toEqual({ state: 'absent' });
		await index.remember({ invoiceNumber: 'MWW-9', date: '2026-06-01' });
		expect(await index.listed('MWW-1', '2026-05-02')).toEqual({ state: 'unknown' });
		expect(await index.listed('MWW-3', '2026-05-03')).toEqual({ state: 'unknown' });
		await index.prefetch(['2026-05-01', '2026-05-09']);
		expect(calls).toHaveLength(2);
	});

	it('keeps the last 100 listed ranges: the oldest is listed again', async () => {
		const { calls, listing } = books([]);
		const index = listing();
		const ranges = Array.from({ length: 101 }, (_, n) => [
			`${2000 + n}-01-01`,
			`${2000 + n}-01-31`,
		]);
		for (const range of ranges) await index.prefetch(range);
		await index.prefetch(ranges[100]);
		await index.prefetch(ranges[1]);
		expect(calls).toHaveLength(101);
		await index.prefetch(ranges[0]);
		expect(calls).toHaveLength(102);
	});

	it('keeps what the source merges, and nothing without an invoice number', async () => {
		const { shelf } = books([]);
		const merging = new Listing(fakeContext({ parameters: {} }), {
			scope: 'invoice',
			shelf: () => shelf,
			key: (invoiceNumber) => invoiceNumber,
			list: async () => ({ items: [], complete: true }),
			lookUp: async () => undefined,
			numberOf: (item) => item.invoiceNumber,
			merge: (known, item) => ({ ...known, ...item }),
			writeKey: (invoiceNumber) => `dated-listing-test|${invoiceNumber}`,
		});
		await merging.remember({ invoiceNumber: 'MWW-1', date: '2026-05-02', note: 'created' });
		await merging.remember({ invoiceNumber: 'MWW-1', date: '2026-05-02' });
		await merging.remember({ date: '2026-05-02' });
		expect(await merging.listed('MWW-1')).toEqual({
			state: 'booked',
			item: { invoiceNumber: 'MWW-1', date: '2026-05-02', note: 'created' },
		});
		expect(shelf.items.size).toBe(1);
	});
});
