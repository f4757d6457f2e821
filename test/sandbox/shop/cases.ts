/**
 * Hand-written orders for the bookkeeping cases the seed's random mix does not make: gift cards sold and
 * redeemed, store credit, split transactions, pay-later authorised now and captured later, a Belgian VAT region,
 * an order from before OSS (1 July 2021), and two "poison" orders that cannot be read.
 *
 * What the spec leaves open, decided here:
 * - A sold gift card is an order line of type `article` (a gift-card product, SKU `CADEAUBON-…`) at 0 % VAT;
 *   the payment order (payments endpoint, `embed=order`) types that line `gift_card`.
 * - A gift-card redemption is a transaction of its own: gateway `basic`, method `webshop_giftcard`.
 * - Store credit is not a transaction: the payment order carries a negative `store_credit` line, and the
 *   transactions pay the rest. The order's own lines and `price.total` are the goods, as always.
 * - `payment_status`/`payment` on the order follow the transaction that is not a gift card.
 * Each case order says which case it is in `comments.internal` (`sandbox:<case>`).
 */
import { COUNTRIES } from './generator/countries';
import { renderLine, renderTax, type LineDraft } from './generator/lines';
import { formatCents, exclusiveMicros } from './generator/money';
import { createRandom } from './generator/random';
import type { ShopOrder } from './generator/render';
import { stableUuid } from './payments';
import type { SandboxMeta, SandboxTransaction } from './store';
import { toShopLocal } from './time';

export const BOOKKEEPING_CASES = [
	'giftCardSale',
	'giftCardRedemption',
	'storeCredit',
	'klarnaAuthorized',
	'afterpayAuthorized',
	'belgium21',
	'beforeOss',
] as const;
export const POISON_CASES = ['poisonTotal', 'poisonLine'] as const;
export const CASES = [...BOOKKEEPING_CASES, ...POISON_CASES] as const;
export type CaseName = (typeof CASES)[number];

export interface CaseOptions {
	number: number;
	/** When the order was placed and its status last changed (default: 30 minutes before `now`). */
	changedAt?: Date;
	now?: Date;
}

/** An order as planted: the served order plus what only the sandbox keeps (its transactions). */
export type PlantedOrder = ShopOrder & { sandbox: SandboxMeta };

const MARKER = 'sandbox:';
const BEFORE_OSS = new Date('2021-03-15T10:12:00+01:00');

interface Line {
	description: string;
	cents: number;
	rate: number;
	quantity?: number;
	sku?: string;
	/** The payment-order line type, when not `physical`. */
	paymentType?: 'gift_card';
	type?: 'article' | 'shipping';
}

interface Plan {
	lines: Line[];
	transactions: Array<Omit<SandboxTransaction, 'cents'> & { cents?: number }>;
	country?: string;
	taxRegion?: string | null;
	placedAt?: Date;
	storeCreditCents?: number;
}

const SHIPPING: Line = { description: 'Verzendkosten', cents: 495, rate: 21, type: 'shipping' };

const ideal = { gateway: 'mollie', method: 'ideal', status: 'captured' } as const;

const PLANS: Record<CaseName, Plan> = {
	giftCardSale: {
		lines: [
			{
				description: 'Cadeaubon € 25',
				cents: 2500,
				rate: 0,
				sku: 'CADEAUBON-25',
				paymentType: 'gift_card',
			},
			{ description: 'Mok Delfts blauw', cents: 1295, rate: 21, sku: 'MOK-0003' },
			SHIPPING,
		],
		transactions: [ideal],
	},
	giftCardRedemption: {
		lines: [
			{ description: 'Theepot gietijzer 0,8 l', cents: 5505, rate: 21, sku: 'TPT-0001' },
			SHIPPING,
		],
		transactions: [
			{ gateway: 'basic', method: 'webshop_giftcard', status: 'captured', cents: 2500 },
			{ ...ideal, cents: 3500 },
		],
	},
	storeCredit: {
		lines: [
			{
				description: 'Koffiebonen Espresso 1 kg',
				cents: 3790,
				rate: 9,
				quantity: 2,
				sku: 'KOF-1000',
			},
			SHIPPING,
		],
		storeCreditCents: 1000,
		transactions: [ideal],
	},
	klarnaAuthorized: {
		lines: [
			{ description: 'Koffiemolen handmatig', cents: 4995, rate: 21, sku: 'MOL-0001' },
			SHIPPING,
		],
		transactions: [{ gateway: 'klarna_checkout', method: 'klarna_paylater', status: 'authorized' }],
	},
	afterpayAuthorized: {
		lines: [
			{ description: 'Waterkoker met thermometer', cents: 6950, rate: 21, sku: 'KET-0001' },
			SHIPPING,
		],
		transactions: [{ gateway: 'afterpay', method: 'afterpay', status: 'authorized' }],
	},
	belgium21: {
		lines: [
			{ description: 'Filterhouder porselein', cents: 2450, rate: 21, sku: 'FIL-0002' },
			{ ...SHIPPING, cents: 995 },
		],
		country: 'BE',
		taxRegion: 'BE',
		transactions: [{ gateway: 'mollie', method: 'bancontact', status: 'captured' }],
	},
	beforeOss: {
		lines: [
			{ description: 'Koffiebonen Espresso 1 kg', cents: 1895, rate: 9, sku: 'KOF-1000' },
			{ description: 'Mok Delfts blauw', cents: 1295, rate: 21, sku: 'MOK-0003' },
			{ ...SHIPPING, cents: 995 },
		],
		country: 'BE',
		taxRegion: null,
		placedAt: BEFORE_OSS,
		transactions: [ideal],
	},
	poisonTotal: {
		lines: [{ description: 'Theedoek', cents: 1210, rate: 21 }],
		transactions: [ideal],
	},
	poisonLine: {
		lines: [{ description: 'Theedoek', cents: 1210, rate: 21 }],
		transactions: [ideal],
	},
};

function draft(line: Line): LineDraft {
	const quantity = line.quantity ?? 1;
	const draftLine: LineDraft = {
		type: line.type ?? 'article',
		quantity,
		description: line.description,
		parts: [{ rate: line.rate, cents: line.cents }],
		asArray: false,
	};
	if (draftLine.type === 'article') {
		draftLine.article = {
			id: 900 + (line.sku ? line.sku.length : 0),
			sku: line.sku,
			description: line.description,
			listMicros: exclusiveMicros(Math.round(line.cents / quantity), line.rate),
		};
	}
	return draftLine;
}

function debtor(number: number, countryCode: string): Record<string, unknown> {
	const place = COUNTRIES[countryCode].cities[0];
	const address = {
		gender: 'V',
		name: `Klant ${number}`,
		company: '',
		phone: '0612345678',
		street: place.street,
		number: '12',
		zipcode: place.zipcode,
		city: place.city,
		country: COUNTRIES[countryCode].names.nl_NL,
		country_code: countryCode,
	};
	return {
		email: `klant.${number}@example.nl`,
		link_to_account: false,
		address: { invoice: address, delivery: { id: stableUuid(`${number}:delivery`), ...address } },
	};
}

/** The order of a case, with its transactions under `sandbox` (the store keeps them apart from the order). */
export function buildCase(name: CaseName, options: CaseOptions): PlantedOrder {
	const plan = PLANS[name];
	const now = options.now ?? new Date();
	const changedAt = options.changedAt ?? new Date(now.getTime() - 30 * 60_000);
	const placedAt = plan.placedAt ?? new Date(changedAt.getTime() - 60 * 60_000);
	const random = createRandom(options.number);
	const drafts = plan.lines.map(draft);
	const orderlines = drafts.map((line) => renderLine(line, random));
	const totalCents = plan.lines.reduce((sum, line) => sum + line.cents, 0);
	const dueCents = totalCents - (plan.storeCreditCents ?? 0);
	const fixed = plan.transactions.reduce((sum, transaction) => sum + (transaction.cents ?? 0), 0);
	const transactions: SandboxTransaction[] = plan.transactions.map((transaction) => ({
		...transaction,
		cents: transaction.cents ?? dueCents - fixed,
	}));
	const main = transactions.find((transaction) => transaction.method !== 'webshop_giftcard');
	const placed = toShopLocal(placedAt);
	const changed = toShopLocal(changedAt);
	const country = plan.country ?? 'NL';
	const order: ShopOrder = {
		number: options.number,
		uuid: stableUuid(`case:${name}:${options.number}`),
		date: placed.date,
		time: placed.time,
		status: 4,
		status_changed_date: changed.date,
		status_changed_time: changed.time,
		archived: false,
		finished: true,
		taxed: 'include',
		locale: 'nl_NL',
		currency: 'EUR',
		currency_format_locale: 'nl_NL',
		credit_order_numbers: [],
		comments: { internal: `${MARKER}${name}` },
		business_model: 'B2C',
	};
	if (plan.taxRegion !== null) {
		order.tax_region = plan.taxRegion ?? country;
		order.tax_strategy = '';
	}
	if (main) {
		order.payment_status = main.status;
		order.payment = { gateway_name: main.gateway, method_name: main.method };
	}
	order.debtor = debtor(options.number, country);
	order.price = { tax: renderTax(drafts), total: formatCents(totalCents) };
	order.orderlines = orderlines;
	order.shipping = [{ country: { description: COUNTRIES[country].names.nl_NL, isocode: country } }];
	poison(name, order);
	const lineTypes: Record<string, string> = {};
	plan.lines.forEach((line, index) => {
		if (line.paymentType) lineTypes[String(orderlines[index].id)] = line.paymentType;
	});
	const sandbox: SandboxMeta = { transactions };
	if (Object.keys(lineTypes).length > 0) sandbox.paymentLineTypes = lineTypes;
	if (plan.storeCreditCents) sandbox.storeCreditCents = plan.storeCreditCents;
	return { ...order, sandbox };
}

function poison(name: CaseName, order: ShopOrder): void {
	if (name === 'poisonTotal') order.price = { ...(order.price as object), total: 'abc' };
	if (name === 'poisonLine') {
		const [first] = order.orderlines as Array<Record<string, unknown>>;
		first.price = { ...(first.price as object), amount: 'twelve' };
	}
}

/** The case an order was planted as, read from `comments.internal`; undefined for any other order. */
export function caseOf(order: ShopOrder): CaseName | undefined {
	const comments = order.comments as { internal?: unknown } | undefined;
	const text = typeof comments?.internal === 'string' ? comments.internal : '';
	const name = text.startsWith(MARKER) ? text.slice(MARKER.length) : '';
	return (CASES as readonly string[]).includes(name) ? (name as CaseName) : undefined;
}

/** One order of every bookkeeping case (not the poison ones), numbered from `firstNumber`, a minute apart. */
export function bookkeepingCases(firstNumber: number, now: Date): PlantedOrder[] {
	return BOOKKEEPING_CASES.map((name, index) =>
		buildCase(name, {
			number: firstNumber + index,
			now,
			changedAt: new Date(now.getTime() - (40 - index) * 60_000),
		}),
	);
}
