/** Small hand-made orders for the mapping tests: a paid Dutch consumer order, changed per test. */

export type Price = { amount: string; amount_including_tax?: string; rate: string };

export function price(inclusive: string, rate = '21.00', amount = '0.000000'): Price {
	return { amount, amount_including_tax: inclusive, rate };
}

export function line(
	type: string,
	quantity: number,
	description: string | null,
	prices: Price | Price[],
) {
	return { type, quantity, description, price: prices };
}

export function order(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		number: 1042,
		uuid: '0b7c4a55-3f0e-4c43-9d1e-5d1a2c3b4e01',
		date: '2025-03-14',
		time: '10:04:11',
		status: 4,
		payment_status: 'captured',
		payment: { gateway_name: 'mollie', method_name: 'ideal' },
		debtor: {
			email: 'jan@example.com',
			address: {
				invoice: {
					name: 'Jan Jansen',
					street: 'Dorpsstraat',
					number: '1',
					zipcode: '1234 AB',
					city: 'Utrecht',
					country: 'Nederland',
					country_code: 'NL',
				},
			},
		},
		price: { total: '12.10' },
		orderlines: [line('article', 1, 'Boek', price('12.10'))],
		shipping: [{ country: { description: 'Nederland', isocode: 'NL' } }],
		...overrides,
	};
}

/** The order with a new invoice address (merged into Jan's). */
export function withInvoiceAddress(
	fields: Record<string, unknown>,
	overrides: Record<string, unknown> = {},
) {
	const base = order();
	const debtor = base.debtor as { email: string; address: { invoice: Record<string, unknown> } };
	return order({
		debtor: { ...debtor, address: { invoice: { ...debtor.address.invoice, ...fields } } },
		...overrides,
	});
}
