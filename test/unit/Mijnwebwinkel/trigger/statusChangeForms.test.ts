import type { PollSettings } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import type { ShopOrder } from '../helpers/fakeShop';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { rules } from '../helpers/pollSetup';

/**
 * The API documents the last status change as a date and a time without a zone (docs/api-notes.md,
 * Mijnwebwinkel §6), but its payments carry ISO times with a zone. An order finished unpaid whose status change
 * comes in another form (a zone, a fraction of a second, a date-time in the date field) must still be found by the
 * re-check when its payment arrives without a status change, and be emitted once.
 */

const settings: PollSettings = {
	since: '',
	overlapMinutes: 60,
	maxOrdersPerPoll: 250,
	recheckDays: 21,
	includeTestOrders: false,
};

async function pollsOf(shop: FakeShop) {
	let state: TriggerState | undefined;
	return async (shopTime: string) => {
		const result = await runPoll(
			state,
			settings,
			rules,
			shop.io(() => winterMoment(shopTime)),
		);
		state = JSON.parse(JSON.stringify(result.state)) as TriggerState;
		return result.output.map((order) => Number((order as { number: number }).number));
	};
}

type Form = Pick<ShopOrder, 'status_changed_date' | 'status_changed_time'>;

/** Each form with the shop time it stands for (winter, UTC+1), worked out by hand. */
const forms: Array<[string, Form, string]> = [
	[
		'a time with its zone',
		{ status_changed_date: '2025-02-10', status_changed_time: '08:30:00+01:00' },
		'2025-02-10 08:30:00',
	],
	[
		'a time with a fraction of a second',
		{ status_changed_date: '2025-02-10', status_changed_time: '08:30:00.000000' },
		'2025-02-10 08:30:00',
	],
	[
		'an ISO date-time with its zone in the date field',
		{ status_changed_date: '2025-02-10T08:30:00+01:00', status_changed_time: '' },
		'2025-02-10 08:30:00',
	],
	[
		'an ISO date-time in UTC in the date field, the day before in UTC',
		{ status_changed_date: '2025-02-09T23:30:00Z', status_changed_time: '' },
		'2025-02-10 00:30:00',
	],
];

describe('Mijnwebwinkel Trigger: an unpaid order whose status change comes in another form', () => {
	it.each(forms)(
		'(%s) is emitted once when paid the next day without a status change',
		async (_, form, shopTime) => {
			const shop = new FakeShop();
			const poll = await pollsOf(shop);
			expect(await poll('2025-02-09 22:00:00')).toEqual([]);

			const order = shop.add(7, shopTime, { payment_status: 'pending' });
			Object.assign(order, form, { filteredAs: shopTime });
			expect(await poll('2025-02-10 08:45:00')).toEqual([]);
			// The shop goes on: later orders move the trigger past order 7's status change.
			shop.add(8, '2025-02-10 10:30:00');
			expect(await poll('2025-02-10 10:45:00')).toEqual([8]);
			shop.add(9, '2025-02-10 12:30:00');
			expect(await poll('2025-02-10 12:45:00')).toEqual([9]);

			order.payment_status = 'captured';
			expect(await poll('2025-02-11 09:00:00')).toEqual([7]);
			expect(await poll('2025-02-11 10:30:00')).toEqual([]);
		},
	);
});
