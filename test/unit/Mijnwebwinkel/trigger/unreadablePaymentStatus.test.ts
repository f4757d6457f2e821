import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import type { ShopOrder } from '../helpers/fakeShop';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { rules, settings } from '../helpers/pollSetup';

/**
 * A finished order whose payment status cannot be read (an object or a number where the spec has a string) says
 * nothing about being unpaid. Like an order whose status cannot be read, it is emitted once, so Order to Invoice
 * names the field on its error output; it is not held as "waiting for payment" until it silently drops off the
 * re-check list.
 */

async function poll(shop: FakeShop, state: TriggerState | undefined, shopTime: string) {
	const result = await runPoll(
		state,
		settings,
		rules,
		shop.io(() => winterMoment(shopTime)),
	);
	return {
		numbers: result.output.map((order) => String((order as { number: unknown }).number)),
		state: JSON.parse(JSON.stringify(result.state)) as TriggerState,
	};
}

const unreadable: Array<[string, Partial<ShopOrder> & Record<string, unknown>]> = [
	['payment_status is an object', { payment_status: { id: 1, text: 'Successful' } as never }],
	['payment_status is a number', { payment_status: 1 as never }],
	[
		'payment.status.id is not a number, and there is no payment_status',
		{ payment_status: undefined, payment: { status: { id: 'geslaagd' } } },
	],
];

describe('Mijnwebwinkel Trigger: a finished order whose payment status cannot be read', () => {
	it.each(unreadable)('(%s) is emitted once, not held as unpaid', async (_, fields) => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 09:00:00');
		shop.add(2, '2025-02-10 09:10:00', fields);

		const first = await poll(shop, undefined, '2025-02-10 10:00:00');
		expect(first.numbers).toEqual(['1', '2']);
		expect(first.state.unpaid).toEqual([]);
		const second = await poll(shop, first.state, '2025-02-10 10:15:00');
		expect(second.numbers).toEqual([]);
	});
});
