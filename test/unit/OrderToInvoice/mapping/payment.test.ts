import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

const paymentOf = (overrides: Record<string, unknown>, settings = {}) =>
	mapOrderToInvoice(order(overrides), settings).payment;

describe('payment', () => {
	it('is the order total on the order date', () => {
		expect(paymentOf({ payment: { gateway_name: 'basic', method_name: 'advance' } })).toEqual({
			amount: 12.1,
			date: '2025-03-14',
			ledgerCode: '1010',
		});
	});

	it.each([
		[{ gateway_name: 'mollie', method_name: 'ideal' }, '1020'],
		[{ gateway_name: 'PayPal', method_name: 'paypal' }, '1030'],
		[{ gateway_name: 'basic', method_name: 'bank_transfer' }, '1010'],
		[null, '1010'],
	])('goes to the ledger of gateway/method %j by default', (payment, ledgerCode) => {
		expect(paymentOf({ payment }).ledgerCode).toBe(ledgerCode);
	});

	it('prefers the method over the gateway in the table', () => {
		const settings = { paymentLedgers: { mollie: '1020', ideal: '1040' } };
		expect(paymentOf({}, settings).ledgerCode).toBe('1040');
	});

	it('reads gateway and method from the payments endpoint shape when the legacy summary is missing', () => {
		const payments = [{ gateway: 'mollie', method: 'ideal:ideal_INGBNL2A', mutations: [] }];
		expect(
			paymentOf({ payment: undefined, payments }, { paymentLedgers: { ideal: '1040' } }).ledgerCode,
		).toBe('1040');
	});

	it('is dated on the latest capture when the input carries the payments', () => {
		const payments = {
			payments: [
				{
					gateway: 'mollie',
					mutations: [
						{ type: 'authorize', createdAt: '2025-03-14T10:04:30+01:00' },
						{ type: 'capture', createdAt: '2025-03-16T08:00:00+01:00' },
						{ type: 'capture', createdAt: 'not a date' },
					],
				},
			],
		};
		expect(paymentOf({ payments }).date).toBe('2025-03-16');
	});

	it('has no ledger when payments are not to be booked', () => {
		expect(paymentOf({}, { bookPayments: false })).toEqual({
			amount: 12.1,
			date: '2025-03-14',
			ledgerCode: null,
		});
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
			expect(draft.payment.ledgerCode).toBeNull();
			expect(draft.warnings.join()).toContain(warning);
		},
	);

	it('of a credit order is a refund: the negative total, on the bank ledger (credit orders carry no payment data)', () => {
		expect(paymentOf({ credited_order_number: 1000, payment: null, payment_status: null })).toEqual(
			{
				amount: -12.1,
				date: '2025-03-14',
				ledgerCode: '1010',
			},
		);
		expect(
			paymentOf({ credited_order_number: 1000 }, { bookRefunds: false }).ledgerCode,
		).toBeNull();
	});

	it('of a zero-total order booked anyway has nothing to book as paid', () => {
		const input = {
			orderlines: [line('article', 1, 'Gratis', price('0.00'))],
			price: { total: '0.00' },
		};
		expect(paymentOf(input, { zeroTotalOrders: 'book' })).toEqual({
			amount: 0,
			date: '2025-03-14',
			ledgerCode: null,
		});
	});
});
