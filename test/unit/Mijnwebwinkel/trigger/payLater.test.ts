import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';
import type { PollSettings } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import type { QualifyRules } from '../../../../nodes/Mijnwebwinkel/trigger/qualifies';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import {
	readState,
	STATE_KEY,
	UNCAPTURED_MAX,
} from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { FakeShop, winterMoment } from '../helpers/fakeShop';

/**
 * Pay later with "Count Authorized Payments as Paid" on (the default): an authorised order is emitted at once (the
 * sale is invoiced), watched, emitted once more when its payment is captured (the payment is booked then), and
 * never again.
 */

const rules = (acceptAuthorized = true): QualifyRules => ({
	finished: [4],
	credit: [10],
	paid: [],
	acceptAuthorized,
	includeCreditOrders: true,
	includeTestOrders: false,
});

const settings: PollSettings = {
	since: '',
	overlapMinutes: 60,
	maxOrdersPerPoll: 250,
	recheckDays: 21,
	includeTestOrders: false,
};

class Poller {
	state: TriggerState | undefined;
	warnings: string[] = [];
	constructor(
		private shop: FakeShop,
		private options: { acceptAuthorized?: boolean; payments?: (n: string) => PaymentsAnswer } = {},
	) {}
	async poll(shopTime: string): Promise<number[]> {
		const { output, state, unwatched } = await runPoll(
			this.state,
			settings,
			rules(this.options.acceptAuthorized),
			this.shop.io(() => winterMoment(shopTime), { payments: this.options.payments }),
		);
		// As n8n keeps it: plain JSON.
		this.state = readState({ [STATE_KEY]: JSON.parse(JSON.stringify(state)) });
		this.warnings.push(...unwatched.map(({ number, reason }) => `${number}: ${reason}`));
		return output.map((order) => Number((order as { number: number }).number));
	}
	watched(): string[] {
		return (this.state?.uncaptured ?? []).map(([number]) => number);
	}
}

async function activated(shop: FakeShop, options = {}): Promise<Poller> {
	const poller = new Poller(shop, options);
	await poller.poll('2025-02-10 08:00:00');
	return poller;
}

describe('an authorised pay-later order', () => {
	it('is emitted at authorisation, again once when captured without a status change, then never', async () => {
		const shop = new FakeShop();
		const poller = await activated(shop);
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'authorized' });

		expect(await poller.poll('2025-02-10 09:00:00')).toEqual([1]);
		expect(poller.watched()).toEqual(['1']);
		expect(await poller.poll('2025-02-10 09:15:00')).toEqual([]);
		expect(await poller.poll('2025-02-10 11:00:00')).toEqual([]);

		shop.change(1, '2025-02-10 08:30:00', { payment_status: 'captured' });
		// The re-check (at most hourly) finds the capture, which came without a status change.
		expect(await poller.poll('2025-02-10 12:05:00')).toEqual([1]);
		expect(poller.watched()).toEqual([]);
		for (const time of ['2025-02-10 12:20:00', '2025-02-10 13:30:00', '2025-02-12 09:00:00'])
			expect(await poller.poll(time)).toEqual([]);
		expect(poller.warnings).toEqual([]);
	});

	it('captured with a status change is emitted again by the next poll', async () => {
		const shop = new FakeShop();
		const poller = await activated(shop);
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'authorized' });
		expect(await poller.poll('2025-02-10 09:00:00')).toEqual([1]);

		shop.change(1, '2025-02-10 09:05:00', { payment_status: 'captured' });
		expect(await poller.poll('2025-02-10 09:15:00')).toEqual([1]);
		expect(await poller.poll('2025-02-10 09:30:00')).toEqual([]);
		expect(poller.watched()).toEqual([]);
	});

	it('is emitted only once captured when authorised payments do not count as paid', async () => {
		const shop = new FakeShop();
		const poller = await activated(shop, { acceptAuthorized: false });
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'authorized' });
		expect(await poller.poll('2025-02-10 09:00:00')).toEqual([]);
		shop.change(1, '2025-02-10 08:30:00', { payment_status: 'captured' });
		expect(await poller.poll('2025-02-10 12:00:00')).toEqual([1]);
		expect(await poller.poll('2025-02-10 13:30:00')).toEqual([]);
		expect(poller.watched()).toEqual([]);
	});

	it('whose authorisation is voided is not emitted again, and the poll says why it stopped watching', async () => {
		const shop = new FakeShop();
		const poller = await activated(shop);
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'authorized' });
		await poller.poll('2025-02-10 09:00:00');
		shop.change(1, '2025-02-10 08:30:00', { payment_status: 'voided' });
		expect(await poller.poll('2025-02-10 12:00:00')).toEqual([]);
		expect(poller.watched()).toEqual([]);
		expect(poller.warnings).toEqual(['1: its payment is now voided, not captured']);
	});

	it('is watched for 30 days after its status change, then named and dropped', async () => {
		const shop = new FakeShop();
		const poller = await activated(shop);
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'authorized' });
		await poller.poll('2025-02-10 09:00:00');
		await poller.poll('2025-03-12 09:00:00');
		expect(poller.watched()).toEqual(['1']);
		await poller.poll('2025-03-13 09:00:00');
		expect(poller.watched()).toEqual([]);
		expect(poller.warnings).toEqual(['1: still only authorised after 30 days']);
		shop.change(1, '2025-02-10 08:30:00', { payment_status: 'captured' });
		expect(await poller.poll('2025-03-14 09:00:00')).toEqual([]);
	});

	it('stays watched when its payments cannot be read at the capture, and is emitted once they can', async () => {
		const shop = new FakeShop();
		let shopBusy = false;
		const poller = await activated(shop, {
			payments: (): PaymentsAnswer =>
				shopBusy ? { problem: 'the shop is busy', temporary: true } : { payments: [] },
		});
		shop.add(1, '2025-02-10 08:30:00', { payment_status: 'authorized' });
		expect(await poller.poll('2025-02-10 09:00:00')).toEqual([1]);

		shop.change(1, '2025-02-10 09:05:00', { payment_status: 'captured' });
		shopBusy = true;
		expect(await poller.poll('2025-02-10 09:15:00')).toEqual([]);
		expect(poller.watched()).toEqual(['1']);
		expect(poller.state?.unpaid).toEqual([]);
		shopBusy = false;
		expect(await poller.poll('2025-02-10 10:30:00')).toEqual([1]);
		expect(poller.watched()).toEqual([]);
		expect(await poller.poll('2025-02-10 12:00:00')).toEqual([]);
	});

	it('finished before activation is not watched: activation emits nothing, and its capture neither', async () => {
		const shop = new FakeShop();
		shop.add(1, '2025-02-10 07:30:00', { payment_status: 'authorized' });
		const poller = await activated(shop);
		expect(poller.watched()).toEqual([]);
		shop.change(1, '2025-02-10 08:10:00', { payment_status: 'captured' });
		expect(await poller.poll('2025-02-10 08:15:00')).toEqual([]);
	});

	it('keeps the watch list bounded: over the maximum, the ones expiring first are named and dropped', async () => {
		const shop = new FakeShop();
		const poller = await activated(shop);
		for (let number = 1; number <= UNCAPTURED_MAX + 5; number++) {
			const day = number <= 5 ? '2025-02-09' : '2025-02-10';
			shop.add(number, `${day} 07:45:00`, { payment_status: 'authorized' });
		}
		poller.state = {
			...poller.state!,
			cursor: '2025-02-09 07:00:00',
		};
		expect(await poller.poll('2025-02-10 09:00:00')).toHaveLength(UNCAPTURED_MAX + 5);
		expect(poller.watched()).toHaveLength(UNCAPTURED_MAX);
		expect(poller.warnings.map((line) => line.split(':')[0]).sort()).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
		]);
		expect(JSON.stringify(poller.state).length).toBeLessThan(64 * 1024);
	});
});

describe('the stored state', () => {
	it('saved before pay-later orders were watched is read on, with nothing watched', () => {
		const old = {
			version: 1,
			cursor: '2025-02-10 08:00:00',
			since: '',
			emitted: [['1', '2025-02-10 07:00:00']],
			unpaid: [],
		};
		expect(readState({ [STATE_KEY]: old })).toEqual({ ...old, uncaptured: [] });
	});
});
