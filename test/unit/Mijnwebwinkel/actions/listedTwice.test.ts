import type { IHttpRequestOptions } from 'n8n-workflow';
import { everyOrder } from '../../../../nodes/Mijnwebwinkel/actions/order/finishedAndPaidJudge';
import { listWithPayments } from '../../../../nodes/Mijnwebwinkel/actions/order/listWithPayments';
import { orderPages } from '../../../../nodes/Mijnwebwinkel/api/client';
import type { OrderFilters } from '../../../../nodes/Mijnwebwinkel/api/client';
import { createTransport } from '../../../../nodes/Mijnwebwinkel/api/transport';
import { fakeContext } from '../helpers/fakeContext';
import { FakeShop } from '../helpers/fakeShop';

/**
 * Offset paging shifts when an order enters the list while Get Many pages through it: the order at a page
 * boundary then comes again on the next page. Get Many (the catch-up and the history import) must still give
 * each order once.
 */

/** Get Many as the node runs it without "Finished and Paid Only": the shop's pages, through the transport. */
async function getMany(shop: FakeShop, filters: OrderFilters): Promise<number[]> {
	const { context } = fakeContext((request: IHttpRequestOptions) => {
		const qs = request.qs as Record<string, string | number | undefined>;
		const body = shop.page(
			{
				statusChangedStartDate: qs.status_changed_start_date as string | undefined,
				ordering: qs.ordering as 'asc' | 'desc' | undefined,
			},
			Number(qs.offset),
			Number(qs.limit),
		);
		return { statusCode: 200, body };
	});
	const pages = orderPages(createTransport(context), filters);
	const orders = await listWithPayments(pages, everyOrder, Infinity);
	return orders.map((order) => Number((order as { number: number }).number));
}

describe('Get Many, an order entering the list while it pages', () => {
	it('gives each order once when an old order is finished into a "Status Changed From" window (catch-up)', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 250; number++) {
			shop.add(number, number <= 10 ? '2025-01-02 09:00:00' : '2025-02-08 09:00:00');
		}
		shop.afterPage = (call) => {
			if (call === 1) shop.change(5, '2025-02-10 10:00:00');
		};

		const listed = await getMany(shop, { statusChangedStartDate: '2025-02-03 00:00:00' });

		// Orders 11–250 were in the window all along; order 5 entered it behind the page being read, so the
		// next run brings it.
		expect(new Set(listed).size).toBe(listed.length);
		expect([...listed].sort((a, b) => a - b)).toEqual(
			Array.from({ length: 240 }, (_, index) => 11 + index),
		);
	});

	it('gives each order once when a new order is placed while it lists newest first', async () => {
		const shop = new FakeShop();
		for (let number = 1; number <= 250; number++) shop.add(number, '2025-02-08 09:00:00');
		shop.afterPage = (call) => {
			if (call === 1) shop.add(251, '2025-02-10 10:00:00');
		};

		const listed = await getMany(shop, { ordering: 'desc' });

		expect(new Set(listed).size).toBe(listed.length);
		expect(listed.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, index) => 250 - index));
		expect([...listed].sort((a, b) => a - b)).toEqual(
			Array.from({ length: 250 }, (_, index) => 1 + index),
		);
	});
});
