import fc from 'fast-check';
import {
	allocate,
	centsToEuros,
	decimalTextToCents,
	divideHalfUp,
	eurosToCents,
	formatEuros,
	formatRate,
	inclusiveCents,
	isWholeCents,
	lineCents,
	toBasisPoints,
	vatInsideCents,
	reportedEurosToCents,
} from '../../../nodes/shared/money';

describe('decimalTextToCents', () => {
	it.each([
		['47.450000', 4745],
		['15.00', 1500],
		['0.21', 21],
		['-6.05', -605],
		['68', 6800],
		['-0.00', 0],
		[' 9.90 ', 990],
		['2.345', 235],
		['2.3449', 234],
		['-2.345', -235],
		['0.005', 1],
		['0.004999', 0],
	])('%s → %i cents', (text, cents) => {
		expect(decimalTextToCents(text)).toBe(cents);
	});

	it.each(['', 'abc', '1,50', '1.2.3', '12345678901234.00'])('%j is not an amount', (text) => {
		expect(decimalTextToCents(text)).toBeUndefined();
	});

	it('reads any amount written with two to six decimals back to the same cents', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }),
				fc.integer({ min: 0, max: 4 }),
				(cents, zeros) => {
					const size = Math.abs(cents);
					const text = `${cents < 0 ? '-' : ''}${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}${'0'.repeat(zeros)}`;
					expect(decimalTextToCents(text)).toBe(cents);
				},
			),
		);
	});
});

describe('eurosToCents', () => {
	it.each([
		[19.99, 1999],
		[0.1, 10],
		[-4.95, -495],
		[1234567.89, 123456789],
		[0, 0],
		[-0, 0],
	])('%d euros → %i cents', (euros, cents) => {
		expect(eurosToCents(euros)).toBe(cents);
	});

	it.each([10.005, 0.1 + 0.2, 1 / 3, Number.NaN, Number.POSITIVE_INFINITY])(
		'refuses %d: not a whole number of cents, so it is never rounded silently',
		(euros) => {
			expect(isWholeCents(euros)).toBe(false);
			expect(() => eurosToCents(euros)).toThrow('is not a whole number of cents');
		},
	);

	it('reads back every amount of whole cents that JSON carries, and centsToEuros gives it again', () => {
		fc.assert(
			fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
				const euros = Number(JSON.parse(JSON.stringify(centsToEuros(cents))));
				expect(euros).toBe(Number(formatEuros(cents, { symbol: false })));
				expect(eurosToCents(euros)).toBe(cents);
			}),
		);
	});
});

describe('lineCents', () => {
	it('multiplies a whole quantity by a whole-cent price exactly', () => {
		expect(lineCents(3, 19.99)).toBe(5997);
		expect(lineCents(7, 0.1)).toBe(70);
		expect(lineCents(1, -4.95)).toBe(-495);
	});

	it('rounds a fractional quantity or price to the cent, half away from zero', () => {
		expect(lineCents(1.5, 2.01)).toBe(302);
		expect(lineCents(2, 1.005)).toBe(201);
		expect(lineCents(1.5, -3.33)).toBe(-500);
	});
});

describe('toBasisPoints', () => {
	it.each([
		['21.00', 2100],
		['9.00', 900],
		['9', 900],
		['0.00', 0],
		['5.5', 550],
		['19.000000', 1900],
	])('%s → %i', (text, basisPoints) => {
		expect(toBasisPoints(text)).toBe(basisPoints);
	});

	it.each(['-21', 'x', '20.995'])('%j is not an exact rate', (text) => {
		expect(toBasisPoints(text)).toBeUndefined();
	});
});

describe('amounts including VAT, half up', () => {
	it.each([
		// 12.396694 × 1.21 = 14.99999974
		['12.396694', 2100, 1500],
		// 4.128440 × 1.09 = 4.4999996
		['4.128440', 900, 450],
		// 0.045 × 1.00 = 0.045 → half up
		['0.045', 0, 5],
		['-0.045', 0, -5],
		// 1.00 × 1.19 = 1.19
		['1.000000', 1900, 119],
	])('%s at %i bp → %i cents', (amount, rate, cents) => {
		expect(inclusiveCents(amount, rate)).toBe(cents);
	});

	it.each([
		// 121.00 × 21/121 = 21.00
		[12100, 2100, 2100],
		// 5.95 × 19/119 = 0.95
		[595, 1900, 95],
		// 0.79 × 21/121 = 0.1371 → 0.14
		[79, 2100, 14],
		// 0.21 × 9/109 = 0.01733 → 0.02
		[21, 900, 2],
		[-595, 1900, -95],
	])('VAT inside %i cents at %i bp is %i cents', (inclusive, rate, vat) => {
		expect(vatInsideCents(inclusive, rate)).toBe(vat);
	});

	it('rounds exact halves away from zero', () => {
		expect(divideHalfUp(BigInt(5), BigInt(2))).toBe(BigInt(3));
		expect(divideHalfUp(BigInt(-5), BigInt(2))).toBe(BigInt(-3));
		expect(divideHalfUp(BigInt(7), BigInt(3))).toBe(BigInt(2));
	});
});

describe('allocate', () => {
	it('splits 1.00 over three equal weights as 34 + 33 + 33', () => {
		expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
	});

	it('splits a discount of -10.00 over 30.00 at 9% and 70.00 at 21% as -3.00 and -7.00', () => {
		expect(allocate(-1000, [3000, 7000])).toEqual([-300, -700]);
	});

	it('splits evenly when every weight is zero', () => {
		expect(allocate(5, [0, 0])).toEqual([3, 2]);
	});

	it('always adds up to the total, each share within one cent of its exact proportion', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
				(total, weights) => {
					const shares = allocate(total, weights);
					const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
					expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
					shares.forEach((share, index) => {
						expect(Math.abs(share - (total * weights[index]) / weightSum)).toBeLessThan(1);
					});
				},
			),
		);
	});
});

describe('formatting', () => {
	it('gives euros as numbers with at most two decimals', () => {
		expect(centsToEuros(4745)).toBe(47.45);
		expect(centsToEuros(-1)).toBe(-0.01);
	});

	it('writes amounts and rates for messages', () => {
		expect(formatEuros(4745)).toBe('€47.45');
		expect(formatEuros(-1)).toBe('-€0.01');
		expect(formatEuros(-1210)).toBe('-€12.10');
		expect(formatRate(2100)).toBe('21%');
		expect(formatRate(550)).toBe('5.5%');
	});

	it('writes the amount of a payment reference as it always has (it is part of an identifier)', () => {
		expect(formatEuros(3000, { symbol: false, decimalComma: true })).toBe('30,00');
		expect(formatEuros(5, { symbol: false, decimalComma: true })).toBe('0,05');
	});
});

describe('reportedEurosToCents', () => {
	it('rounds what e-Boekhouden reports to the nearest cent, for comparing only', () => {
		expect(reportedEurosToCents(0.1 + 0.2)).toBe(30);
		expect(reportedEurosToCents(12.1)).toBe(1210);
		expect(reportedEurosToCents(-60.5)).toBe(-6050);
		expect(Object.is(reportedEurosToCents(-0.004), 0)).toBe(true);
	});
});
