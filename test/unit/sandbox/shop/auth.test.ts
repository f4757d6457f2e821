import { startShop, type ShopSandbox } from '../../../sandbox/shop';
import { get, makeOrder } from './fixtures';

describe('sandbox shop: tokens, format and language', () => {
	let shop: ShopSandbox;

	beforeAll(async () => {
		shop = await startShop({ orders: [makeOrder(1001)] });
	});
	afterAll(() => shop.close());

	it.each([
		['no tokens', { token: undefined, partner_token: undefined }],
		['no store token', { token: undefined }],
		['no partner token', { partner_token: undefined }],
		['a wrong store token', { token: 'wrong-store-token' }],
		['a wrong partner token', { partner_token: 'wrong-partner-token' }],
	])('answers 401 with the legacy Error body for %s', async (_, params) => {
		for (const path of ['/v1/orders', '/v1/orders/count', '/v1/orders/1001']) {
			const { status, body } = await get(shop, path, params);
			expect(status).toBe(401);
			expect(body).toEqual({ code: 401, message: 'Unauthorized', description: expect.any(String) });
			expect(JSON.stringify(body)).not.toContain('token=');
		}
	});

	it('answers 401 on payments with an RFC 7807 problem', async () => {
		const { status, body } = await get(shop, '/v1/orders/1001/payments', { token: 'wrong' });
		expect(status).toBe(401);
		expect(body).toEqual({
			type: expect.any(String),
			title: 'Unauthorized',
			detail: expect.any(String),
			status: 401,
		});
	});

	it('needs only the partner token for /v1/orderstatuses', async () => {
		expect((await get(shop, '/v1/orderstatuses', { token: undefined })).status).toBe(200);
		expect((await get(shop, '/v1/orderstatuses', { token: 'not-checked-here' })).status).toBe(200);
		expect((await get(shop, '/v1/orderstatuses', { partner_token: 'wrong' })).status).toBe(401);
	});

	it('lists the status table in Dutch by default, with the credit status marked', async () => {
		const { body } = await get(shop, '/v1/orderstatuses', { token: undefined });
		expect(body).toEqual([
			{ status: 1, description: 'In behandeling', credit_order: false },
			{ status: 2, description: 'Betaald', credit_order: false },
			{ status: 3, description: 'Verzonden', credit_order: false },
			{ status: 4, description: 'Afgerond', credit_order: false },
			{ status: 5, description: 'Geannuleerd', credit_order: false },
			{ status: 6, description: 'Afgehaald en betaald', credit_order: false },
			{ status: 10, description: 'Gecrediteerd', credit_order: true },
		]);
	});

	it('honours language for status descriptions and country names, English where it has no translation', async () => {
		const english = (await get(shop, '/v1/orderstatuses', { language: 'en_GB' })).body as Array<{
			description: string;
		}>;
		expect(english[3].description).toBe('Completed');
		const spanish = (await get(shop, '/v1/orderstatuses', { language: 'es_ES' })).body as Array<{
			description: string;
		}>;
		expect(spanish[3].description).toBe('Completed');
		const order = (await get(shop, '/v1/orders/1001', { language: 'de_DE' })).body as {
			debtor: { address: { invoice: { country: string } } };
			shipping: Array<{ country: { description: string } }>;
		};
		expect(order.debtor.address.invoice.country).toBe('Niederlande');
		expect(order.shipping[0].country.description).toBe('Niederlande');
		expect((await get(shop, '/v1/orders', { language: 'xx_XX' })).status).toBe(400);
	});

	it('speaks JSON only: format=json is fine, format=xml is refused with 400', async () => {
		expect((await get(shop, '/v1/orders', { format: 'json' })).status).toBe(200);
		const xml = await get(shop, '/v1/orders', { format: 'xml' });
		expect(xml.status).toBe(400);
		expect(xml.body).toMatchObject({ code: 400, message: 'Bad Request' });
	});

	it('serves version 1 only', async () => {
		expect((await get(shop, '/v2-beta/orders')).status).toBe(404);
	});
});
