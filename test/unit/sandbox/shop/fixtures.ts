import type { ShopSandbox } from '../../../sandbox/shop';

/** A small, spec-shaped order: one article at 21 %, € 12.10 incl. VAT, paid with iDEAL. */
export function makeOrder(
	number: number,
	overrides: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		number,
		uuid: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
		date: '2025-03-01',
		time: '10:00:00',
		status: 4,
		status_changed_date: '2025-03-03',
		status_changed_time: '09:30:00',
		archived: false,
		currency: 'EUR',
		locale: 'nl_NL',
		payment_status: 'captured',
		payment: { gateway_name: 'mollie', method_name: 'ideal' },
		debtor: {
			email: `klant${number}@example.com`,
			address: {
				invoice: {
					name: 'Jan Jansen',
					zipcode: '5341 GE',
					country: 'Nederland',
					country_code: 'NL',
				},
			},
		},
		price: { tax: [{ amount: '2.100000', rate: '21.00' }], total: '12.10' },
		orderlines: [
			{
				id: `11111111-0000-4000-8000-${String(number).padStart(12, '0')}`,
				type: 'article',
				quantity: 1,
				description: 'Mok Delfts blauw',
				price: { amount: '10.000000', amount_including_tax: '12.10', rate: '21.00' },
			},
		],
		shipping: [{ country: { description: 'Nederland', isocode: 'NL' } }],
		...overrides,
	};
}

export const TOKENS = { token: 'sandbox-store-token', partner_token: 'sandbox-partner-token' };

/** GET with both sandbox tokens added unless the params say otherwise. */
export async function get(
	shop: ShopSandbox,
	path: string,
	params: Record<string, string | undefined> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries({ ...TOKENS, ...params }))
		if (value !== undefined) query.set(key, value);
	const response = await fetch(`${shop.url}${path}?${query.toString()}`);
	return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The order numbers of a list answer. */
export function numbers(body: unknown): number[] {
	return (body as Array<{ number: number }>).map((order) => Number(order.number));
}
