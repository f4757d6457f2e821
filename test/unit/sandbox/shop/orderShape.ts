/** The parts of a Mijnwebwinkel order the shop tests read, typed for the tests (spec schema Order). */
export interface TestPrice {
	amount: string;
	rate: string;
	amount_including_tax?: string;
}

export interface TestLine {
	id: string;
	type: string;
	quantity: number;
	description?: string;
	price: TestPrice | TestPrice[];
	articles?: Array<{ options?: unknown[] }>;
}

/** A type alias (not an interface), so a TestOrder passes where the shop takes `Record<string, unknown>`. */
export type TestOrder = {
	number: number | string;
	uuid: string;
	date: string;
	time: string;
	status: number;
	status_changed_date: string;
	status_changed_time: string;
	archived?: boolean;
	test?: boolean;
	discountcode?: string;
	business_model?: string;
	tax_strategy?: string;
	payment_status?: string;
	payment?: { gateway_name: string; method_name: string; status?: { id: number; text: string } };
	credited_order_number?: number;
	credit_order_numbers?: number[];
	debtor: {
		id?: string;
		email: string;
		address: {
			invoice: { company?: string; taxnumber?: string; country_code: string; country?: string };
		};
	};
	price: { tax: TestPrice | TestPrice[]; total: string };
	orderlines: TestLine[];
	shipping: Array<{ country: { description?: string; isocode?: string } | [] }>;
};

export function asOrders(orders: unknown[]): TestOrder[] {
	return orders as TestOrder[];
}

/** Micro-euros of a decimal string, parsed here rather than by the code under test. */
export function micros(text: string): number {
	const [whole, fraction = ''] = text.replace('-', '').split('.');
	const value = Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0'));
	return text.startsWith('-') ? -value : value;
}

/** Whole cents of a decimal string that holds whole cents; throws when it does not. */
export function cents(text: string): number {
	const value = micros(text);
	if (value % 10_000 !== 0) throw new Error(`${text} is not a whole number of cents`);
	return value / 10_000 + 0;
}

export function prices(line: TestLine): TestPrice[] {
	return Array.isArray(line.price) ? line.price : [line.price];
}

/** incl. VAT of a price, recomputed from excl. VAT and the rate when the line predates amount_including_tax. */
export function inclusiveOf(price: TestPrice): number {
	if (price.amount_including_tax !== undefined) return cents(price.amount_including_tax);
	const rateHundredths = Math.round(Number(price.rate) * 100);
	return Math.round((micros(price.amount) * (10_000 + rateHundredths)) / 10_000 / 10_000);
}
