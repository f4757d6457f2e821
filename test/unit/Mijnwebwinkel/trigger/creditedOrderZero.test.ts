import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { FakeShop, winterMoment } from '../helpers/fakeShop';
import { rules, settings } from '../helpers/pollSetup';

/**
 * A credit order points at the order it credits (docs/api-notes.md, Mijnwebwinkel §8); a shop that writes
 * `credited_order_number: 0` (or an empty string) on every other order points at no order. Such an order is an
 * ordinary order: emitted only once finished and paid, with its payments read, as Order to Invoice books it.
 */

const transaction = (number: string) => ({ id: `p-${number}`, gateway: 'mollie', price: 1000 });
const paid = (number: string): PaymentsAnswer => ({ payments: [transaction(number)] });

describe.each([0, '0', '', ' '])(
	'Mijnwebwinkel Trigger: orders with credited_order_number %p',
	(none) => {
		it('are emitted only when finished and paid, with their payments', async () => {
			const shop = new FakeShop();
			const credited = { credited_order_number: none as number };
			shop.add(1, '2025-02-10 09:00:00', credited);
			shop.add(2, '2025-02-10 09:05:00', { ...credited, payment_status: 'pending' });
			shop.add(3, '2025-02-10 09:10:00', { ...credited, status: 1 });
			shop.add(4, '2025-02-10 09:15:00', { ...credited, status: 5, payment_status: 'voided' });

			const { output, state } = await runPoll(
				undefined,
				settings,
				rules,
				shop.io(() => winterMoment('2025-02-10 10:00:00'), { payments: paid }),
			);

			expect(output).toEqual([
				expect.objectContaining({ number: 1, payments: [transaction('1')] }),
			]);
			expect(state.unpaid.map(([number]) => number)).toEqual(['2']);
		});
	},
);
