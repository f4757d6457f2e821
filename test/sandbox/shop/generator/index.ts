/**
 * Deterministic seed orders for the sandbox shop: `generateOrders({ count, seed })` gives the same orders
 * every time (dates are placed relative to `now`, everything else depends on the seed only).
 * `categorizeOrder`, `orderFeatures` and `orderQuirks` say what a generated order is.
 */
import { buildPlan, type Slot } from './build';
import { canBeCredited, creditPlan } from './credit';
import { createCustomerBook, type TaxSituation } from './customers';
import { deal, LIFECYCLE_SHARES, situationShares } from './mix';
import type { OrderPlan } from './plan';
import { applyQuirk, QUIRKS, quirkFits } from './quirks';
import { createRandom, type Random } from './random';
import { renderOrder, type ShopOrder } from './render';

export {
	categorizeOrder,
	isPaid,
	orderFeatures,
	type OrderCategory,
	type OrderFeature,
} from './categories';
export { applyQuirk, orderQuirks, QUIRKS, type Quirk } from './quirks';
export type { ShopOrder } from './render';

export interface GeneratorOptions {
	count: number;
	seed: number;
	/** Add B2C orders to other EU countries at their own VAT rates (OSS). Off by default. */
	includeOss?: boolean;
	/** End of the period the orders are spread over (default: the current time). */
	now?: Date;
	/** Length of that period in days (default 60). Pre-2019 orders lie before it. */
	periodDays?: number;
	/** Number of the first order (default 1001). */
	firstNumber?: number;
	/** Share of orders that show one live quirk (default 0.08). */
	quirkShare?: number;
}

const DAY_MS = 86_400_000;
/** Pre-2019 orders, before `amount_including_tax` was in the output (changelog 2.0.13, 2019-04-12). */
const LEGACY_FROM_MS = Date.UTC(2017, 2, 1);
const LEGACY_UNTIL_MS = Date.UTC(2019, 2, 31);
/** Years of orders lie between the pre-2019 ones and the recent ones. */
const NUMBERS_BETWEEN_ERAS = 2500;
/** Order numbers have gaps (changelog 1.1.8): an invalid order used to burn a number. */
const GAP_CHANCE = 0.03;
const NO_SITUATION: ReadonlyArray<Slot['lifecycle']> = ['pickedUp', 'zeroTotal', 'credit'];

function slots(random: Random, count: number, now: Date, periodDays: number): Slot[] {
	return deal(random, count, LIFECYCLE_SHARES, 'finishedPaid')
		.map((lifecycle) => {
			const roll = random.next();
			const placedMs =
				lifecycle === 'legacy'
					? LEGACY_FROM_MS + Math.floor(roll * (LEGACY_UNTIL_MS - LEGACY_FROM_MS))
					: now.getTime() - Math.floor(roll * periodDays * DAY_MS);
			return { lifecycle, placedAt: new Date(Math.floor(placedMs / 1000) * 1000) };
		})
		.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
}

function plan(random: Random, options: GeneratorOptions, now: Date): OrderPlan[] {
	const ordered = slots(random, options.count, now, options.periodDays ?? 60);
	const needsSituation = ordered.filter((slot) => !NO_SITUATION.includes(slot.lifecycle)).length;
	const situations = deal<TaxSituation>(
		random,
		needsSituation,
		situationShares(options.includeOss ?? false),
		'domestic',
	);
	const book = createCustomerBook(random);
	const plans: OrderPlan[] = [];
	let number = (options.firstNumber ?? 1001) - 1;
	let creditsOwed = 0;
	for (const slot of ordered) {
		const afterLegacy =
			plans.length > 0 &&
			plans[plans.length - 1].lifecycle === 'legacy' &&
			slot.lifecycle !== 'legacy';
		number +=
			1 +
			(afterLegacy ? NUMBERS_BETWEEN_ERAS : 0) +
			(random.chance(GAP_CHANCE) ? random.int(1, 2) : 0);
		const wantsCredit =
			slot.lifecycle === 'credit' || (slot.lifecycle === 'finishedPaid' && creditsOwed > 0);
		const original = wantsCredit
			? plans.find((candidate) => canBeCredited(candidate, slot.placedAt))
			: undefined;
		if (original) {
			if (slot.lifecycle === 'finishedPaid') {
				creditsOwed -= 1;
				situations.shift();
			}
			plans.push(creditPlan(random, original, slot.placedAt, number));
			continue;
		}
		if (slot.lifecycle === 'credit') creditsOwed += 1;
		const lifecycle = slot.lifecycle === 'credit' ? 'finishedPaid' : slot.lifecycle;
		const situation = NO_SITUATION.includes(slot.lifecycle)
			? 'domestic'
			: (situations.shift() ?? 'domestic');
		plans.push(buildPlan(random, { ...slot, lifecycle }, number, situation, book, now));
	}
	return plans;
}

/** One live quirk each on a share of the orders; every quirk at least once when there are enough orders. */
function addQuirks(random: Random, orders: ShopOrder[], share: number): ShopOrder[] {
	const result = [...orders];
	const perQuirk = Math.max(
		orders.length >= 25 ? 1 : 0,
		Math.round((share * orders.length) / QUIRKS.length),
	);
	const taken = new Set<number>();
	for (const quirk of QUIRKS) {
		const fitting = random.shuffle(
			result
				.map((order, index) => index)
				.filter((index) => !taken.has(index) && quirkFits(result[index], quirk)),
		);
		for (const index of fitting.slice(0, perQuirk)) {
			taken.add(index);
			result[index] = applyQuirk(result[index], quirk);
		}
	}
	return result;
}

export function generateOrders(options: GeneratorOptions): ShopOrder[] {
	const random = createRandom(options.seed);
	const now = options.now ?? new Date();
	const orders = plan(random, options, now).map((orderPlan) => renderOrder(orderPlan, random));
	return addQuirks(random, orders, options.quirkShare ?? 0.08);
}
