import { z } from 'zod';

import { PAGE_SIZE_MAX, fetchPages } from '../../../../nodes/EBoekhouden/api/paging';
import * as transport from '../../../../nodes/EBoekhouden/api/transport';
import { fakeContext } from '../../../support/executeContext';

const item = z.object({ id: z.number() });

function serving(total: number) {
	return jest.spyOn(transport, 'apiRequest').mockImplementation(async (_ctx, request) => {
		const { limit, offset } = request.qs as { limit: number; offset: number };
		const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
			id: offset + i,
		}));
		return { items: ids };
	});
}

afterEach(() => jest.restoreAllMocks());

describe('fetchPages: offset paging with limit ≤ 2000, stopping on a short page', () => {
	it('reads every page and stops when a page is short', async () => {
		const spy = serving(4500);
		const page = await fetchPages(
			fakeContext({ parameters: {} }),
			'/v1/relation',
			{ name: 'x' },
			item,
			{ max: Infinity },
		);
		expect(page.items).toHaveLength(4500);
		expect(page.complete).toBe(true);
		expect(spy.mock.calls.map(([, request]) => request.qs)).toEqual([
			{ name: 'x', limit: PAGE_SIZE_MAX, offset: 0 },
			{ name: 'x', limit: PAGE_SIZE_MAX, offset: 2000 },
			{ name: 'x', limit: PAGE_SIZE_MAX, offset: 4000 },
		]);
	});

	it('asks for no more than the limit and reports an incomplete read', async () => {
		const spy = serving(4500);
		const page = await fetchPages(fakeContext({ parameters: {} }), '/v1/invoice', {}, item, {
			max: 2500,
		});
		expect(page.items).toHaveLength(2500);
		expect(page.complete).toBe(false);
		expect(spy.mock.calls.map(([, request]) => (request.qs as { limit: number }).limit)).toEqual([
			2000, 500,
		]);
	});

	it('one call when everything fits on the first page', async () => {
		const spy = serving(3);
		const page = await fetchPages(fakeContext({ parameters: {} }), '/v1/ledger', {}, item, {
			max: 50,
		});
		expect(page).toEqual({ items: [{ id: 0 }, { id: 1 }, { id: 2 }], complete: true });
		expect(spy).toHaveBeenCalledTimes(1);
	});
});
