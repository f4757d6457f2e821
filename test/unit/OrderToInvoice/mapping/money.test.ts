import fc from 'fast-check';
import {
	allocate,
	divideHalfUp,
	formatEuro,
	formatRate,
	fromCents,
	inclusiveCents,
	toBasisPoints,
	toCents,
	vatInsideCents,
} from '../../../../nodes/OrderToInvoice/mapping/money';

describe('toCents', () => {
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
		expect(toCents(text)).toBe(cents);
	});

	it.each(['', 'abc', '1,50', '1.2.3', '12345678901234.00'])('%j is not an amount', (text) => {
		expect(toCents(text)).toBeUndefined();
	});

	it('reads any amount written with two to six decimals back to the same cents', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }),
				fc.integer({ min: 0, max: 4 }),
				(cents, zeros) => {
					const size = Math.abs(cents);
					const text = `${cents < 0 ? '-' : ''}${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}${'0'.repeat(zeros)}`;
					expect(toCents(text)).toBe(cents);
				},
			),
		);
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
		expect(fromCents(4745)).toBe(47.45);
		expect(fromCents(-1)).toBe(-0.01);
	});

	it('writes amounts and rates for messages', () => {
		expect(formatEuro(4745)).toBe('€47.45');
		expect(formatEuro(-1)).toBe('-€0.01');
		expect(formatRate(2100)).toBe('21%');
		expect(formatRate(550)).toBe('5.5%');
	});
});
