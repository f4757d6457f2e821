import { startShop, type ShopSandbox } from '../../../sandbox/shop';
import { get, makeOrder } from './fixtures';

type Payment = {
	gateway: string;
	method: string;
	price: number;
	isTest: boolean;
	mutations?: Array<{ type: string; createdAt: string }>;
};
const CLOCK = new Date('2025-03-20T13:45:00Z');
const BANK_TRANSFER = {
	payment: { gateway_name: 'basic', method_name: 'bank_transfer' },
	payment_status: 'pending',
};

describe('sandbox shop: payments', () => {
	let shop: ShopSandbox;

	beforeEach(async () => {
		shop = await startShop({
			now: () => CLOCK,
			orders: [
				makeOrder(1001),
				makeOrder(1002, {
					status: 10,
					credited_order_number: 1001,
					payment: undefined,
					payment_status: undefined,
				}),
				makeOrder(1003, {
					price: { tax: [{ amount: '0.000000', rate: '21.00' }], total: '0.00' },
					payment: undefined,
				}),
				makeOrder(1020, BANK_TRANSFER),
				makeOrder(1021, { test: true }),
				makeOrder(1022, {
					payment: {
						gateway_name: 'mollie',
						method_name: 'ideal',
						status: { id: 5, text: 'Pending' },
					},
					payment_status: 'pending',
				}),
			],
		});
	});
	afterEach(() => shop.close());

	const payments = async (number: number, embed?: string) => {
		const { status, body } = await get(shop, `/v1/orders/${number}/payments`, { embed });
		expect(status).toBe(200);
		return (body as { payments: Payment[] }).payments;
	};

	it('gives the payment in minor units, without mutations or order unless embedded', async () => {
		const [payment] = await payments(1001);
		expect(payment).toMatchObject({
			gateway: 'mollie',
			method: 'ideal',
			price: 1210,
			currency: 'EUR',
			isTest: false,
			createdAt: '2025-03-01T10:00:00+01:00',
		});
		expect(payment).not.toHaveProperty('mutations');
		expect(payment).not.toHaveProperty('order');
	});

	it('embeds authorize and capture mutations, and the payment order with its lines', async () => {
		const [payment] = await payments(1001, 'mutations,order');
		expect(payment.mutations?.map((mutation) => mutation.type)).toEqual(['authorize', 'capture']);
		expect(payment).toMatchObject({
			order: {
				reference: '1001',
				price: 1210,
				tax: 210,
				deliveryType: 'delivery',
				lines: [
					{
						type: 'physical',
						name: 'Mok Delfts blauw',
						quantity: '1',
						price: 1210,
						tax: 210,
						taxRate: '0.2100',
					},
				],
			},
		});
	});

	it('has no payments for credit orders and orders totalling 0.00, and flags test payments', async () => {
		expect(await payments(1002)).toEqual([]);
		expect(await payments(1003)).toEqual([]);
		expect((await payments(1021))[0].isTest).toBe(true);
	});

	it('answers RFC 7807 problems for an unknown embed or order', async () => {
		const bad = await get(shop, '/v1/orders/1001/payments', { embed: 'mutations,everything' });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ title: 'Bad Request', status: 400 });
		const missing = await get(shop, '/v1/orders/999/payments');
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({
			title: 'Not Found',
			status: 404,
			detail: 'Order 999 not found',
		});
	});

	it('shows a bank transfer arriving without a status change', async () => {
		expect((await payments(1020, 'mutations'))[0].mutations).toEqual([]);
		const before = (await get(shop, '/v1/orders/1020')).body;

		shop.setPaymentStatus(1020, 'captured');

		const after = (await get(shop, '/v1/orders/1020')).body;
		expect(after).toEqual({ ...(before as object), payment_status: 'captured' });
		expect(after).toMatchObject({
			status: 4,
			status_changed_date: '2025-03-03',
			status_changed_time: '09:30:00',
		});
		const [payment] = await payments(1020, 'mutations');
		expect(payment.mutations).toEqual([
			expect.objectContaining({
				type: 'capture',
				price: 1210,
				createdAt: '2025-03-20T14:45:00+01:00',
			}),
		]);
		const changedSince = await get(shop, '/v1/orders', {
			status_changed_start_date: '2025-03-04 00:00:00',
		});
		expect(changedSince.body).toEqual([]);
	});

	it('keeps the legacy payment.status object in step with the payment status', async () => {
		shop.setPaymentStatus(1022, 'captured');
		expect((await get(shop, '/v1/orders/1022')).body).toMatchObject({
			payment_status: 'captured',
			payment: { status: { id: 1, text: 'Successful' } },
		});
	});

	it('takes payment-status changes over /__admin/ too', async () => {
		const response = await fetch(`${shop.url}/__admin/orders/1020/payment-status`, {
			method: 'POST',
			body: JSON.stringify({ status: 'captured' }),
		});
		expect(response.status).toBe(200);
		expect((await get(shop, '/v1/orders/1020')).body).toMatchObject({
			payment_status: 'captured',
			status: 4,
		});
	});
});
