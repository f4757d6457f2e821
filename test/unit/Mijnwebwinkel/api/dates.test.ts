import {
	addDays,
	parseUserDateTime,
	shiftShopDateTime,
	toShopDateTime,
} from '../../../../nodes/Mijnwebwinkel/api/dates';

describe('shop time (Europe/Amsterdam)', () => {
	it('is UTC+1 in winter and UTC+2 in summer', () => {
		expect(toShopDateTime(new Date('2025-01-15T11:00:00Z'))).toBe('2025-01-15 12:00:00');
		expect(toShopDateTime(new Date('2025-07-15T11:00:00Z'))).toBe('2025-07-15 13:00:00');
		expect(toShopDateTime(new Date('2025-12-31T23:30:05Z'))).toBe('2026-01-01 00:30:05');
	});

	it('shifts naive times across days and leap days', () => {
		expect(shiftShopDateTime('2024-03-01 00:15:00', -30)).toBe('2024-02-29 23:45:00');
		expect(addDays('2025-12-20', 21)).toBe('2026-01-10');
	});
});

describe('parseUserDateTime', () => {
	it.each([
		['2025-01-31', '2025-01-31 00:00:00'],
		['2025-01-31T08:05:00', '2025-01-31 08:05:00'],
		['2025-01-31T08:05', '2025-01-31 08:05:00'],
		['2025-01-31 08:05:09.123', '2025-01-31 08:05:09'],
		['2025-01-31T08:05:00.000Z', '2025-01-31 09:05:00'],
		['2025-07-01T08:00:00.000+02:00', '2025-07-01 08:00:00'],
	])('reads %j as shop time %j', (input, expected) => {
		expect(parseUserDateTime(input)).toBe(expected);
	});

	it.each(['', '31-01-2025', '2025-02-30', 'yesterday', '2025-01-31T25:00:00'])(
		'refuses %j',
		(input) => {
			expect(parseUserDateTime(input)).toBeUndefined();
		},
	);
});
