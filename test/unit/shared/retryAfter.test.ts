import {
	parseRetryAfterMs,
	rateLimitWait,
	RETRY_AFTER_MAX_MS,
	retryAfterHeader,
} from '../../../nodes/shared/retryAfter';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('parseRetryAfterMs', () => {
	it.each([
		['30', 30_000],
		[' 0 ', 0],
		['1.5', 1_500],
		[7, 7_000],
		[['12'], 12_000],
		['Sat, 01 Mar 2025 12:00:45 GMT', 45_000],
		['Sat, 01 Mar 2025 11:00:00 GMT', 0],
	])('reads %j as %d ms', (header, expected) => {
		expect(parseRetryAfterMs(header, now)).toBe(expected);
	});

	it.each([[undefined], [''], ['soon'], [Number.NaN], [null]])('has no delay for %j', (header) => {
		expect(parseRetryAfterMs(header, now)).toBeUndefined();
	});
});

describe('retryAfterHeader', () => {
	it('finds the header whatever the case of its name', () => {
		expect(retryAfterHeader({ 'retry-after': '3' })).toBe('3');
		expect(retryAfterHeader({ 'Retry-After': '4' })).toBe('4');
		expect(retryAfterHeader({ other: '5' })).toBeUndefined();
		expect(retryAfterHeader(undefined)).toBeUndefined();
	});
});

describe('rateLimitWait: one policy for both APIs', () => {
	it('waits exactly as long as asked, up to a minute', () => {
		expect(rateLimitWait('7', 0, now)).toEqual({ retry: true, waitMs: 7_000 });
		expect(rateLimitWait('60', 3, now)).toEqual({ retry: true, waitMs: RETRY_AFTER_MAX_MS });
	});

	it('does not wait for a longer Retry-After, and says how long was asked', () => {
		expect(rateLimitWait('61', 0, now)).toEqual({ retry: false, askedMs: 61_000 });
		expect(rateLimitWait('Sat, 01 Mar 2025 13:00:00 GMT', 0, now)).toEqual({
			retry: false,
			askedMs: 3_600_000,
		});
	});

	it('without a readable Retry-After waits 2 s, doubled per earlier refusal, at most a minute', () => {
		expect(
			[0, 1, 2, 3, 4, 5, 10].map((refusals) => rateLimitWait(undefined, refusals, now)),
		).toEqual(
			[2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000].map((waitMs) => ({
				retry: true,
				waitMs,
			})),
		);
		expect(rateLimitWait('soon', 0, now)).toEqual({ retry: true, waitMs: 2_000 });
	});
});
