import type { IPollFunctions } from 'n8n-workflow';
import { readTriggerSettings } from '../../../../nodes/Mijnwebwinkel/descriptions/trigger';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import type { TriggerState } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import { node } from '../helpers/fakeContext';
import { FakeShop } from '../helpers/fakeShop';
import { rules } from '../helpers/pollSetup';

/**
 * On the last Sunday of October the clocks in the Netherlands go back from 03:00 summer time to 02:00 winter
 * time, so the shop's times without a zone (docs/api-notes.md, Mijnwebwinkel §14.5) run through 02:00–03:00
 * twice. An order whose status changes in the second pass has an earlier shop time than orders already read;
 * whatever overlap the user chose, the trigger must still emit it.
 */

function settingsWithOverlap(overlapMinutes: number) {
	const parameters: Record<string, unknown> = { options: { overlapMinutes } };
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IPollFunctions;
	return readTriggerSettings(context).poll;
}

describe('Mijnwebwinkel Trigger on the night the clocks go back', () => {
	it.each([0, 15, 30])(
		'with an overlap of %i minutes chosen, emits an order finished in the repeated hour',
		async (overlapMinutes) => {
			const settings = settingsWithOverlap(overlapMinutes);
			const shop = new FakeShop();
			let state: TriggerState | undefined;
			const poll = async (utc: string) => {
				const result = await runPoll(
					state,
					settings,
					rules,
					shop.io(() => new Date(utc)),
				);
				state = JSON.parse(JSON.stringify(result.state)) as TriggerState;
				return result.output.map((order) => (order as { number: number }).number);
			};

			// 2025-10-26: 00:05 UTC is 02:05 summer time.
			expect(await poll('2025-10-26T00:05:00Z')).toEqual([]);
			shop.add(1, '2025-10-26 02:40:00'); // 00:40 UTC, summer time
			expect(await poll('2025-10-26T00:50:00Z')).toEqual([1]); // 02:50 summer time
			shop.add(2, '2025-10-26 02:10:00'); // 01:10 UTC, winter time: the second 02:10
			const later: number[] = [];
			for (const utc of ['01:20', '01:35', '02:35', '05:35']) {
				later.push(...(await poll(`2025-10-26T${utc}:00Z`)));
			}
			expect(later).toEqual([2]);
		},
	);
});
