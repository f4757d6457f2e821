/**
 * The sandbox shop's bookkeeping cases and poison orders (test/sandbox/shop/cases.ts) against the official
 * Mijnwebwinkel spec, orders and payments alike, so the demo and the e2e suite see shapes the API documents.
 * Skipped, as the shop contract test is, when the spec cannot be found (see describeWithSpec).
 */
import { CASES, startShop, type ShopSandbox } from '../../sandbox/shop';
import { describeWithSpec, loadSpecValidator, type SpecValidator } from '../sandbox/spec';

const TOKENS = { token: 'sandbox-store-token', partner_token: 'sandbox-partner-token' };

async function fetchJson(shop: ShopSandbox, path: string, params: Record<string, string> = {}) {
	const query = new URLSearchParams({ ...TOKENS, ...params });
	const response = await fetch(`${shop.url}${path}?${query.toString()}`);
	return { status: response.status, body: (await response.json()) as unknown };
}

describeWithSpec('sandbox shop cases against the spec', (location) => {
	let spec: SpecValidator;
	let shop: ShopSandbox;
	beforeAll(async () => {
		spec = await loadSpecValidator(location);
		shop = await startShop({ seed: { count: 30, seed: 4, cases: true } });
		for (const name of CASES.filter((name) => name.startsWith('poison'))) shop.plantCase(name);
	});
	afterAll(async () => {
		spec?.close();
		await shop?.close();
	});

	it.each([...CASES])('serves the %s order and its payments in the spec shape', async (name) => {
		const order = shop.orders().find((candidate) => {
			const comments = candidate.comments as { internal?: string } | undefined;
			return comments?.internal === `sandbox:${name}`;
		});
		if (!order) throw new Error(`no ${name} order`);
		const number = String(order.number);
		const single = await fetchJson(shop, `/v1/orders/${number}`);
		expect(await spec.response('getOrder', single.body)).toEqual([]);
		const payments = await fetchJson(shop, `/v1/orders/${number}/payments`, {
			embed: 'mutations,order,properties',
		});
		expect(payments.status).toBe(200);
		expect(await spec.response('getOrderPayments', payments.body)).toEqual([]);
		expect((payments.body as { payments: unknown[] }).payments.length).toBeGreaterThan(0);
	});

	it('serves a captured pay-later order in the spec shape', async () => {
		const klarna = shop.orders().find((order) => order.payment_status === 'authorized');
		if (!klarna) throw new Error('no authorised order');
		shop.capture(String(klarna.number));
		const { body } = await fetchJson(shop, `/v1/orders/${String(klarna.number)}/payments`, {
			embed: 'mutations,order',
		});
		expect(await spec.response('getOrderPayments', body)).toEqual([]);
	});
});
