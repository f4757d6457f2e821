import {
	forgetUnpaid,
	noteAwaitingPayment,
	pruneEmitted,
	recheckWindows,
	rememberEmitted,
	trimUnpaid,
} from '../../../../nodes/Mijnwebwinkel/trigger/memory';
import type { EmittedEntry, UnpaidEntry } from '../../../../nodes/Mijnwebwinkel/trigger/state';
import {
	EMITTED_KEEP_RECENT,
	EMITTED_MAX,
	UNPAID_MAX,
} from '../../../../nodes/Mijnwebwinkel/trigger/state';

const at = (minute: number) =>
	`2025-02-10 ${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;

describe('emitted memory', () => {
	it('appends, and moves an order emitted again to the end', () => {
		const list: EmittedEntry[] = [
			['1', at(0)],
			['2', at(1)],
		];
		expect(
			rememberEmitted(list, [
				['1', at(5)],
				['3', at(6)],
			]),
		).toEqual([
			['2', at(1)],
			['1', at(5)],
			['3', at(6)],
		]);
	});

	it('keeps the newest 500 and everything inside the next window, never more than 1000', () => {
		const old: EmittedEntry[] = Array.from({ length: 2000 }, (_, index) => [
			String(index),
			'2025-01-01 00:00:00',
		]);
		expect(pruneEmitted(old, '2025-02-01 00:00:00')).toEqual(old.slice(-EMITTED_KEEP_RECENT));

		const inWindow: EmittedEntry[] = Array.from({ length: 300 }, (_, index) => [
			`w${index}`,
			'2025-02-10 10:00:00',
		]);
		const mixed = [...inWindow, ...old.slice(0, 600)];
		const kept = pruneEmitted(mixed, '2025-02-10 09:00:00');
		expect(kept).toHaveLength(300 + EMITTED_KEEP_RECENT);
		expect(kept.slice(0, 300)).toEqual(inWindow);

		const tooMany: EmittedEntry[] = Array.from({ length: 5000 }, (_, index) => [
			String(index),
			'2025-02-10 10:00:00',
		]);
		expect(pruneEmitted(tooMany, '2025-02-10 09:00:00')).toEqual(tooMany.slice(-EMITTED_MAX));
	});
});

describe('unpaid orders', () => {
	it('gives a new unpaid order a deadline counted from its status change, and keeps the first deadline', () => {
		const first = noteAwaitingPayment(
			[],
			[{ number: '7', changed: '2025-02-01 09:00:00' }],
			14,
			'2025-02-01',
		);
		expect(first).toEqual([['7', '2025-02-01 09:00:00', '2025-02-15']]);
		const again = noteAwaitingPayment(
			first,
			[{ number: '7', changed: '2025-02-05 09:00:00' }],
			14,
			'2025-02-05',
		);
		expect(again).toEqual([['7', '2025-02-05 09:00:00', '2025-02-15']]);
	});

	it('does not take on an order already past its deadline (an old unpaid order in a history import)', () => {
		expect(
			noteAwaitingPayment([], [{ number: '7', changed: '2024-06-01 09:00:00' }], 21, '2025-02-01'),
		).toEqual([]);
	});

	it('lets entries expire after the last re-check day', () => {
		const list: UnpaidEntry[] = [['7', '2025-02-01 09:00:00', '2025-02-15']];
		expect(trimUnpaid(list, '2025-02-15')).toEqual(list);
		expect(trimUnpaid(list, '2025-02-16')).toEqual([]);
	});

	it('forgets settled orders', () => {
		const list: UnpaidEntry[] = [
			['7', at(0), '2025-03-01'],
			['8', at(1), '2025-03-01'],
		];
		expect(forgetUnpaid(list, ['7'])).toEqual([['8', at(1), '2025-03-01']]);
	});

	it('holds at most 200, dropping those that expire first', () => {
		const many: UnpaidEntry[] = Array.from({ length: 300 }, (_, index) => [
			String(index),
			at(index),
			`2025-03-${String(1 + (index % 28)).padStart(2, '0')}`,
		]);
		const kept = trimUnpaid(many, '2025-02-10');
		expect(kept).toHaveLength(UNPAID_MAX);
		const earliestKept = kept.map(([, , until]) => until).sort()[0];
		const dropped = many.filter(([number]) => !kept.some(([keptNumber]) => keptNumber === number));
		expect(dropped.every(([, , until]) => until <= earliestKept)).toBe(true);
	});
});

describe('recheckWindows', () => {
	it('puts each of up to three orders in its own one-second window', () => {
		const list: UnpaidEntry[] = [
			['1', at(0), 'x'],
			['2', at(300), 'x'],
		];
		expect(recheckWindows(list, 3)).toEqual([
			{ from: at(0), to: at(0) },
			{ from: at(300), to: at(300) },
		]);
	});

	it('splits many orders at the widest gaps', () => {
		const minutes = [0, 1, 2, 100, 101, 400, 402, 403];
		const list: UnpaidEntry[] = minutes.map((minute, index) => [String(index), at(minute), 'x']);
		expect(recheckWindows(list, 3)).toEqual([
			{ from: at(0), to: at(2) },
			{ from: at(100), to: at(101) },
			{ from: at(400), to: at(403) },
		]);
	});

	it('has nothing to do for an empty list', () => {
		expect(recheckWindows([], 3)).toEqual([]);
	});
});
