/**
 * The sandbox shop answers 429 in the middle of Get Many with Include Payments, which reads several orders' payments
 * at a time: every reader pauses together for the Retry-After (no request reaches the shop meanwhile), then the reads
 * go on; nothing is lost, nothing read twice but the refused one. A Retry-After over a minute is not sat out and
 * does not turn into a storm either.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { executeNode } from '../../harness';
import { startSandbox, type Sandbox } from '../../sandbox';
import { setLatency } from '../../sandbox/common';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { SHOP_REQUESTS_IN_PARALLEL } from '../../../nodes/Mijnwebwinkel/api/paymentsReader';
import { clearBackoffs } from '../../../nodes/shared/backoff';
import { shopCredentials } from './setup';

jest.setTimeout(60_000);

const PAYMENTS_ROUTE = 'GET /v1/orders/:number/payments';
const LATENCY_MS = 40;
const parameters = { resource: 'order', operation: 'getAll', returnAll: true };
const itemsOf = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => item.json);

/** What the shop has answered, sampled every 10 ms while the node runs. */
function watchShop(sb: Sandbox) {
	const samples: Array<{ at: number; answered: number; refused: boolean }> = [];
	const started = Date.now();
	const sample = () =>
		samples.push({
			at: Date.now() - started,
			answered: sb.shop.counts()[PAYMENTS_ROUTE] ?? 0,
			refused: sb.shop.requestLog().some((entry) => entry.status === 429),
		});
	const timer = setInterval(sample, 10);
	return {
		stop: () => {
			clearInterval(timer);
			sample();
			return samples;
		},
	};
}

describe('The shop says "too many requests" while payments are read several at a time', () => {
	let sb: Sandbox;
	let listed: unknown[];
	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 60, seed: 7 } } });
		const plain = await executeNode(new Mijnwebwinkel(), {
			parameters: parameters as never,
			credentials: shopCredentials(sb),
		});
		listed = itemsOf(plain.output).map((order) => order.number);
		await setLatency(sb.shopUrl, { latencyMs: LATENCY_MS, jitterMs: 0 });
	});
	beforeEach(() => {
		clearBackoffs();
		sb.shop.resetCounts();
		sb.shop.faults.clear();
	});
	afterAll(async () => {
		clearBackoffs();
		await sb.close();
	});

	it('pauses every reader for the Retry-After at once, then reads on: each order its own payments, one extra request', async () => {
		sb.shop.faults.add({
			method: 'GET',
			path: '/v1/orders/:number/payments',
			status: 429,
			retryAfterSeconds: 2,
			times: 1,
		});
		const watch = watchShop(sb);
		const started = Date.now();
		const run = await executeNode(new Mijnwebwinkel(), {
			parameters: { ...parameters, includePayments: true } as never,
			credentials: shopCredentials(sb),
		});
		const elapsed = Date.now() - started;
		const samples = watch.stop();

		const orders = itemsOf(run.output);
		expect(orders.map((order) => order.number)).toEqual(listed);
		const read = orders.filter((order) => order.payments !== undefined);
		expect(read.length).toBeGreaterThan(20);
		for (const order of read)
			expect(order.payments).toEqual(sb.shop.payments(String(order.number)));
		expect(orders.every((order) => order.paymentsError === undefined)).toBe(true);
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBe(read.length + 1);
		expect(elapsed).toBeGreaterThanOrEqual(2_000);

		// From the refusal on: the reads already on their way come back, then nothing for the rest of the 2 s.
		const refusedAt = samples.find((sample) => sample.refused)?.at ?? Number.NaN;
		const answeredAt = (ms: number) =>
			[...samples].reverse().find((sample) => sample.at <= refusedAt + ms)?.answered ?? Number.NaN;
		expect(answeredAt(1_800) - answeredAt(300)).toBe(0);
		expect(answeredAt(300) - answeredAt(0)).toBeLessThanOrEqual(SHOP_REQUESTS_IN_PARALLEL - 1);
	});

	it('does not sit out a Retry-After over a minute, and sends nothing more to the shop meanwhile', async () => {
		sb.shop.faults.add({
			method: 'GET',
			path: '/v1/orders/:number/payments',
			status: 429,
			retryAfterSeconds: 600,
			times: 1,
		});
		const started = Date.now();
		const run = await executeNode(new Mijnwebwinkel(), {
			parameters: { ...parameters, includePayments: true } as never,
			credentials: shopCredentials(sb),
		});
		expect(Date.now() - started).toBeLessThan(10_000);

		const orders = itemsOf(run.output);
		expect(orders.map((order) => order.number)).toEqual(listed);
		const failed = orders.filter((order) => order.paymentsError !== undefined);
		expect(failed.length).toBeGreaterThan(10);
		for (const order of failed)
			expect(String(order.paymentsError)).toContain(
				'Mijnwebwinkel is limiting the number of requests',
			);
		// The refused read and at most the others already on their way; none after the refusal.
		expect(sb.shop.counts()[PAYMENTS_ROUTE]).toBeLessThanOrEqual(SHOP_REQUESTS_IN_PARALLEL);
	});
});
