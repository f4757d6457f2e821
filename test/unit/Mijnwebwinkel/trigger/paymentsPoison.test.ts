import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';
import type { PollSettings } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { rules } from '../helpers/pollSetup';

/**
 * One order whose payments the shop answers with a server error every time (say a legacy payment its payments
 * endpoint cannot give) must not hold back the orders after it: they are emitted once each, with their payments,
 * while that one order is held back and named on every poll.
 */

const settings: PollSettings = {
	since: '',
	overlapMinutes: 60,
	maxOrdersPerPoll: 250,
	recheckDays: 21,
	includeTestOrders: false,
};

const transaction = (number: string) => ({ id: `p-${number}`, gateway: 'mollie', price: 1000 });
const POISON = '3';
const answer = (number: string): PaymentsAnswer =>
	number === POISON
		? { problem: 'Mijnwebwinkel had a server error (HTTP 500)', temporary: true }
		: { payments: [transaction(number)] };

type Emitted = { number: number; payments?: unknown };

describe('Mijnwebwinkel Trigger: an order whose payments always fail with a server error', () => {
	it('holds back only that order; every other order is emitted once, with its payments', async () => {
		const shop = new FakeShop();
		let state: TriggerState | undefined;
		const heldBack: string[][] = [];
		const poll = async (shopTime: string) => {
			const result = await runPoll(
				state,
				settings,
				rules,
				shop.io(() => winterMoment(shopTime), { payments: answer }),
			);
			state = JSON.parse(JSON.stringify(result.state)) as TriggerState;
			heldBack.push(result.deferred.map(({ number }) => number));
			return result.output as Emitted[];
		};
		await poll('2025-02-10 08:00:00');
		for (let number = 1; number <= 20; number++) shop.add(number, '2025-02-10 08:05:00');

		const emitted: Emitted[] = [];
		for (const shopTime of ['08:15', '08:30', '08:45', '09:00', '12:00', '18:00']) {
			emitted.push(...(await poll(`2025-02-10 ${shopTime}:00`)));
		}

		const others = Array.from({ length: 20 }, (_, index) => index + 1).filter(
			(number) => String(number) !== POISON,
		);
		expect(emitted.map(({ number }) => number).sort((a, b) => a - b)).toEqual(others);
		for (const order of emitted)
			expect(order.payments).toEqual([transaction(String(order.number))]);
		expect(heldBack.slice(1).every((numbers) => numbers.includes(POISON))).toBe(true);
		expect(heldBack.at(-1)).toEqual([POISON]);
	});
});
