import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { order, withInvoiceAddress } from '../orders';

describe('relation', () => {
	it('is a person (P) with the invoice address when there is no company', () => {
		expect(mapOrderToInvoice(withInvoiceAddress({ phone: '06-12345678' })).relation).toEqual({
			type: 'P',
			name: 'Jan Jansen',
			contact: '',
			emailAddress: 'jan@example.com',
			address: 'Dorpsstraat 1',
			postalCode: '1234 AB',
			city: 'Utrecht',
			country: 'Nederland',
			vatNumber: '',
			phoneNumber: '06-12345678',
		});
	});

	it('is a company (B) named after the company, the person as contact, with the VAT number from taxnumber', () => {
		const relation = mapOrderToInvoice(
			withInvoiceAddress({ company: 'Jansen Bouw B.V.', taxnumber: 'nl 8512.34.567.b01' }),
		).relation;
		expect(relation).toMatchObject({
			type: 'B',
			name: 'Jansen Bouw B.V.',
			contact: 'Jan Jansen',
			vatNumber: 'NL851234567B01',
		});
	});

	it('trims and lower-cases the e-mail address', () => {
		const input = order({ debtor: { email: '  Jan@Example.COM ', name: 'Jan' } });
		expect(mapOrderToInvoice(input).relation.emailAddress).toBe('jan@example.com');
	});

	it('works for old orders with only debtor.name, company and phone', () => {
		const input = order({
			debtor: {
				email: 'piet@example.nl',
				name: 'Piet Puk',
				company: 'Puk & Co',
				phone: '010-1234567',
			},
		});
		expect(mapOrderToInvoice(input).relation).toMatchObject({
			type: 'B',
			name: 'Puk & Co',
			contact: 'Piet Puk',
			phoneNumber: '010-1234567',
			address: '',
		});
	});

	it('uses the delivery address when there is no invoice address', () => {
		const input = order({
			debtor: {
				email: 'a@b.nl',
				address: {
					delivery: {
						name: 'Ans',
						street: 'Laan',
						number: 7,
						zipcode: '1000 AA',
						city: 'Amsterdam',
						country_code: 'NL',
					},
				},
			},
		});
		expect(mapOrderToInvoice(input).relation).toMatchObject({
			name: 'Ans',
			address: 'Laan 7',
			city: 'Amsterdam',
			country: 'NL',
		});
	});

	it('is named after the e-mail address, with a warning, when the order has no name at all', () => {
		const draft = mapOrderToInvoice(order({ debtor: { email: 'anon@example.com' } }));
		expect(draft.relation.name).toBe('anon@example.com');
		expect(draft.warnings).toEqual([
			'debtor: the order has no customer name; the relation is named after the e-mail address',
		]);
	});

	it("cuts every field to e-Boekhouden's maximum length", () => {
		const relation = mapOrderToInvoice(
			withInvoiceAddress({
				company: 'B'.repeat(120),
				name: 'C'.repeat(60),
				street: 'S'.repeat(160),
				zipcode: 'Z'.repeat(60),
				city: 'Y'.repeat(60),
				country: 'L'.repeat(60),
				taxnumber: 'NL'.repeat(30),
				phone: '0'.repeat(60),
			}),
		).relation;
		expect(relation.name).toHaveLength(100);
		expect(relation.contact).toHaveLength(50);
		expect(relation.address).toHaveLength(150);
		for (const field of ['postalCode', 'city', 'country', 'vatNumber', 'phoneNumber'] as const) {
			expect(relation[field]).toHaveLength(50);
		}
	});

	it('never splits a character when cutting', () => {
		const relation = mapOrderToInvoice(withInvoiceAddress({ company: '😀'.repeat(101) })).relation;
		expect(Array.from(relation.name)).toHaveLength(100);
	});

	it.each([
		[
			{ email: null, name: 'Jan' },
			'Order 1042: debtor.email: the order has no e-mail address to find or create the relation by',
		],
		[{ name: 'Jan' }, 'Order 1042: debtor.email: the order has no e-mail address'],
		[{ email: '   ', name: 'Jan' }, 'Order 1042: debtor.email: the order has no e-mail address'],
		[
			{ email: 'jan@example', name: 'Jan' },
			"Order 1042: debtor.email: 'jan@example' is not a valid e-mail address",
		],
		[
			{ email: 'jan at example.com', name: 'Jan' },
			"Order 1042: debtor.email: 'jan at example.com' is not a valid e-mail address",
		],
		[
			{ email: `${'j'.repeat(150)}@example.com`, name: 'Jan' },
			"debtor.email: is longer than e-Boekhouden's 150 characters",
		],
	])('stops an order with debtor %j', (debtor, message) => {
		expect(() => mapOrderToInvoice(order({ debtor }))).toThrow(message);
	});
});
