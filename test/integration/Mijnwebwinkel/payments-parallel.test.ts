/**
 * Get Many with Include Payments reads the payments of several orders at once (one call per order), against the
 * sandbox shop with a network latency on every answer so the reads really overlap.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { executeNode } from '../../harness';
import { startSandbox, type Sandbox } from '../../sandbox';
import { setLatency } from '../../sandbox/common';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { SHOP_REQUESTS_IN_PARALLEL } from '../../../nodes/Mijnwebwinkel/api/paymentsReader';
import { shopCredentials } from './setup';

jest.setTimeout(60_000);

const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';
const LATENCY_MS = 60;
const itemsOf = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => item.json);

async function peakInFlight(sb: Sandbox): Promise<number> {
	const response = await fetch(`${sb.shopUrl}/__admin/requests`);
	const body = (await response.json()) as { inFlight: { peak: number } };
	return body.inFlight.peak;
}

describe('Include Payments with a slow shop', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 80, seed: 5 } } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('gives every order its own payments, in the order of the listing, reading several at once and never more than its width', async () => {
		const parameters = { resource: 'order', operation: 'getAll', returnAll: true };
		const plain = await executeNode(new Mijnwebwinkel(), {
			parameters: parameters as never,
			credentials: shopCredentials(sb),
		});
		await setLatency(sb.shopUrl, { latencyMs: LATENCY_MS, jitterMs: 20 });
		sb.shop.resetCounts();
		const withPayments = await executeNode(new Mijnwebwinkel(), {
			parameters: { ...parameters, includePayments: true } as never,
			credentials: shopCredentials(sb),
		});
		const peak = await peakInFlight(sb);
		await setLatency(sb.shopUrl, { latencyMs: 0, jitterMs: 0 });

		const orders = itemsOf(withPayments.output);
		expect(orders.map((order) => order.number)).toEqual(
			itemsOf(plain.output).map((order) => order.number),
		);
		const read = orders.filter((order) => order.payments !== undefined);
		expect(read.length).toBeGreaterThan(20);
		for (const order of read)
			expect(order.payments).toEqual(sb.shop.payments(String(order.number)));
		expect(orders.every((order) => order.paymentsError === undefined)).toBe(true);
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBe(read.length);
		// Several reads overlap, never more than the node's width (counted by the shop, not by a clock: a busy machine
		// must not fail this).
		expect(peak).toBe(SHOP_REQUESTS_IN_PARALLEL);
	});
});
