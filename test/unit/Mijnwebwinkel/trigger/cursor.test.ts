import {
	applySince,
	currentScan,
	cursorAfterScan,
	initialState,
	nextWindowStart,
} from '../../../../nodes/Mijnwebwinkel/trigger/cursor';
import type { ScanState } from '../../../../nodes/Mijnwebwinkel/trigger/state';

const NOW = '2025-02-10 14:00:00';

describe('initialState', () => {
	it('without a date: cursor now, and a quiet scan of the last overlap to remember what already qualified', () => {
		expect(initialState(NOW, '', 60)).toEqual({
			version: 1,
			cursor: NOW,
			since: '',
			scan: { from: '2025-02-10 13:00:00', offset: 0, startedAt: NOW, quiet: true },
			emitted: [],
			unpaid: [],
			uncaptured: [],
		});
	});

	it('with a date: a scan from that day that emits', () => {
		expect(initialState(NOW, '2025-01-01 00:00:00', 60).scan).toEqual({
			from: '2025-01-01 00:00:00',
			offset: 0,
			startedAt: NOW,
			quiet: false,
		});
	});

	it('a date in the future counts as none', () => {
		expect(initialState(NOW, '2025-03-01 00:00:00', 60).scan?.quiet).toBe(true);
	});
});

describe('currentScan and the next window', () => {
	it('continues a scan in progress', () => {
		const scan: ScanState = {
			from: '2025-01-01 00:00:00',
			offset: 300,
			startedAt: NOW,
			quiet: false,
		};
		expect(currentScan({ ...initialState(NOW, '', 60), scan }, NOW, 60)).toBe(scan);
	});

	it('otherwise starts an open window at the cursor minus the overlap', () => {
		const state = { ...initialState('2025-02-10 13:00:00', '', 60), scan: undefined };
		expect(currentScan(state, NOW, 60)).toEqual({
			from: '2025-02-10 12:00:00',
			offset: 0,
			startedAt: NOW,
			quiet: false,
		});
	});

	it('crosses midnight and month ends', () => {
		expect(nextWindowStart('2025-03-01 00:30:00', 60)).toBe('2025-02-28 23:30:00');
	});
});

describe('cursorAfterScan', () => {
	const scan = (maxSeen?: string): ScanState => ({
		from: '2025-02-10 12:00:00',
		offset: 0,
		startedAt: NOW,
		quiet: false,
		maxSeen,
	});

	it('moves to the time the scan began when it read recent changes', () => {
		expect(cursorAfterScan('2025-02-10 13:00:00', scan('2025-02-10 13:42:10'), 60)).toBe(NOW);
	});

	it('moves at most one overlap past the latest change read, so the next window starts at that change', () => {
		expect(cursorAfterScan('2025-02-10 11:00:00', scan('2025-02-10 12:20:00'), 60)).toBe(
			'2025-02-10 13:20:00',
		);
		expect(nextWindowStart('2025-02-10 13:20:00', 60)).toBe('2025-02-10 12:20:00');
	});

	it('never backwards, and stays when nothing was read', () => {
		expect(cursorAfterScan('2025-02-10 13:50:00', scan('2025-02-10 12:30:00'), 60)).toBe(
			'2025-02-10 13:50:00',
		);
		expect(cursorAfterScan('2025-02-10 13:00:00', scan(), 60)).toBe('2025-02-10 13:00:00');
	});
});

describe('applySince', () => {
	const running = { ...initialState('2025-02-01 10:00:00', '', 60), scan: undefined };

	it('starts an import from a newly set date, keeping what was emitted', () => {
		const state = {
			...running,
			emitted: [['7', '2025-02-01 09:00:00']] as Array<[string, string]>,
		};
		const next = applySince(state, '2025-01-01 00:00:00', NOW, 60);
		expect(next.scan).toEqual({
			from: '2025-01-01 00:00:00',
			offset: 0,
			startedAt: NOW,
			quiet: false,
		});
		expect(next.emitted).toEqual(state.emitted);
		expect(next.since).toBe('2025-01-01 00:00:00');
	});

	it('does nothing for the date already applied', () => {
		const state = { ...running, since: '2025-01-01 00:00:00' };
		expect(applySince(state, '2025-01-01 00:00:00', NOW, 60)).toBe(state);
	});

	it('only records a cleared date', () => {
		const state = { ...running, since: '2025-01-01 00:00:00' };
		expect(applySince(state, '', NOW, 60)).toEqual({ ...state, since: '' });
	});

	it('never starts later than the window it replaces', () => {
		const next = applySince(running, '2025-02-01 00:00:00', NOW, 60 * 24);
		expect(next.scan?.from).toBe('2025-01-31 10:00:00');
	});
});
