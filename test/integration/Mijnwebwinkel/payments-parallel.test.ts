/**
 * Get Many with Include Payments reads the payments of several orders at once (one call per order), against the
 * sandbox shop with a network latency on every answer so the reads really overlap.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { executeNode } from '../../harness';
import { startSandbox, type Sandbox } from '../../sandbox';
import { setLatency } from '../../sandbox/common';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { SHOP_REQUESTS_IN_PARALLEL } from '../../../nodes/Mijnwebwinkel/common/paymentsReader';
import { shopCredentials } from './setup';

jest.setTimeout(60_000);

const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';
const LATENCY_MS = 60;
const itemsOf = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => item.json);

describe('Include Payments with a slow shop', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 80, seed: 5 } } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('gives every order its own payments, in the order of the listing, in a fraction of one-at-a-time', async () => {
		const parameters = { resource: 'order', operation: 'getAll', returnAll: true };
		const plain = await executeNode(new Mijnwebwinkel(), {
			parameters: parameters as never,
			credentials: shopCredentials(sb),
		});
		await setLatency(sb.shopUrl, { latencyMs: LATENCY_MS, jitterMs: 20 });
		sb.shop.resetCounts();
		const started = Date.now();
		const withPayments = await executeNode(new Mijnwebwinkel(), {
			parameters: { ...parameters, includePayments: true } as never,
			credentials: shopCredentials(sb),
		});
		const elapsed = Date.now() - started;
		await setLatency(sb.shopUrl, { latencyMs: 0, jitterMs: 0 });

		const orders = itemsOf(withPayments.output);
		expect(orders.map((order) => order.number)).toEqual(
			itemsOf(plain.output).map((order) => order.number),
		);
		const read = orders.filter((order) => order.payments !== undefined);
		expect(read.length).toBeGreaterThan(20);
		for (const order of read) expect(order.payments).toEqual(sb.shop.payments(String(order.number)));
		expect(orders.every((order) => order.paymentsError === undefined)).toBe(true);
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBe(read.length);
		// One at a time would take at least reads × latency.
		expect(elapsed).toBeLessThan((read.length * LATENCY_MS) / (SHOP_REQUESTS_IN_PARALLEL / 2));
	});
});
