/** Builds one order plan: its lines, discounts, costs, payment and status times. */
import {
	FREE_SAMPLE,
	FREE_SHIPPING_FROM_CENTS,
	NL_RATES,
	PRODUCTS,
	SHIPPING_CENTS,
} from './catalog';
import { articleLines, freeSampleLine } from './articles';
import { COUNTRIES } from './countries';
import type { CustomerBook, TaxSituation } from './customers';
import { costLine, discountLine, totalsByRate, type LineDraft } from './lines';
import { exclusiveMicros } from './money';
import { choosePayment, PAYMENT_COSTS } from './payment';
import { STATUS_OF, type Lifecycle, type OrderPlan, type PaymentMethod } from './plan';
import type { Random } from './random';

const HOUR_MS = 3_600_000;
const ARCHIVE_AFTER_MS = 30 * 24 * HOUR_MS;

/** Hours from placing an order to its last status change, per kind of order. */
const HOURS_TO_STATUS: Record<Lifecycle, readonly [number, number]> = {
	unpaid: [0, 0],
	credit: [0, 0],
	paid: [0, 2],
	pickedUp: [1, 48],
	shipped: [24, 72],
	cancelled: [24, 168],
	finishedPaid: [48, 240],
	finishedUnpaid: [48, 240],
	legacy: [48, 240],
	test: [1, 48],
	zeroTotal: [24, 96],
};

const CODES = [
	{ code: 'WELKOM10', percent: 10 },
	{ code: 'ZOMER15', percent: 15 },
	{ code: 'KORTING5', fixedCents: 500 },
] as const;

export interface Slot {
	lifecycle: Lifecycle;
	placedAt: Date;
}

function discounts(random: Random, articles: LineDraft[]): { lines: LineDraft[]; code?: string } {
	const basis = totalsByRate(articles);
	const total = basis.reduce((sum, part) => sum + part.cents, 0);
	const lines: LineDraft[] = [];
	let code: string | undefined;
	if (random.chance(0.12)) {
		const chosen = random.pick(CODES);
		const cents =
			'percent' in chosen
				? Math.round((total * chosen.percent) / 100)
				: Math.min(chosen.fixedCents, total);
		code = chosen.code;
		lines.push(discountLine(cents, basis, `Kortingscode ${code}`));
	}
	if (random.chance(0.08))
		lines.push(discountLine(Math.round(total * 0.05), basis, 'Winkelwagenkorting 5%'));
	return { lines, code };
}

function costs(
	random: Random,
	articles: LineDraft[],
	method: PaymentMethod | undefined,
	plan: { pickup: boolean; countryCode: string },
): LineDraft[] {
	const basis = totalsByRate(articles);
	const total = basis.reduce((sum, part) => sum + part.cents, 0);
	const lines: LineDraft[] = [];
	const fee = method ? PAYMENT_COSTS[method] : undefined;
	if (fee && random.chance(fee.chance)) lines.push(costLine('payment', fee.cents, basis));
	const region = COUNTRIES[plan.countryCode].region;
	const freeShipping = region === 'NL' && total >= FREE_SHIPPING_FROM_CENTS;
	if (!plan.pickup && !freeShipping)
		lines.push(costLine('shipping', SHIPPING_CENTS[region], basis, 'Verzendkosten'));
	return lines;
}

function zeroTotalLines(random: Random): { lines: LineDraft[]; code?: string } {
	if (random.chance(0.5)) return { lines: [freeSampleLine(FREE_SAMPLE)] };
	const product = random.pick(PRODUCTS.filter((candidate) => candidate.rateClass === 'low'));
	const rate = NL_RATES.low;
	const article: LineDraft = {
		type: 'article',
		quantity: 1,
		description: product.name,
		parts: [{ rate, cents: product.priceCents }],
		asArray: false,
		weight: product.weight,
		article: {
			id: product.id,
			sku: product.sku,
			description: product.name,
			listMicros: exclusiveMicros(product.priceCents, rate),
		},
	};
	const free = discountLine(product.priceCents, article.parts, 'Kortingscode PROEF100');
	return { lines: [article, free], code: 'PROEF100' };
}

export function buildPlan(
	random: Random,
	slot: Slot,
	number: number,
	situation: TaxSituation,
	book: CustomerBook,
	now: Date,
): OrderPlan {
	const { lifecycle } = slot;
	const pickup = lifecycle === 'pickedUp';
	const { customer, email } = book.next(situation);
	const payment = choosePayment(random, lifecycle, situation);
	const mixedRates =
		(situation === 'domestic' || situation === 'domesticB2B' || situation === 'oss') &&
		random.chance(0.3);
	const business = situation === 'domesticB2B' || situation === 'reverseCharge';
	const articleOptions = {
		situation,
		countryCode: customer.countryCode,
		mixedRates,
		exclusivePricing: business ? 0.5 : 0.06,
		withSku: lifecycle !== 'legacy',
	};
	let lines: LineDraft[];
	let code: string | undefined;
	if (lifecycle === 'zeroTotal') {
		({ lines, code } = zeroTotalLines(random));
	} else {
		const articles = articleLines(random, articleOptions);
		const discount = discounts(random, articles);
		code = discount.code;
		lines = [
			...articles,
			...discount.lines,
			...costs(random, articles, payment.method, { pickup, countryCode: customer.countryCode }),
		];
	}
	const [minHours, maxHours] = HOURS_TO_STATUS[lifecycle];
	const changedMs =
		slot.placedAt.getTime() +
		random.int(minHours * 60, maxHours * 60) * 60_000 +
		random.int(0, 59) * 1000;
	// An order placed just before "now" cannot have changed status after it: spread those over the time since
	// they were placed, so the seed has no pile of orders all changed in the same second.
	const sincePlacedSeconds = Math.max(
		0,
		Math.floor((now.getTime() - slot.placedAt.getTime()) / 1000),
	);
	const changedAt =
		changedMs <= now.getTime()
			? new Date(changedMs)
			: new Date(slot.placedAt.getTime() + random.int(0, sincePlacedSeconds) * 1000);
	const archivable =
		lifecycle === 'legacy' || now.getTime() - changedAt.getTime() > ARCHIVE_AFTER_MS;
	const archiveRoll = random.chance(0.5);
	return {
		number,
		uuid: random.uuid(),
		lifecycle,
		status: STATUS_OF[lifecycle],
		placedAt: slot.placedAt,
		changedAt,
		situation,
		customer,
		email,
		lines,
		discountcode: code,
		method: payment.method,
		paymentStatus: payment.paymentStatus,
		archived: archivable && lifecycle !== 'unpaid' && (lifecycle === 'legacy' || archiveRoll),
		pickup,
		creditNumbers: [],
		totalDecimals: random.chance(0.4) ? 6 : 2,
		reference: business && random.chance(0.5) ? `PO-${random.int(10000, 99999)}` : undefined,
		comment: random.chance(0.1)
			? random.pick(['Graag snel leveren!', 'Cadeauverpakking graag', 'Bel even aan bij de buren'])
			: undefined,
	};
}
