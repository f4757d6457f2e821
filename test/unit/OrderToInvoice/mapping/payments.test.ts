import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

const paymentsOf = (overrides: Record<string, unknown>, settings = {}) =>
	mapOrderToInvoice(order(overrides), settings).payments;
const only = (overrides: Record<string, unknown>, settings = {}) => {
	const payments = paymentsOf(overrides, settings);
	expect(payments).toHaveLength(1);
	return payments[0];
};

/** A payment as the payments endpoint gives it (`GET /v1/orders/{n}/payments?embed=mutations`), prices in cents. */
function transaction(
	id: string,
	method: string,
	cents: number,
	mutations: Array<[string, string]>,
	gateway = 'mollie',
) {
	return {
		id,
		gateway,
		method,
		price: cents,
		isTest: false,
		createdAt: '2025-03-14T10:04:30+01:00',
		mutations: mutations.map(([type, createdAt], index) => ({
			id: index + 1,
			type,
			price: cents,
			createdAt,
		})),
	};
}

const captured = (
	id: string,
	method: string,
	cents: number,
	day = '2025-03-15',
	gateway?: string,
) =>
	transaction(
		id,
		method,
		cents,
		[
			['authorize', '2025-03-14T10:04:30+01:00'],
			['capture', `${day}T09:00:00+01:00`],
		],
		gateway,
	);

/** 60.00 of goods: the order of issue 11's example, paid 25.00 by gift card and 35.00 by iDEAL. */
const sixty = {
	orderlines: [line('article', 1, 'Theepot', price('60.00'))],
	price: { total: '60.00' },
};

describe('payments when the transactions are unknown', () => {
	it('is one payment of the order total on the order date', () => {
		expect(only({ payment: { gateway_name: 'basic', method_name: 'advance' } })).toEqual({
			amount: 12.1,
			date: '2025-03-14',
			ledgerCode: '1010',
			kind: 'received',
			method: 'advance',
			reference: '',
		});
	});

	it.each([
		[{ gateway_name: 'mollie', method_name: 'ideal' }, '1020'],
		[{ gateway_name: 'PayPal', method_name: 'paypal' }, '1030'],
		[{ gateway_name: 'basic', method_name: 'bank_transfer' }, '1010'],
		[null, '1010'],
	])('goes to the ledger of gateway/method %j by default', (payment, ledgerCode) => {
		expect(only({ payment }).ledgerCode).toBe(ledgerCode);
	});

	it('prefers the method over the gateway in the table', () => {
		const settings = { paymentLedgers: { mollie: '1020', ideal: '1040' } };
		expect(only({}, settings).ledgerCode).toBe('1040');
	});

	it('reads gateway and method from a payment that shows no capture when the legacy summary is missing', () => {
		const payments = [{ gateway: 'mollie', method: 'ideal:ideal_INGBNL2A', mutations: [] }];
		expect(
			only({ payment: undefined, payments }, { paymentLedgers: { ideal: '1040' } }).ledgerCode,
		).toBe('1040');
	});

	it('has no ledger when payments are not to be booked', () => {
		expect(only({}, { bookPayments: false })).toMatchObject({ amount: 12.1, ledgerCode: null });
	});

	it.each([
		[
			{ payment_status: 'failed' },
			"payment: not booked as paid, the order has payment_status 'failed'",
		],
		[
			{
				payment_status: undefined,
				payment: { gateway_name: 'mollie', status: { id: 4, text: 'Expired' } },
			},
			"payment status 'Expired'",
		],
	])(
		'is not booked, with a warning, when the order says the payment failed: %j',
		(overrides, warning) => {
			const draft = mapOrderToInvoice(order(overrides));
			expect(draft.payments.map((payment) => payment.ledgerCode)).toEqual([null]);
			expect(draft.warnings.join()).toContain(warning);
		},
	);

	it('of a credit order is a refund: the negative total, on the bank ledger (credit orders carry no payment data)', () => {
		expect(only({ credited_order_number: 1000, payment: null, payment_status: null })).toEqual({
			amount: -12.1,
			date: '2025-03-14',
			ledgerCode: '1010',
			kind: 'received',
			method: '',
			reference: '',
		});
		expect(only({ credited_order_number: 1000 }, { bookRefunds: false }).ledgerCode).toBeNull();
	});

	it('of a zero-total order booked anyway: nothing to book as paid', () => {
		const input = {
			orderlines: [line('article', 1, 'Gratis', price('0.00'))],
			price: { total: '0.00' },
		};
		expect(paymentsOf(input, { zeroTotalOrders: 'book' })).toEqual([]);
	});

	it('of an authorised pay-later order goes only to the pay-later ledger of its method', () => {
		const klarna = {
			payment_status: 'authorized',
			payment: { gateway_name: 'klarna_checkout', method_name: 'klarna_paylater' },
		};
		expect(only(klarna)).toMatchObject({ kind: 'payLater', ledgerCode: '1040' });
		const draft = mapOrderToInvoice(order(klarna), { payLaterLedgers: {} });
		expect(draft.payments).toMatchObject([{ kind: 'payLater', ledgerCode: null, amount: 12.1 }]);
		expect(draft.warnings.join()).toContain('is authorised, not captured: no money has arrived');
	});

	it('books no money as received when the payments could not be read (paymentsError): it may be a gift card', () => {
		const draft = mapOrderToInvoice(
			order({ paymentsError: 'the payments of order 1042 could not be read (HTTP 500)' }),
		);
		expect(draft.payments).toMatchObject([{ amount: 12.1, ledgerCode: null }]);
		expect(draft.warnings).toEqual([
			"payments: the payments of order 1042 could not be read (HTTP 500); the payment is not booked, so the invoice stays open until a later run reads the order's payments",
		]);
	});

	it('paid with the shop’s own gift card goes to the gift-card ledger, never the bank', () => {
		expect(
			only({ payment: { gateway_name: 'webshop', method_name: 'webshop_giftcard' } }),
		).toMatchObject({ kind: 'giftCard', ledgerCode: '1620', method: 'webshop_giftcard' });
	});
});

describe('payments from the transactions (the payments endpoint)', () => {
	it('split: 25.00 by gift card and 35.00 by iDEAL, each on its own ledger and date, summing to 60.00', () => {
		const payments = {
			payments: [
				captured(
					'9f0c1a2b-0000-4000-8000-000000000001',
					'webshop_giftcard',
					2500,
					'2025-03-14',
					'webshop',
				),
				captured(
					'4d5e6f70-0000-4000-8000-000000000002',
					'ideal:ideal_INGBNL2A',
					3500,
					'2025-03-16',
				),
			],
		};
		expect(paymentsOf({ ...sixty, payments })).toEqual([
			{
				amount: 25,
				date: '2025-03-14',
				ledgerCode: '1620',
				kind: 'giftCard',
				method: 'webshop_giftcard',
				reference: '9f0c1a2b',
			},
			{
				amount: 35,
				date: '2025-03-16',
				ledgerCode: '1020',
				kind: 'received',
				method: 'ideal',
				reference: '4d5e6f70',
			},
		]);
	});

	it('reads a bare array too, and dates a payment on its latest capture', () => {
		const payment = transaction('p1', 'ideal', 1210, [
			['authorize', '2025-03-14T10:04:30+01:00'],
			['capture', '2025-03-16T08:00:00+01:00'],
			['capture', 'not a date'],
		]);
		payment.mutations[2].price = 0;
		expect(only({ payments: [payment] })).toMatchObject({ date: '2025-03-16', amount: 12.1 });
	});

	it('leaves out transactions that moved no money (failed, voided, only created)', () => {
		const payments = [
			transaction('a1', 'ideal', 6000, [['failed', '2025-03-14T10:00:00+01:00']]),
			transaction('a2', 'creditcard', 6000, [
				['authorize', '2025-03-14T10:01:00+01:00'],
				['void', '2025-03-14T10:02:00+01:00'],
			]),
			transaction('a3', 'ideal', 6000, []),
			captured('a4', 'paypal', 6000, '2025-03-14', 'paypal'),
		];
		expect(paymentsOf({ ...sixty, payments })).toMatchObject([
			{ amount: 60, ledgerCode: '1030', reference: 'a4' },
		]);
	});

	it('a transaction that shows no capture (a bank transfer marked paid in the shop) is paid as a whole, as before', () => {
		const payments = [transaction('b1', 'bank_transfer', 6000, [], 'basic')];
		expect(
			paymentsOf({
				...sixty,
				payment: { gateway_name: 'basic', method_name: 'bank_transfer' },
				payments,
			}),
		).toEqual([
			{
				amount: 60,
				date: '2025-03-14',
				ledgerCode: '1010',
				kind: 'received',
				method: 'bank_transfer',
				reference: '',
			},
		]);
	});

	it('pay later: an authorised Klarna part goes to "Klarna nog te ontvangen", never the bank', () => {
		const payments = [
			transaction(
				'k1',
				'klarna_paylater',
				6000,
				[['authorize', '2025-03-14T10:01:00+01:00']],
				'klarna_checkout',
			),
		];
		expect(paymentsOf({ ...sixty, payments })).toEqual([
			{
				amount: 60,
				date: '2025-03-14',
				ledgerCode: '1040',
				kind: 'payLater',
				method: 'klarna_paylater',
				reference: 'k1',
			},
		]);
	});

	it('pay later without a ledger for it: no payment, a warning, and the same part once captured', () => {
		const authorised = [
			transaction(
				'f00dcafe-1',
				'afterpay',
				6000,
				[['authorize', '2025-03-14T10:01:00+01:00']],
				'afterpay',
			),
		];
		const settings = { payLaterLedgers: { klarna: '1040' } };
		const before = mapOrderToInvoice(order({ ...sixty, payments: authorised }), settings);
		expect(before.payments).toMatchObject([
			{ ledgerCode: null, kind: 'payLater', reference: 'f00dcafe' },
		]);
		expect(before.warnings).toEqual([
			'payments[0]: €60.00 (afterpay) is authorised, not captured: no money has arrived, so no payment is booked; it is booked once captured, or add the method to Pay Later Ledgers to book it on a receivable now',
		]);
		const capturedLater = [
			transaction(
				'f00dcafe-1',
				'afterpay',
				6000,
				[
					['authorize', '2025-03-14T10:01:00+01:00'],
					['capture', '2025-04-01T12:00:00+02:00'],
				],
				'afterpay',
			),
		];
		const after = mapOrderToInvoice(order({ ...sixty, payments: capturedLater }), settings);
		expect(after.payments).toEqual([
			{
				amount: 60,
				date: '2025-04-01',
				ledgerCode: '1010',
				kind: 'received',
				method: 'afterpay',
				reference: 'f00dcafe',
			},
		]);
		expect(after.warnings).toEqual([]);
	});

	it('store credit the payment order shows covers what the transactions leave, on the gift-card ledger', () => {
		const ideal = {
			...captured('c1', 'ideal', 4000),
			order: {
				reference: '1042',
				price: 4000,
				lines: [
					{ id: 'l1', type: 'physical', name: 'Theepot', quantity: '1', price: 6000 },
					{ id: 'l2', type: 'store_credit', name: 'Tegoed', quantity: '1', price: -2000 },
				],
			},
		};
		expect(paymentsOf({ ...sixty, payments: [ideal] })).toMatchObject([
			{ amount: 40, ledgerCode: '1020', kind: 'received', reference: 'c1' },
			{
				amount: 20,
				ledgerCode: '1620',
				kind: 'giftCard',
				method: 'store_credit',
				reference: 'tegoed',
			},
		]);
	});

	it('what no transaction covers stays open, with a warning', () => {
		const draft = mapOrderToInvoice(order({ ...sixty, payments: [captured('c1', 'ideal', 4000)] }));
		expect(draft.payments).toMatchObject([
			{ amount: 40, ledgerCode: '1020' },
			{ amount: 20, ledgerCode: null, kind: 'open', reference: 'open' },
		]);
		expect(draft.warnings.join()).toContain(
			'payments: €20.00 of the order total is covered by no transaction that moved money',
		);
	});

	it('more money than the total is an error naming the order and the payments', () => {
		const payments = [captured('c1', 'ideal', 6000), captured('c2', 'ideal', 6000)];
		expect(() => mapOrderToInvoice(order({ ...sixty, payments }))).toThrow(
			'Order 1042: payments: the transactions that moved money add up to €120.00, more than the order total €60.00',
		);
	});

	it('a gift-card part without a gift-card ledger is not booked, and never on the bank', () => {
		const payments = [captured('g1', 'webshop_giftcard', 6000, '2025-03-14', 'webshop')];
		const draft = mapOrderToInvoice(order({ ...sixty, payments }), { giftCardLedger: '' });
		expect(draft.payments).toMatchObject([{ kind: 'giftCard', ledgerCode: null }]);
		expect(draft.warnings.join()).toContain('set Gift Card Ledger');
	});

	it('refuses a test payment', () => {
		const payments = [{ ...captured('t1', 'ideal', 6000), isTest: true }];
		expect(() => mapOrderToInvoice(order({ ...sixty, payments }))).toThrow(
			'Order 1042: payments[0].isTest: is a test payment; test orders are not booked',
		);
	});

	it('refuses a gift-card ledger that is a bank or payment ledger', () => {
		expect(() => mapOrderToInvoice(order(), { giftCardLedger: '1020' })).toThrow(
			'Order 1042: settings.giftCardLedger: is 1020, a bank or payment ledger',
		);
	});
});
