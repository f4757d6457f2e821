import {
	RELATION_CODE_MAX,
	relationCode,
} from '../../../../../nodes/EBoekhouden/actions/relation/code';

describe('relation codes derived from the e-mail address', () => {
	it('are the same for the same address whatever its case or spaces, and fit e-Boekhouden’s 15 characters', () => {
		const code = relationCode('jan.jansen@example.com');
		expect(relationCode(' Jan.Jansen@EXAMPLE.com ')).toBe(code);
		expect(code).toMatch(/^JANJANS[0-9A-HJKMNP-TV-Z]{8}$/);
		expect(code.length).toBeLessThanOrEqual(RELATION_CODE_MAX);
	});

	it('start with what a bookkeeper recognises of the address, letters and digits only', () => {
		expect(relationCode('klant1@example.com')).toMatch(/^KLANT1[0-9A-Z]{8}$/);
		expect(relationCode('x@y.nl')).toMatch(/^X[0-9A-Z]{8}$/);
		expect(relationCode('élodie+shop@example.fr')).toMatch(/^LODIESH[0-9A-Z]{8}$/);
		expect(relationCode('!!!@example.com')).toMatch(/^[0-9A-Z]{8}$/);
	});

	it('differ for addresses that share their first letters', () => {
		const codes = new Set(
			Array.from({ length: 2000 }, (_, index) => relationCode(`klantnummer${index}@example.com`)),
		);
		expect(codes.size).toBe(2000);
		expect(relationCode('jan@example.com')).not.toBe(relationCode('jan@example.nl'));
	});

	it('give a fixed next code per attempt, for when a code is held by a relation with another address', () => {
		const attempts = [0, 1, 2].map((attempt) => relationCode('jan@example.com', attempt));
		expect(new Set(attempts).size).toBe(3);
		expect(relationCode('JAN@example.com', 1)).toBe(attempts[1]);
		for (const code of attempts) expect(code.startsWith('JAN')).toBe(true);
	});
});
