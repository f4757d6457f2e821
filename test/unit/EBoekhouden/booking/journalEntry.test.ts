import { lineCents } from '../../../../nodes/EBoekhouden/booking/journalEntry';

describe('lineCents', () => {
	it('multiplies a whole quantity by a whole-cent price exactly', () => {
		expect(lineCents({ quantity: 3, pricePerUnit: 19.99 })).toBe(5997);
		expect(lineCents({ quantity: 7, pricePerUnit: 0.1 })).toBe(70);
		expect(lineCents({ quantity: 1, pricePerUnit: -4.95 })).toBe(-495);
	});

	it('rounds a fractional quantity or price to the cent', () => {
		expect(lineCents({ quantity: 1.5, pricePerUnit: 2.01 })).toBe(302);
		expect(lineCents({ quantity: 2, pricePerUnit: 1.005 })).toBe(201);
	});
});
