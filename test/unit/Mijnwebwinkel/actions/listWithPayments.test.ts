import { listWithPayments } from '../../../../nodes/Mijnwebwinkel/actions/order/listWithPayments';
import {
	everyOrder,
	type OrderJudge,
} from '../../../../nodes/Mijnwebwinkel/actions/order/finishedAndPaidJudge';
import { paymentsAhead } from '../../../../nodes/Mijnwebwinkel/api/paymentsReader';
import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';
import { paid, slowPayments } from '../helpers/slowPayments';

type Listed = { number: number; status: number; payment_status: string; price: { total: string } };
type Carried = Listed & { payments?: unknown; paymentsError?: string };

const order = (number: number, total = '10.00'): Listed => ({
	number,
	status: 4,
	payment_status: 'captured',
	price: { total },
});

/** A shop whose listing logs each page it gives in the same timeline as its payment reads. */
function slowShop(pages: Listed[][], answerFor: (orderNumber: string) => PaymentsAnswer) {
	const timeline: string[] = [];
	async function* listing(): AsyncGenerator<unknown[]> {
		for (const [index, page] of pages.entries()) {
			timeline.push(`list page ${index + 1}`);
			await new Promise((resolve) => setImmediate(resolve));
			yield page;
		}
	}
	return { ...slowPayments(answerFor, timeline), listing, timeline };
}

const pageOf = (first: number, count: number) =>
	Array.from({ length: count }, (_, index) => order(first + index));
const threePages = () => [pageOf(1000, 5), pageOf(1005, 5), pageOf(1010, 2)];
const reads = (timeline: string[]) => timeline.filter((event) => event.startsWith('read'));

describe('Get Many reads payments while it lists', () => {
	it('asks for the payments of page 1 before page 2 is listed, never more than the width at once', async () => {
		const shop = slowShop(threePages(), paid);
		const done = listWithPayments(
			shop.listing(),
			everyOrder,
			Infinity,
			paymentsAhead(shop.reader, 3),
		);
		await shop.answerAll();
		const output = (await done) as Carried[];

		const { timeline } = shop;
		expect(timeline.indexOf('read 1000')).toBeLessThan(timeline.indexOf('list page 2'));
		expect(timeline.indexOf('read 1002')).toBeLessThan(timeline.indexOf('list page 2'));
		expect(shop.peak()).toBe(3);
		expect(reads(timeline)).toEqual(
			threePages()
				.flat()
				.map(({ number }) => `read ${number}`),
		);
		expect(output.map(({ number }) => number)).toEqual(
			threePages()
				.flat()
				.map(({ number }) => number),
		);
		for (const carried of output) expect(carried.payments).toEqual([{ id: `p-${carried.number}` }]);
	});

	it('with a limit returns exactly that many orders and reads no payments beyond them', async () => {
		const shop = slowShop(threePages(), paid);
		const done = listWithPayments(shop.listing(), everyOrder, 7, paymentsAhead(shop.reader, 3));
		await shop.answerAll();
		const output = (await done) as Carried[];

		expect(output.map(({ number }) => number)).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006]);
		expect(reads(shop.timeline)).toHaveLength(7);
		expect(shop.timeline).not.toContain('list page 3');
	});

	it('asks nothing for orders without transactions: zero totals, credit orders, no readable number', async () => {
		const credit = { ...order(1001), status: 10 };
		const noNumber = { ...order(1003), number: undefined };
		const pages = [[order(1000), credit, order(1002, '0.00'), noNumber, order(1004)]];
		const shop = slowShop(pages as Listed[][], paid);
		const judge: OrderJudge = { page: async (orders) => orders, credit: () => [10] };
		const done = listWithPayments(shop.listing(), judge, Infinity, paymentsAhead(shop.reader));
		await shop.answerAll();
		const output = (await done) as Carried[];

		expect(reads(shop.timeline)).toEqual(['read 1000', 'read 1004']);
		expect(output).toEqual([
			{ ...order(1000), payments: [{ id: 'p-1000' }] },
			credit,
			order(1002, '0.00'),
			noNumber,
			{ ...order(1004), payments: [{ id: 'p-1004' }] },
		]);
	});

	it('starts no new reads once the shop is busy; an order read alongside keeps its payments, the orders left go on saying why they have none', async () => {
		const shop = slowShop(threePages(), (orderNumber) =>
			orderNumber === '1002'
				? { problem: 'Mijnwebwinkel is limiting the number of requests', temporary: true }
				: paid(orderNumber),
		);
		const done = listWithPayments(
			shop.listing(),
			everyOrder,
			Infinity,
			paymentsAhead(shop.reader, 2),
		);
		await shop.answerAll();
		const output = (await done) as Carried[];

		// 1002 and 1003 were on their way together; nothing after them was asked for, though listing went on.
		expect(reads(shop.timeline)).toEqual(['read 1000', 'read 1001', 'read 1002', 'read 1003']);
		expect(output).toHaveLength(12);
		expect(output.slice(0, 2).every((carried) => Array.isArray(carried.payments))).toBe(true);
		expect(output[3]).toMatchObject(paid('1003'));
		for (const carried of [output[2], ...output.slice(4)]) {
			expect(carried.payments).toBeUndefined();
			expect(carried.paymentsError).toBe(
				'Mijnwebwinkel is limiting the number of requests; run again later',
			);
		}
	});

	it('reads the payments of a page once the whole page is judged (an order may wait for the status table)', async () => {
		const shop = slowShop(threePages(), paid);
		const judge: OrderJudge = {
			page: async (orders) => {
				shop.timeline.push('judged');
				return orders.filter((listed) => (listed as Listed).number !== 1006);
			},
			credit: () => [],
		};
		const done = listWithPayments(shop.listing(), judge, Infinity, paymentsAhead(shop.reader, 4));
		await shop.answerAll();
		const output = (await done) as Carried[];

		expect(shop.timeline.indexOf('judged')).toBeLessThan(shop.timeline.indexOf('read 1000'));
		expect(reads(shop.timeline)).not.toContain('read 1006');
		expect(output.map(({ number }) => number)).not.toContain(1006);
		expect(output).toHaveLength(11);
	});

	it('leaves no read at the shop when the listing fails', async () => {
		const shop = slowShop(threePages(), paid);
		async function* failing(): AsyncGenerator<unknown[]> {
			yield* shop.listing();
			throw new Error('The shop could not be reached');
		}
		let inFlightWhenFailed: number | undefined;
		const done = listWithPayments(failing(), everyOrder, Infinity, paymentsAhead(shop.reader, 2));
		done.catch(() => {
			inFlightWhenFailed = shop.inFlight();
		});
		await shop.answerAll();
		await expect(done).rejects.toThrow('The shop could not be reached');
		expect(inFlightWhenFailed).toBe(0);
		expect(reads(shop.timeline).length).toBeLessThan(12);
	});
});
