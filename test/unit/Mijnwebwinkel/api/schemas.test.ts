import { safeParseOrder } from '../../../../nodes/shared/order.schema';
import { orderSummarySchema, paymentListSchema } from '../../../../nodes/Mijnwebwinkel/api/schemas';
import { readOrderFacts } from '../../../../nodes/Mijnwebwinkel/api/summary';

/** The live-shape example of docs/api-notes.md, Mijnwebwinkel §6.1 (a third-party SDK's fixture). */
const liveShape = {
	number: '1001',
	uuid: 'af88e19b-a57b-4aae-a92b-f7078454d1e3',
	date: '2025-01-01',
	time: '12:00:00',
	status: 2,
	payment: { gateway_name: 'basic', method_name: 'advance', status: { id: 1, text: 'Successful' } },
	price: { tax: { amount: '11.80', rate: '21.00' }, total: '68.00' },
	orderlines: [
		{
			id: '5e77ab8b-c46f-11ec-9c3c-aaee87cff863',
			type: 'article',
			quantity: 1,
			description: 'Product',
			price: { amount: '56.198347', amount_including_tax: '68.00', rate: '21.00' },
		},
	],
	shipping: [{ country: [] }],
	credited_order_number: 999,
	credit_order_numbers: [],
	debtor: { email: 'test@example.com', name: 'Test User' },
};

const specShape = {
	number: 27,
	uuid: 'af88e19b-a57b-4aae-a92b-f7078454d1e3',
	date: '2015-11-03',
	time: '13:37:12',
	status: 1,
	debtor: { email: 'support@mijnwebwinkel.nl' },
	price: {
		tax: [
			{ amount: '0.830000', rate: '9.00' },
			{ amount: '6.500000', rate: '21.00' },
		],
		total: '47.450000',
	},
	orderlines: [
		{
			type: 'payment',
			quantity: 1,
			price: [
				{ amount: '0.192571', rate: '9.00', amount_including_tax: '0.21' },
				{ amount: '0.652972', rate: '21.00', amount_including_tax: '0.79' },
			],
		},
		{
			type: 'article',
			quantity: 2,
			description: 'Old order',
			price: { amount: '8.181818', rate: '21.00' },
		},
	],
	shipping: [{ country: { description: 'Nederland', isocode: 'NL' } }],
};

describe('order schema: the live quirks (docs/api-notes.md, Mijnwebwinkel §6, §12)', () => {
	it('accepts the spec shape: number as a number, price.tax and a line price as arrays', () => {
		const result = safeParseOrder(specShape);
		expect(result.success).toBe(true);
		if (!result.success) return;
		expect(result.order.number).toBe('27');
		expect(result.order.price.tax).toHaveLength(2);
		expect(result.order.orderlines[0].price).toHaveLength(2);
	});

	it('accepts a missing amount_including_tax on an old order line', () => {
		const result = safeParseOrder(specShape);
		expect(
			result.success && result.order.orderlines[1].price[0].amount_including_tax,
		).toBeUndefined();
	});

	it('accepts the live shape: string number, one tax object, country as []', () => {
		const result = safeParseOrder(liveShape);
		expect(result.success).toBe(true);
		if (!result.success) return;
		expect(result.order.number).toBe('1001');
		expect(result.order.price.tax).toEqual([{ amount: '11.80', rate: '21.00' }]);
		expect(result.order.orderlines[0].price).toHaveLength(1);
		expect(result.order.shipping?.[0].country).toBeNull();
	});

	it('names the order and the field of a bad one', () => {
		expect(
			safeParseOrder({
				...liveShape,
				orderlines: [{ type: 'article', quantity: 1, price: { amount: 'x', rate: '21' } }],
			}),
		).toEqual({
			success: false,
			orderNumber: '1001',
			field: 'orderlines[0].price.amount',
			message: expect.any(String),
		});
	});
});

describe('order summary (what the trigger judges by)', () => {
	it('reads both shapes', () => {
		expect(orderSummarySchema.parse(liveShape)).toMatchObject({
			number: '1001',
			status: 2,
			payment: { status: { id: 1 } },
			price: { total: '68.00' },
			credited_order_number: 999,
		});
		expect(orderSummarySchema.parse(specShape)).toMatchObject({
			number: '27',
			price: { total: '47.450000' },
		});
	});

	it('reads a status given as text and a total given as a number', () => {
		expect(orderSummarySchema.parse({ number: 5, status: '4', price: { total: 0 } })).toMatchObject(
			{
				number: '5',
				status: 4,
				price: { total: '0' },
			},
		);
	});

	it('accepts a status change time without seconds', () => {
		const parsed = orderSummarySchema.parse({
			...liveShape,
			status_changed_date: '2025-01-02',
			status_changed_time: '09:30',
		});
		expect(parsed.status_changed_time).toBe('09:30');
	});

	it('rejects a malformed status change date', () => {
		const result = orderSummarySchema.safeParse({
			...liveShape,
			status_changed_date: '02-01-2025',
		});
		expect(result.success).toBe(false);
	});

	it('does not need the order lines, so an odd line still reaches the mapping node', () => {
		expect(orderSummarySchema.safeParse({ ...liveShape, orderlines: 'broken' }).success).toBe(true);
	});
});

describe('payments', () => {
	it('reads the spec example, amounts in cents', () => {
		const parsed = paymentListSchema.parse({
			payments: [
				{
					id: '8c1ed7ea-c19a-4137-8517-7d3f580b3b97',
					gateway: 'mollie',
					method: 'ideal:ideal_INGBNL2A',
					price: 5339,
					currency: 'EUR',
					isTest: false,
					createdAt: '2021-06-29T14:41:26+02:00',
					mutations: [
						{
							id: 198,
							type: 'capture',
							reference: null,
							price: 5339,
							createdAt: '2022-01-18T12:35:27+01:00',
						},
					],
				},
			],
		});
		expect(parsed.payments[0].mutations?.[0]).toMatchObject({ type: 'capture', price: 5339 });
	});

	it('rejects a price that is not whole cents', () => {
		expect(paymentListSchema.safeParse({ payments: [{ id: 'p', price: 53.39 }] }).success).toBe(
			false,
		);
	});
});

describe('order facts (read field by field, never throwing)', () => {
	it('reads what the trigger judges by from both shapes', () => {
		expect(readOrderFacts(liveShape)).toEqual({
			number: '1001',
			status: 2,
			legacy_payment_status: 1,
			total: '68.00',
			credited_order_number: 999,
			unreadable: [],
		});
		expect(readOrderFacts(specShape)).toMatchObject({ number: '27', total: '47.450000' });
	});

	it('names each unreadable field and keeps the others', () => {
		const facts = readOrderFacts({
			...liveShape,
			status: 'afgerond',
			status_changed_date: '02-01-2025',
			price: { total: 'abc' },
		});
		expect(facts).toMatchObject({ number: '1001', legacy_payment_status: 1 });
		expect(facts.status).toBeUndefined();
		expect(facts.total).toBeUndefined();
		expect(facts.unreadable).toEqual(['status', 'status_changed_date', 'price.total']);
	});

	it('keys an order without a number by its uuid, and reads anything that is not an order', () => {
		expect(readOrderFacts({ ...liveShape, number: null }).number).toBe(
			'uuid:af88e19b-a57b-4aae-a92b-f7078454d1e3',
		);
		expect(readOrderFacts('nonsense')).toMatchObject({
			number: '(unknown)',
			unreadable: ['number', 'status', 'price.total'],
		});
	});
});

describe('order.payments (added by the trigger and by Get Many with Include Payments)', () => {
	const payments = [
		{
			id: '8c1ed7ea-c19a-4137-8517-7d3f580b3b97',
			gateway: 'basic',
			method: 'webshop_giftcard',
			price: 2500,
			mutations: [{ id: 1, type: 'capture', price: 2500, createdAt: '2025-01-01T12:00:00+01:00' }],
			order: {
				reference: '1001',
				price: 6800,
				lines: [{ id: 'l1', type: 'gift_card', name: 'Cadeaubon', quantity: '1', price: 2500 }],
			},
		},
	];

	it('passes through with the order untouched, so the mapping reads it as the endpoint gave it', () => {
		const parsed = safeParseOrder({ ...liveShape, payments, paymentsError: undefined });
		if (!parsed.success) throw new Error(parsed.message);
		expect(parsed.order.payments).toEqual(payments);
	});
});
