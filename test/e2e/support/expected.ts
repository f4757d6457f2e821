/**
 * What the books must say for an order, worked out here from the order itself (its lines and status), never by
 * calling the package's mapping: the e2e tests compare the sandbox books with these figures.
 */

import { caseOf, type CaseName } from '../../sandbox/shop/cases';
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

/** e-Boekhouden's sales VAT codes and their rates (docs/api-notes.md, e-Boekhouden §7). */
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

export type Expectation = 'invoice' | 'credit' | 'failed' | 'none';

/**
 * Whether the sync must book this order, by the sandbox's own reading of it (categorizeOrder: status table in
 * test/sandbox/shop/statuses.ts, paid = captured / legacy "Successful"): finished and paid → an invoice, a credit order → a credit
 * invoice; zero-total orders are skipped by default (issue 3); unpaid, cancelled, test, ... → nothing. A planted
 * case that must not be booked (see caseFailures) → Failed Orders. An authorised pay-later order is not paid by the
 * template's default ("Count Authorized Payments as Paid" off): nothing, until it is captured.
 */
export function expectationFor(raw: unknown): Expectation {
	const order = raw as ShopOrder;
	const planted = caseOf(order);
	if (planted && planted in caseFailures) return 'failed';
	if (cents(record(order.price).total) === 0) return 'none';
	const category = categorizeOrder(order);
	if (category === 'finishedPaid') return 'invoice';
	if (category === 'credit') return 'credit';
	return 'none';
}

/** One booking that settles (part of) an invoice: type 3 payment or type 7 memorial, on this ledger, in cents. */
export interface ExpectedPayment {
	type: 3 | 7;
	ledgerCode: string;
	cents: number;
}

/** The books of one planted case once it is booked, written out by hand from the case's facts (cases.ts). */
export interface CaseBooks {
	/** What the bookkeeper must see. */
	about: string;
	/** Cents per "ledger code VAT code" of the invoice's items (incl. VAT). */
	items: Record<string, number>;
	payments: ExpectedPayment[];
}

/**
 * The ledgers are the sandbox chart's and the Order to Invoice defaults: revenue 8000 (21%) / 8010 (9%), shipping
 * 8100, Mollie 1020, outstanding gift cards 1620 (BAL), Afterpay 1050 (FIN). The amounts are the plans of cases.ts.
 */
export const caseBooks: Partial<Record<CaseName, CaseBooks>> = {
	giftCardSale: {
		about:
			'a sold gift card is a debt to its holder: 25.00 GEEN on 1620, no revenue; the mug and shipping are revenue; iDEAL pays all 42.90',
		items: { '1620 GEEN': 2500, '8000 HOOG_VERK_21': 1295, '8100 HOOG_VERK_21': 495 },
		payments: [{ type: 3, ledgerCode: '1020', cents: 4290 }],
	},
	giftCardRedemption: {
		about:
			'60.00 paid 25.00 with a gift card (a memorial against 1620, never money) and 35.00 by iDEAL (Mollie 1020)',
		items: { '8000 HOOG_VERK_21': 5505, '8100 HOOG_VERK_21': 495 },
		payments: [
			{ type: 7, ledgerCode: '1620', cents: 2500 },
			{ type: 3, ledgerCode: '1020', cents: 3500 },
		],
	},
	storeCredit: {
		about:
			'42.85 paid with 10.00 store credit (a memorial against 1620) and 32.85 by iDEAL (Mollie 1020)',
		items: { '8010 LAAG_VERK_9': 3790, '8100 HOOG_VERK_21': 495 },
		payments: [
			{ type: 3, ledgerCode: '1020', cents: 3285 },
			{ type: 7, ledgerCode: '1620', cents: 1000 },
		],
	},
	afterpayAuthorized: {
		about: 'once captured: 74.45 received on Afterpay 1050, never the bank',
		items: { '8000 HOOG_VERK_21': 6950, '8100 HOOG_VERK_21': 495 },
		payments: [{ type: 3, ledgerCode: '1050', cents: 7445 }],
	},
	beforeOss: {
		about:
			'placed 15 March 2021, before the OSS: Dutch VAT, 9% on 8010 and 21% on 8000/8100, although shipped to Belgium',
		items: { '8010 LAAG_VERK_9': 1895, '8000 HOOG_VERK_21': 1295, '8100 HOOG_VERK_21': 995 },
		payments: [{ type: 3, ledgerCode: '1020', cents: 4185 }],
	},
};

/** Planted cases that must end in Failed Orders, never in the books: what their reason must name. */
export const caseFailures: Partial<Record<CaseName, RegExp[]>> = {
	// OSS is off in the template: Belgian VAT must not land in the Dutch return, even at 21%.
	belgium21: [/\bBE\b/, /\b21\s?%/, /\bOSS\b/],
	poisonTotal: [/\bprice\.total\b/],
	poisonLine: [/\borderlines\[0\]\.price\.amount\b/],
};

export function invoiceNumberFor(raw: unknown): string {
	const order = record(raw);
	return `${expectationFor(raw) === 'credit' ? 'MWW-C-' : 'MWW-'}${String(order.number)}`;
}

export function emailOf(raw: unknown): string {
	return String(record(record(raw).debtor).email ?? '')
		.trim()
		.toLowerCase();
}
