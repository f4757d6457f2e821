/**
 * Contract: every kind of answer the sandbox shop gives matches the official Mijnwebwinkel spec. Orders with a
 * live quirk break the spec on purpose, and may fail only on their quirk's paths, so that any other deviation
 * (a new, unintended one) fails this test. Without the spec (see locateSpec) the suite is skipped with one line
 * saying so (describeWithSpec).
 */
import {
	orderQuirks,
	startShop,
	type Quirk,
	type ShopOrder,
	type ShopSandbox,
} from '../../sandbox/shop';
import { describeWithSpec, loadSpecValidator, type SpecError, type SpecValidator } from './spec';

const TOKENS = { token: 'sandbox-store-token', partner_token: 'sandbox-partner-token' };

/** Where each quirk may break the spec. An empty list: the spec allows the shape (it is only a quirk for SDKs). */
const QUIRK_PATHS: Record<Quirk, RegExp[]> = {
	stringNumber: [/^\/number$/],
	singleTaxObject: [],
	emptyShippingCountry: [/^\/shipping\/\d+\/country$/],
	legacyPaymentStatus: [],
};

function describeErrors(errors: SpecError[]): string[] {
	return errors.map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}

/** Errors the order's own quirks do not explain. */
function unexplained(order: ShopOrder, errors: SpecError[]): string[] {
	const allowed = orderQuirks(order).flatMap((quirk) => QUIRK_PATHS[quirk]);
	return describeErrors(
		errors.filter((error) => !allowed.some((pattern) => pattern.test(error.instancePath))),
	);
}

async function fetchJson(
	shop: ShopSandbox,
	path: string,
	params: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
	const query = new URLSearchParams({ ...TOKENS, ...params });
	const response = await fetch(`${shop.url}${path}?${query.toString()}`);
	return { status: response.status, body: await response.json() };
}

describeWithSpec('sandbox shop against the official Mijnwebwinkel spec', (location) => {
	let spec: SpecValidator;
	let shop: ShopSandbox;
	let orders: ShopOrder[];

	beforeAll(async () => {
		spec = await loadSpecValidator(location);
		shop = await startShop({ seed: { count: 200, seed: 42, includeOss: true } });
		orders = shop.orders();
	});
	afterAll(async () => {
		spec?.close();
		await shop?.close();
	});

	it('is a live check: an order with an unintended deviation fails', async () => {
		const plain = orders.find((order) => orderQuirks(order).length === 0) as ShopOrder;
		expect(await spec.response('getOrder', plain)).toEqual([]);
		const broken = { ...plain, status: '4', price: { tax: [{ amount: '1.00' }], total: 12.1 } };
		const errors = await spec.response('getOrder', broken);
		const paths = new Set(errors.map((error) => error.instancePath));
		expect(paths).toEqual(new Set(['/status', '/price/tax', '/price/tax/0', '/price/total']));
		expect(unexplained(broken, errors)).toHaveLength(errors.length);
	});

	it('answers GET /v1/orders/{order_number} in the spec shape for all 200 orders, quirks only on their paths', async () => {
		let clean = 0;
		for (const order of orders) {
			const { status, body } = await fetchJson(shop, `/v1/orders/${String(order.number)}`);
			expect(status).toBe(200);
			const errors = await spec.response('getOrder', body);
			expect({ number: order.number, errors: unexplained(order, errors) }).toEqual({
				number: order.number,
				errors: [],
			});
			if (errors.length === 0) clean += 1;
		}
		const quirkOrders = orders.filter((order) => orderQuirks(order).length > 0).length;
		expect(clean).toBeGreaterThanOrEqual(orders.length - quirkOrders);
	});

	it('has each spec-breaking quirk fail on its own path, and the spec-allowed quirks pass', async () => {
		const seen = new Set<Quirk>();
		for (const order of orders) {
			const [quirk] = orderQuirks(order);
			if (!quirk) continue;
			seen.add(quirk);
			const paths = (await spec.response('getOrder', order)).map((error) => error.instancePath);
			if (QUIRK_PATHS[quirk].length === 0) expect(paths).toEqual([]);
			else
				expect(paths.some((path) => QUIRK_PATHS[quirk].some((pattern) => pattern.test(path)))).toBe(
					true,
				);
		}
		expect([...seen].sort()).toEqual([
			'emptyShippingCountry',
			'legacyPaymentStatus',
			'singleTaxObject',
			'stringNumber',
		]);
	});

	it.each([
		['ascending', { ordering: 'asc' }],
		['descending, in English', { ordering: 'desc', language: 'en_GB' }],
	])(
		'answers GET /v1/orders pages in the spec shape (%s, test orders included)',
		async (_, params) => {
			const byNumber = new Map(orders.map((order) => [String(order.number), order]));
			for (let offset = 0; offset < orders.length; offset += 100) {
				const { status, body } = await fetchJson(shop, '/v1/orders', {
					...params,
					test: 'true',
					limit: '100',
					offset: String(offset),
				});
				expect(status).toBe(200);
				const page = body as ShopOrder[];
				const errors = await spec.response('getOrders', page);
				for (const [index, order] of page.entries()) {
					const own = errors
						.filter((error) => error.instancePath.startsWith(`/${index}/`))
						.map((error) => ({
							...error,
							instancePath: error.instancePath.slice(`/${index}`.length),
						}));
					expect(unexplained(byNumber.get(String(order.number)) as ShopOrder, own)).toEqual([]);
				}
				expect(errors.every((error) => /^\/\d+\//.test(error.instancePath))).toBe(true);
			}
		},
	);

	it('answers GET /v1/orders/count as a CountResponse', async () => {
		const filters: Array<Record<string, string>> = [
			{},
			{ test: 'true' },
			{ status_id: '4' },
			{ archived: 'false', start_date: '2020-01-01' },
		];
		for (const params of filters) {
			const { body } = await fetchJson(shop, '/v1/orders/count', params);
			expect(await spec.response('getOrderCount', body)).toEqual([]);
			expect(body).toEqual({ count: expect.any(Number) });
		}
	});

	it('answers GET /v1/orders/{order_number}/payments in the spec shape for every order, with and without embeds', async () => {
		let withPayments = 0;
		for (const order of orders) {
			for (const embed of ['mutations,order,properties', '']) {
				const { status, body } = await fetchJson(
					shop,
					`/v1/orders/${String(order.number)}/payments`,
					embed ? { embed } : {},
				);
				expect(status).toBe(200);
				expect({
					number: order.number,
					errors: describeErrors(await spec.response('getOrderPayments', body)),
				}).toEqual({
					number: order.number,
					errors: [],
				});
				if (embed && (body as { payments: unknown[] }).payments.length > 0) withPayments += 1;
			}
		}
		expect(withPayments).toBeGreaterThan(150);
	});

	it('answers GET /v1/orderstatuses in the spec shape in every language', async () => {
		for (const language of ['nl_NL', 'en_GB', 'de_DE', 'pl_PL']) {
			const { body } = await fetchJson(shop, '/v1/orderstatuses', { language });
			expect(await spec.response('getOrderStatuses', body)).toEqual([]);
		}
	});

	it('answers errors with the legacy Error schema on v1 order endpoints and ApiProblem on payments', async () => {
		const legacy = [
			await fetchJson(shop, '/v1/orders', { token: 'wrong' }),
			await fetchJson(shop, '/v1/orders', { limit: '101' }),
			await fetchJson(shop, '/v1/orders/1', {}),
			await fetchJson(shop, '/v1/orderstatuses', { partner_token: 'wrong' }),
		];
		for (const { status, body } of legacy) {
			expect(status).toBeGreaterThanOrEqual(400);
			expect(await spec.schema('Error', body)).toEqual([]);
			expect(Object.keys(body as object).sort()).toEqual(['code', 'description', 'message']);
		}
		for (const { body } of [
			await fetchJson(shop, '/v1/orders/1/payments'),
			await fetchJson(shop, `/v1/orders/${String(orders[0].number)}/payments`, {
				embed: 'nothing',
			}),
		]) {
			expect(await spec.schema('ApiProblem', body)).toEqual([]);
			expect(Object.keys(body as object).sort()).toEqual(['detail', 'status', 'title', 'type']);
		}
	});
});
