import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { sampleNewest } from '../../../../nodes/Mijnwebwinkel/trigger/sample';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { rules, settings } from '../helpers/pollSetup';

const numbers = (output: unknown[]) =>
	output.map((order) => String((order as { number: unknown }).number));

async function poll(shop: FakeShop, state: TriggerState | undefined, shopTime: string) {
	const result = await runPoll(
		state,
		settings,
		rules,
		shop.io(() => winterMoment(shopTime)),
	);
	return { output: result.output, state: JSON.parse(JSON.stringify(result.state)) as TriggerState };
}

describe('runPoll: one unreadable order stops nothing', () => {
	it('emits the other orders and the one whose price.total is not a number, once, as the shop sent it', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00', { price: { total: 'abc' } });
		shop.add(3, '2025-02-10 09:20:00');

		const first = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(numbers(first.output)).toEqual(['1', '2', '3']);
		expect(first.output[1]).toEqual(expect.objectContaining({ price: { total: 'abc' } }));

		const second = await poll(shop, first.state, '2025-02-10 10:15:00');
		expect(second.output).toEqual([]);
		expect(second.state.emitted.map(([number]) => number)).toEqual(['1', '2', '3']);
	});

	it('waits for payment on an unreadable total when the payment status says unpaid, and emits it once paid', async () => {
		const shop = new FakeShop();
		shop.add(7, '2025-02-10 09:00:00', { payment_status: 'pending', price: { total: 'abc' } });
		const first = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(first.output).toEqual([]);
		expect(first.state.unpaid.map(([number]) => number)).toEqual(['7']);

		shop.change(7, '2025-02-10 09:00:00', { payment_status: 'captured' });
		const later = await poll(shop, first.state, '2025-02-10 12:00:00');
		expect(numbers(later.output)).toEqual(['7']);
	});

	it('emits an order whose status cannot be read once, so it is reported instead of lost', async () => {
		const shop = new FakeShop();
		shop.add(8, '2025-02-10 09:00:00', { status: 'afgerond' });
		shop.add(9, '2025-02-10 09:05:00');
		const first = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(numbers(first.output)).toEqual(['8', '9']);
		expect((await poll(shop, first.state, '2025-02-10 10:15:00')).output).toEqual([]);
	});

	it('remembers an order without a number by its uuid, so it is not emitted twice', async () => {
		const shop = new FakeShop();
		shop.add(5, '2025-02-10 09:00:00');
		const nameless = shop.orders[0] as unknown as Record<string, unknown>;
		nameless.number = '';
		nameless.uuid = 'f0f0f0f0-0000-4000-8000-000000000001';
		const first = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(first.output).toHaveLength(1);
		expect(first.state.emitted.map(([key]) => key)).toEqual([
			'uuid:f0f0f0f0-0000-4000-8000-000000000001',
		]);
		expect((await poll(shop, first.state, '2025-02-10 10:15:00')).output).toEqual([]);
	});

	it('shows the unreadable order in "Fetch Test Event" instead of failing', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00', { price: { total: 'abc' } });
		const sample = await sampleNewest(
			shop.io(() => winterMoment('2025-02-10 10:00:00')),
			rules,
			false,
		);
		expect(numbers(sample)).toEqual(['2', '1']);
	});
});
