import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/** A payment as the payments endpoint gives it, with its mutations: [type, day, price in cents]. */
function payment(id: string, cents: number, mutations: Array<[string, string, number?]>) {
	return {
		id,
		gateway: 'mollie',
		method: 'ideal',
		price: cents,
		isTest: false,
		createdAt: '2025-03-14T10:04:30+01:00',
		mutations: mutations.map(([type, day, price], index) => ({
			id: index + 1,
			type,
			price: price ?? cents,
			createdAt: `${day}T10:00:00+01:00`,
		})),
	};
}

const teapot = {
	orderlines: [line('article', 1, 'Theepot', price('60.00'))],
	price: { total: '60.00' },
};

describe('a customer who paid twice and got one payment back', () => {
	it('is booked as paid once: the payment refunded in full moved no money on balance', () => {
		const draft = mapOrderToInvoice(
			order({
				...teapot,
				payments: [
					payment('aaaa1111', 6000, [['capture', '2025-03-14']]),
					payment('bbbb2222', 6000, [
						['capture', '2025-03-14'],
						['refund', '2025-03-17'],
					]),
				],
			}),
		);
		expect(draft.payments).toEqual([
			{
				amount: 60,
				date: '2025-03-14',
				ledgerCode: '1020',
				kind: 'received',
				method: 'ideal',
				reference: 'aaaa1111',
			},
		]);
		expect(draft.warnings).toEqual([
			'payments[1]: €60.00 (ideal) was refunded in full, and with it the payments come to more than the order total; it is not booked as paid',
		]);
	});

	it('a payment refunded only in part still counts in full: more than the total stops the order', () => {
		expect(() =>
			mapOrderToInvoice(
				order({
					...teapot,
					payments: [
						payment('aaaa1111', 6000, [['capture', '2025-03-14']]),
						payment('bbbb2222', 6000, [
							['capture', '2025-03-14'],
							['refund', '2025-03-17', 1000],
						]),
					],
				}),
			),
		).toThrow(
			'Order 1042: payments: the transactions that moved money add up to €120.00, more than the order total €60.00',
		);
	});

	it('a single payment refunded later (a return, booked with its credit order) is still what paid the order', () => {
		const draft = mapOrderToInvoice(
			order({
				...teapot,
				payments: [
					payment('aaaa1111', 6000, [
						['capture', '2025-03-14'],
						['refund', '2025-03-20'],
					]),
				],
			}),
		);
		expect(draft.payments).toMatchObject([{ amount: 60, ledgerCode: '1020', kind: 'received' }]);
		expect(draft.warnings).toEqual([]);
	});
});
