/**
 * Issue 12 (one unreadable order stops nothing) and issue 11 (orders carry their transactions), through real
 * n8n-core against the sandbox shop with its bookkeeping cases and planted poison orders.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { executeNode } from '../../harness';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { caseOf } from '../../sandbox/shop';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { safeParseOrder } from '../../../nodes/shared/order.schema';
import { daysAgo, newOrder, numbersOf, shopCredentials, shouldEmit, triggerFor } from './setup';

/** An order as n8n carries it in an item's json. */
const asItem = (order: object): IDataObject => JSON.parse(JSON.stringify(order)) as IDataObject;

jest.setTimeout(60_000);

const FINISHED = { finishedStatuses: [4, 6] };
const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';
const itemsOf = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => item.json);

describe('poison orders and payments against the sandbox shop', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ shop: { seed: { count: 120, seed: 21 } } });
	});
	afterEach(async () => {
		await sb.close();
	});

	it('polls on past an order whose price.total is not a number and one with an unreadable line: all emitted once, the poison ones named by the mapping', async () => {
		const trigger = triggerFor(sb, FINISHED);
		expect(await trigger.poll()).toBeNull();
		const total = sb.shop.plantCase('poisonTotal');
		sb.shop.addOrder(newOrder(Number(total.number) + 1));
		const line = sb.shop.plantCase('poisonLine');

		const output = await trigger.poll();
		expect(numbersOf(output)).toEqual(
			[total.number, Number(total.number) + 1, line.number].map(String),
		);
		const [first, , third] = itemsOf(output);
		expect(safeParseOrder(first)).toMatchObject({ success: false, field: 'price.total' });
		expect(safeParseOrder(third)).toMatchObject({
			success: false,
			field: 'orderlines[0].price.amount',
		});
		expect(await trigger.poll()).toBeNull();
	});

	it('gets many finished and paid orders past an unreadable order (the catch-up and the history import)', async () => {
		const since = daysAgo(30);
		const line = sb.shop.plantCase('poisonLine');
		const total = sb.shop.plantCase('poisonTotal');
		const { output } = await executeNode(new Mijnwebwinkel(), {
			parameters: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				finishedAndPaidOnly: true,
				...FINISHED,
				filters: { startDate: since },
			} as never,
			credentials: shopCredentials(sb),
		});
		const expected = sb.shop
			.orders()
			.filter((order) => shouldEmit(order) && String(order.date) >= since)
			.map((order) => String(order.number));
		expect(expected.length).toBeGreaterThan(10);
		expect(expected).toEqual(expect.arrayContaining([String(line.number), String(total.number)]));
		expect(itemsOf(output).map((order) => String(order.number))).toEqual(expected);
	});

	it('carries each emitted order its payments exactly as the payments endpoint gives them, one call per order', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		const split = sb.shop.plantCase('giftCardRedemption');
		const sale = sb.shop.plantCase('giftCardSale');
		const credit = sb.shop.plantCase('storeCredit');
		sb.shop.resetCounts();

		const emitted = itemsOf(await trigger.poll());
		expect(emitted.map((order) => caseOf(order))).toEqual([
			'giftCardRedemption',
			'giftCardSale',
			'storeCredit',
		]);
		for (const [order, planted] of [
			[emitted[0], split],
			[emitted[1], sale],
			[emitted[2], credit],
		] as const) {
			expect(order.payments).toEqual(sb.shop.payments(String(planted.number)));
		}
		expect(emitted[0].payments).toEqual([
			expect.objectContaining({ method: 'webshop_giftcard', price: 2500 }),
			expect.objectContaining({ method: 'ideal', price: 3500 }),
		]);
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBe(3);
		expect(
			sb.shop.requestLog().filter((entry) => entry.route === PAYMENTS_ROUTE)[0].query,
		).toContain('embed=mutations%2Corder');
	});

	it('emits a pay-later order once it is captured, with the capture in its payments', async () => {
		const trigger = triggerFor(sb, { ...FINISHED, options: { acceptAuthorized: false } });
		await trigger.poll();
		const klarna = sb.shop.plantCase('klarnaAuthorized');
		expect(await trigger.poll()).toBeNull();
		sb.shop.capture(String(klarna.number));
		const [order] = itemsOf(await trigger.poll());
		expect(order.number).toBe(klarna.number);
		const [payment] = order.payments as Array<{ mutations: Array<{ type: string }> }>;
		expect(payment.mutations.map((mutation) => mutation.type)).toEqual(['authorize', 'capture']);
		expect(await trigger.poll()).toBeNull();
	});

	it('holds back an order whose payments the shop cannot give now and emits it on the next poll; the others go on', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		const first = sb.shop.plantCase('giftCardSale');
		const second = sb.shop.plantCase('giftCardRedemption');
		sb.shop.faults.add({
			path: `/v1/orders/${String(second.number)}/payments`,
			status: 503,
			retryAfterSeconds: 0,
			times: 4,
		});
		expect(numbersOf(await trigger.poll())).toEqual([String(first.number)]);
		const [later] = itemsOf(await trigger.poll());
		expect(later.number).toBe(second.number);
		expect(later.payments).toEqual(sb.shop.payments(String(second.number)));
		expect(await trigger.poll()).toBeNull();
	});

	it('lets an order go on with paymentsError when its payments cannot be read at all', async () => {
		const trigger = triggerFor(sb, FINISHED);
		await trigger.poll();
		const order = sb.shop.plantCase('giftCardSale');
		sb.shop.faults.add({
			path: `/v1/orders/${String(order.number)}/payments`,
			status: 200,
			body: { payments: [{ id: 'p1', price: 12.5 }] },
		});
		const [emitted] = itemsOf(await trigger.poll());
		expect(emitted.payments).toBeUndefined();
		expect(emitted.paymentsError).toContain(`the payments of order ${String(order.number)}`);
		expect(String(emitted.paymentsError)).not.toContain('sandbox-store-token');
	});

	it('adds payments to Get Many only when asked', async () => {
		const sale = sb.shop.plantCase('giftCardSale');
		const parameters = {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { startDate: String(sale.date) },
		};
		const plain = await executeNode(new Mijnwebwinkel(), {
			parameters: parameters as never,
			credentials: shopCredentials(sb),
		});
		const found = itemsOf(plain.output).find((order) => order.number === sale.number);
		expect(found?.payments).toBeUndefined();
		const withPayments = await executeNode(new Mijnwebwinkel(), {
			parameters: { ...parameters, includePayments: true } as never,
			credentials: shopCredentials(sb),
		});
		const carried = itemsOf(withPayments.output).find((order) => order.number === sale.number);
		expect(carried?.payments).toEqual(sb.shop.payments(String(sale.number)));
	});

	it('adds the payments to input orders with Get Payments, for a flow that reads them only for what it books', async () => {
		const sale = sb.shop.plantCase('giftCardSale');
		const split = sb.shop.plantCase('giftCardRedemption');
		sb.shop.resetCounts();
		const { output } = await executeNode(new Mijnwebwinkel(), {
			parameters: {
				resource: 'order',
				operation: 'getPayments',
				orderNumber: '={{ $json.number }}',
				output: 'order',
			} as never,
			credentials: shopCredentials(sb),
			items: [{ json: asItem(sale) }, { json: asItem(split) }],
		});
		expect(itemsOf(output)).toEqual([
			{ ...sale, payments: sb.shop.payments(String(sale.number)) },
			{ ...split, payments: sb.shop.payments(String(split.number)) },
		]);
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBe(2);
	});
});
