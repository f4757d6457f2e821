import {
	BOOKKEEPING_CASES,
	caseOf,
	categorizeOrder,
	generateOrders,
	startShop,
	type ShopOrder,
	type ShopSandbox,
} from '../../../sandbox/shop';
import { parseCents } from '../../../sandbox/shop/generator/money';
import { get } from './fixtures';

const CLOCK = new Date('2025-07-01T08:15:00Z');

type Payment = {
	gateway: string;
	method: string;
	price: number;
	mutations: Array<{ type: string; price: number; createdAt: string }>;
	order: { price: number; lines: Array<{ type: string; name: string; price: number }> };
};

async function admin(shop: ShopSandbox, method: string, path: string, body?: unknown) {
	const response = await fetch(`${shop.url}/__admin${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function paymentsOf(shop: ShopSandbox, number: unknown): Promise<Payment[]> {
	const { status, body } = await get(shop, `/v1/orders/${String(number)}/payments`, {
		embed: 'mutations,order',
	});
	expect(status).toBe(200);
	return (body as { payments: Payment[] }).payments;
}

const total = (order: ShopOrder) => parseCents((order.price as { total: unknown }).total);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('sandbox shop: the bookkeeping cases', () => {
	let shop: ShopSandbox;
	let byCase: Map<string, ShopOrder>;

	beforeAll(async () => {
		shop = await startShop({ now: () => CLOCK, seed: { count: 60, seed: 5, cases: true } });
		byCase = new Map(
			shop
				.orders()
				.filter((order) => caseOf(order))
				.map((order) => [caseOf(order) as string, order]),
		);
	});
	afterAll(() => shop.close());

	it('leaves the generated seed as it was and adds one order per case after it', () => {
		const generated = generateOrders({ count: 60, seed: 5, now: CLOCK });
		const orders = shop.orders();
		expect(orders.slice(0, 60)).toEqual(generated);
		expect([...byCase.keys()]).toEqual([...BOOKKEEPING_CASES]);
		const highest = Math.max(...generated.map((order) => Number(order.number)));
		expect(orders.slice(60).map((order) => order.number)).toEqual(
			BOOKKEEPING_CASES.map((_, index) => highest + 1 + index),
		);
		expect(orders.every((order) => !('sandbox' in order))).toBe(true);
	});

	it('sells a gift card as a 0 % article line that the payment order types gift_card', async () => {
		const order = byCase.get('giftCardSale') as ShopOrder;
		const lines = order.orderlines as Array<{ description: string; price: { rate: string } }>;
		expect(lines[0]).toMatchObject({ description: 'Cadeaubon € 25', price: { rate: '0.00' } });
		const [payment] = await paymentsOf(shop, order.number);
		expect(payment.order.lines.map((line) => line.type)).toEqual([
			'gift_card',
			'physical',
			'shipping_fee',
		]);
		expect(payment).toMatchObject({ gateway: 'mollie', method: 'ideal', price: total(order) });
		expect(categorizeOrder(order)).toBe('finishedPaid');
	});

	it('pays a redemption in two transactions: 25.00 by webshop gift card, the rest by iDEAL, each captured', async () => {
		const order = byCase.get('giftCardRedemption') as ShopOrder;
		const payments = await paymentsOf(shop, order.number);
		expect(payments.map(({ gateway, method, price }) => ({ gateway, method, price }))).toEqual([
			{ gateway: 'basic', method: 'webshop_giftcard', price: 2500 },
			{ gateway: 'mollie', method: 'ideal', price: 3500 },
		]);
		expect(sum(payments.map((payment) => payment.price))).toBe(total(order));
		for (const payment of payments)
			expect(payment.mutations.filter((m) => m.type === 'capture')).toEqual([
				expect.objectContaining({ price: payment.price }),
			]);
		expect(order.payment).toEqual({ gateway_name: 'mollie', method_name: 'ideal' });
	});

	it('shows store credit as a negative store_credit line of the payment order; the transaction pays the rest', async () => {
		const order = byCase.get('storeCredit') as ShopOrder;
		const [payment] = await paymentsOf(shop, order.number);
		const credit = payment.order.lines.find((line) => line.type === 'store_credit');
		expect(credit?.price).toBe(-1000);
		expect(payment.price).toBe(total(order) - 1000);
		expect(payment.order.price).toBe(sum(payment.order.lines.map((line) => line.price)));
	});

	it.each([
		['klarnaAuthorized', 'klarna_checkout', 'klarna_paylater'],
		['afterpayAuthorized', 'afterpay', 'afterpay'],
	])(
		'authorises %s now and captures it later through /__admin, without a status change',
		async (name, gateway, method) => {
			const order = byCase.get(name) as ShopOrder;
			expect(order.payment_status).toBe('authorized');
			expect(categorizeOrder(order)).toBe('finishedUnpaid');
			const [before] = await paymentsOf(shop, order.number);
			expect(before).toMatchObject({ gateway, method, price: total(order) });
			expect(before.mutations.map((m) => m.type)).toEqual(['authorize']);

			const captured = await admin(shop, 'POST', `/orders/${String(order.number)}/capture`);
			expect(captured.status).toBe(200);
			expect(captured.body).toMatchObject({
				payment_status: 'captured',
				status: 4,
				status_changed_date: order.status_changed_date,
				status_changed_time: order.status_changed_time,
			});
			const [after] = await paymentsOf(shop, order.number);
			expect(after.mutations.map((m) => m.type)).toEqual(['authorize', 'capture']);
			expect(after.mutations[1].createdAt).toMatch(/^2025-07-01T10:15:00\+02:00$/);
			expect((await admin(shop, 'POST', `/orders/${String(order.number)}/capture`)).status).toBe(
				409,
			);
		},
	);

	it('has a B2C order taxed in region BE at 21 %', () => {
		const order = byCase.get('belgium21') as ShopOrder;
		const rates = (order.orderlines as Array<{ price: { rate: string } }>).map((l) => l.price.rate);
		expect(order).toMatchObject({ tax_region: 'BE', tax_strategy: '', business_model: 'B2C' });
		expect(new Set(rates)).toEqual(new Set(['21.00']));
	});

	it('has an order from before 1 July 2021 to Belgium, without tax_region, at Dutch rates', () => {
		const order = byCase.get('beforeOss') as ShopOrder;
		expect(String(order.date) < '2021-07-01').toBe(true);
		expect('tax_region' in order).toBe(false);
		expect(
			(order.debtor as { address: { invoice: { country_code: string } } }).address.invoice,
		).toMatchObject({ country_code: 'BE' });
	});
});

describe('sandbox shop: planting cases and poison orders', () => {
	let shop: ShopSandbox;
	beforeEach(async () => {
		shop = await startShop({ now: () => CLOCK, seed: { count: 30, seed: 9 } });
	});
	afterEach(() => shop.close());

	it('plants a poison order over HTTP, numbered after the others, and still answers its payments', async () => {
		const highest = Math.max(...shop.orders().map((order) => Number(order.number)));
		const planted = await admin(shop, 'POST', '/cases', { case: 'poisonTotal' });
		expect(planted.status).toBe(201);
		const order = planted.body.order as ShopOrder;
		expect(order).toMatchObject({ number: highest + 1, price: { total: 'abc' }, status: 4 });
		expect((await get(shop, `/v1/orders/${highest + 1}`)).body).toMatchObject({
			price: { total: 'abc' },
		});
		expect(await paymentsOf(shop, highest + 1)).toEqual([
			expect.objectContaining({ gateway: 'mollie', price: 1210 }),
		]);
	});

	it('plants an order with an unreadable line, at a given number and status change', async () => {
		const planted = shop.plantCase('poisonLine', {
			number: 99001,
			changedAt: new Date('2025-07-01T07:00:00Z'),
		});
		expect(planted).toMatchObject({
			number: 99001,
			status_changed_date: '2025-07-01',
			status_changed_time: '09:00:00',
			orderlines: [
				expect.objectContaining({ price: expect.objectContaining({ amount: 'twelve' }) }),
			],
		});
	});

	it('lists the cases and refuses an unknown one', async () => {
		expect((await admin(shop, 'GET', '/cases')).body.cases).toEqual(
			expect.arrayContaining(['giftCardSale', 'poisonTotal', 'poisonLine']),
		);
		expect((await admin(shop, 'POST', '/cases', { case: 'nonsense' })).status).toBe(400);
	});

	it('takes transactions on a posted order under "sandbox" and serves them, not the key', async () => {
		const base = shop
			.orders()
			.find((order) => categorizeOrder(order) === 'finishedPaid') as ShopOrder;
		const number = 99002;
		const posted = await admin(shop, 'POST', '/orders', {
			...base,
			number,
			price: { ...(base.price as object), total: '10.00' },
			sandbox: {
				transactions: [
					{ gateway: 'paypal', method: 'paypal', cents: 400, status: 'captured' },
					{ gateway: 'mollie', method: 'creditcard', cents: 600, status: 'captured' },
				],
			},
		});
		expect(posted.status).toBe(201);
		expect('sandbox' in (shop.order(number) as object)).toBe(false);
		expect((await paymentsOf(shop, number)).map((payment) => payment.price)).toEqual([400, 600]);
		expect(shop.payments(number)).toHaveLength(2);
	});

	it('keeps the seed without cases exactly as generated', () => {
		expect(shop.orders()).toEqual(generateOrders({ count: 30, seed: 9, now: CLOCK }));
	});
});
