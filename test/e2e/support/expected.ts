/**
 * What the books must say for an order, worked out here from the order itself (its lines and status), never by
 * calling the package's mapping: the e2e tests compare the sandbox books with these figures.
 */

import { categorizeOrder, type ShopOrder } from '../../sandbox/shop/generator';

type Json = Record<string, unknown>;

const record = (value: unknown): Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

/** "12.345678" → cents, half up, from the decimal string (no float arithmetic on money). */
export function cents(text: unknown): number {
	const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text ?? '').trim());
	if (!match) throw new Error(`not an amount: ${String(text)}`);
	const [, sign, whole, fraction = ''] = match;
	const digits = (fraction + '000').slice(0, 3);
	const tenthsOfCents = Number(whole) * 1000 + Number(digits);
	const rounded = Math.floor((tenthsOfCents + 5) / 10);
	return sign ? -rounded : rounded;
}

/** A line's price(s) as [{rate, inclCents}]: amount_including_tax, or amount × (100 + rate) / 100 half up. */
function linePrices(line: Json): Array<{ rate: number; inclCents: number }> {
	const prices = Array.isArray(line.price) ? line.price.map(record) : [record(line.price)];
	return prices.map((price) => {
		const rate = Number(price.rate);
		if (price.amount_including_tax !== undefined)
			return { rate, inclCents: cents(price.amount_including_tax) };
		// amount has up to 6 decimals: work in millionths of a euro, then round half up to cents.
		const [whole, fraction = ''] = String(price.amount).replace('-', '').split('.');
		const millionths = Number(whole) * 1_000_000 + Number((fraction + '000000').slice(0, 6));
		const incl = Math.floor((millionths * (100 + rate) + 50 * 10_000) / (100 * 10_000));
		return { rate, inclCents: String(price.amount).startsWith('-') ? -incl : incl };
	});
}

/** Including-VAT cents per VAT rate over all lines, and the order's own total. */
export function orderTotals(order: unknown): { byRate: Map<number, number>; total: number } {
	const byRate = new Map<number, number>();
	const lines = Array.isArray(record(order).orderlines)
		? (record(order).orderlines as unknown[])
		: [];
	for (const line of lines) {
		for (const { rate, inclCents } of linePrices(record(line)))
			byRate.set(rate, (byRate.get(rate) ?? 0) + inclCents);
	}
	return { byRate, total: cents(record(record(order).price).total) };
}

/** e-Boekhouden's sales VAT codes and their rates (reference/eboekhouden-api.md §7). */
export const rateOfVatCode: Record<string, number> = {
	HOOG_VERK_21: 21,
	LAAG_VERK_9: 9,
	VERL_VERK: 0,
	VERL_VERK_L9: 0,
	BU_EU_VERK: 0,
	BI_EU_VERK: 0,
	BI_EU_VERK_D: 0,
	AFST_VERK: 0,
	GEEN: 0,
};

export type Expectation = 'invoice' | 'credit' | 'none';

/**
 * Whether the sync must book this order, by the sandbox's own reading of it (categorizeOrder: status table in
 * COMMON.md, paid = captured / legacy "Successful"): finished and paid → an invoice, a credit order → a credit
 * invoice; zero-total orders are skipped by default (issue 3); unpaid, cancelled, test, ... → nothing.
 */
export function expectationFor(raw: unknown): Expectation {
	const order = raw as ShopOrder;
	if (cents(record(order.price).total) === 0) return 'none';
	const category = categorizeOrder(order);
	if (category === 'finishedPaid') return 'invoice';
	if (category === 'credit') return 'credit';
	return 'none';
}

export function invoiceNumberFor(raw: unknown): string {
	const order = record(raw);
	return `${expectationFor(raw) === 'credit' ? 'MWW-C-' : 'MWW-'}${String(order.number)}`;
}

export function emailOf(raw: unknown): string {
	return String(record(record(raw).debtor).email ?? '')
		.trim()
		.toLowerCase();
}
