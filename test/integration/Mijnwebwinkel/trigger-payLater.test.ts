import type { INodeExecutionData } from 'n8n-workflow';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { triggerFor } from './setup';

jest.setTimeout(60_000);

/** The trigger at its defaults against the sandbox shop: pay-later orders, and what an idle poll costs. */

type Json = Record<string, unknown>;

/** Each emitted order: its number, its payment status, and the mutation types of its transactions. */
function emitted(output: INodeExecutionData[][] | null) {
	return (output?.[0] ?? []).map(({ json }) => ({
		number: String(json.number),
		paymentStatus: json.payment_status,
		mutations: ((json.payments as Json[] | undefined) ?? []).flatMap((payment) =>
			((payment.mutations as Json[] | undefined) ?? []).map((mutation) => mutation.type),
		),
	}));
}

describe('Mijnwebwinkel Trigger at its defaults against the sandbox shop', () => {
	let sb: Sandbox;
	beforeEach(async () => {
		sb = await startSandbox({ shop: { seed: { count: 120, seed: 11 } } });
	});
	afterEach(async () => {
		await sb.close();
	});

	it('emits an authorised Klarna order at once with its authorisation, once more when captured, then never', async () => {
		const trigger = triggerFor(sb, {});
		await trigger.poll();
		const planted = sb.shop.plantCase('klarnaAuthorized', {
			changedAt: new Date(Date.now() - 5 * 60_000),
		});
		const number = String(planted.number);

		expect(emitted(await trigger.poll())).toEqual([
			{ number, paymentStatus: 'authorized', mutations: ['authorize'] },
		]);
		expect(await trigger.poll()).toBeNull();

		sb.shop.capture(number);
		expect(emitted(await trigger.poll())).toEqual([
			{ number, paymentStatus: 'captured', mutations: ['authorize', 'capture'] },
		]);
		for (let poll = 0; poll < 3; poll++) expect(await trigger.poll()).toBeNull();
	});

	it('an idle poll costs one call to the shop: the status table is remembered', async () => {
		const trigger = triggerFor(sb, {});
		await trigger.poll();
		expect(sb.shop.counts()).toEqual({ 'GET /v1/orderstatuses': 1, 'GET /v1/orders': 1 });

		sb.shop.resetCounts();
		for (let poll = 0; poll < 5; poll++) expect(await trigger.poll()).toBeNull();
		expect(sb.shop.counts()).toEqual({ 'GET /v1/orders': 5 });
	});
});
