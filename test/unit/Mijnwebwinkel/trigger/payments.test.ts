import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { sampleNewest } from '../../../../nodes/Mijnwebwinkel/trigger/sample';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { SHOP_REQUESTS_IN_PARALLEL } from '../../../../nodes/Mijnwebwinkel/api/paymentsReader';
import { rules, settings } from '../helpers/pollSetup';

const transaction = (number: string) => ({ id: `p-${number}`, gateway: 'mollie', price: 1000 });
const paid: (number: string) => PaymentsAnswer = (number) => ({ payments: [transaction(number)] });

type Emitted = { number: unknown; payments?: unknown; paymentsError?: unknown };
const numbers = (output: unknown[]) => output.map((order) => String((order as Emitted).number));

async function poll(
	shop: FakeShop,
	state: TriggerState | undefined,
	shopTime: string,
	payments: (number: string) => PaymentsAnswer = paid,
	since = settings.since,
) {
	const result = await runPoll(
		state,
		{ ...settings, since },
		rules,
		shop.io(() => winterMoment(shopTime), { payments }),
	);
	return { ...result, state: JSON.parse(JSON.stringify(result.state)) as TriggerState };
}

describe('runPoll with Include Payments', () => {
	it('adds each emitted order its payments array, one call per order', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00');
		const { output } = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(output).toEqual([
			expect.objectContaining({ number: 1, payments: [transaction('1')] }),
			expect.objectContaining({ number: 2, payments: [transaction('2')] }),
		]);
		expect(shop.paymentCalls).toEqual(['1', '2']);
	});

	it('asks nothing for credit orders and zero totals, which have no transactions, nor for orders not emitted', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00', { status: 10, credited_order_number: 900 });
		shop.add(2, '2025-02-10 09:05:00', { payment_status: undefined, price: { total: '0.00' } });
		shop.add(3, '2025-02-10 09:10:00', { payment_status: 'pending' });
		shop.add(4, '2025-02-10 09:15:00', { status: 1 });
		const { output } = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(numbers(output)).toEqual(['1', '2']);
		expect(output.every((order) => (order as Emitted).payments === undefined)).toBe(true);
		expect(shop.paymentCalls).toEqual([]);
	});

	it('lets an order whose payments cannot be read at all go on with paymentsError, the rest with payments', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00');
		const { output } = await poll(shop, undefined, '2025-02-10 10:00:00', (number) =>
			number === '1'
				? {
						problem: 'Mijnwebwinkel sent the payments of order 1 that this node cannot read',
						temporary: false,
					}
				: paid(number),
		);
		expect(output).toEqual([
			expect.objectContaining({ number: 1, paymentsError: expect.stringContaining('order 1') }),
			expect.objectContaining({ number: 2, payments: [transaction('2')] }),
		]);
		expect((output[0] as Emitted).payments).toBeUndefined();
	});

	it('holds back the orders from a rate limit on that it has not read, asks no more this poll, and emits them once on a later poll', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00');
		// More orders than are read at once, so a refusal has reads left that it must not start.
		const last = SHOP_REQUESTS_IN_PARALLEL + 4;
		for (let number = 3; number <= last; number++)
			shop.add(number, `2025-02-10 09:${String(10 + number * 3).padStart(2, '0')}:00`);
		const busy = (number: string): PaymentsAnswer =>
			number === '2'
				? { problem: 'Mijnwebwinkel is limiting the number of requests', temporary: true }
				: paid(number);

		const first = await poll(shop, undefined, '2025-02-10 10:00:00', busy);
		// Read a few at a time: those already on their way finish and go on, but the refusal starts no new reads.
		expect(shop.paymentCalls).toEqual(expect.arrayContaining(['1', '2']));
		expect(shop.paymentCalls.length).toBeLessThan(last);
		const read = shop.paymentCalls.filter((number) => number !== '2');
		expect(first.output).toEqual(
			read.map((number) =>
				expect.objectContaining({ number: Number(number), payments: [transaction(number)] }),
			),
		);
		const all = Array.from({ length: last }, (_, index) => String(index + 1));
		const heldBack = all.filter((number) => !read.includes(number));
		expect(heldBack[0]).toBe('2');
		expect(first.deferred.map(({ number }) => number)).toEqual(heldBack);
		expect(first.state.emitted.map(([number]) => number)).toEqual(read);
		expect(first.state.unpaid.map(([number]) => number)).toEqual(heldBack);

		const second = await poll(shop, first.state, '2025-02-10 10:15:00');
		expect(second.output).toEqual(
			heldBack.map((number) =>
				expect.objectContaining({ number: Number(number), payments: [transaction(number)] }),
			),
		);
		const third = await poll(shop, second.state, '2025-02-10 13:00:00');
		expect(third.output).toEqual([]);
		expect(third.state.unpaid).toEqual([]);
	});

	it('brings a held-back order of a history import in later, though its status changed long ago', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-01-05 09:00:00');
		const down = (): PaymentsAnswer => ({
			problem: 'Mijnwebwinkel had a server error',
			temporary: true,
		});
		const first = await poll(shop, undefined, '2025-02-10 10:00:00', down, '2025-01-01 00:00:00');
		expect(first.output).toEqual([]);
		const later = await poll(shop, first.state, '2025-02-10 11:30:00', paid, '2025-01-01 00:00:00');
		expect(later.output).toEqual([
			expect.objectContaining({ number: 1, payments: [transaction('1')] }),
		]);
	});

	it('shows the payments in "Fetch Test Event", and the problem when they cannot be read', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00');
		const io = shop.io(() => winterMoment('2025-02-10 10:00:00'), {
			payments: (number) =>
				number === '2'
					? { problem: 'Mijnwebwinkel had a server error', temporary: true }
					: paid(number),
		});
		const sample = await sampleNewest(io, rules, false);
		expect(sample).toEqual([
			expect.objectContaining({
				number: 2,
				paymentsError: expect.stringContaining('server error'),
			}),
			expect.objectContaining({
				number: 1,
				paymentsError: expect.stringContaining('server error'),
			}),
		]);
	});
});
