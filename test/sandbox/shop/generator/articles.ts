/** Article lines: products at the order's VAT rates, quantities, action prices and excl.-VAT price lists. */
import { NL_RATES, PRODUCTS, type Product, type RateClass } from './catalog';
import { COUNTRIES } from './countries';
import type { TaxSituation } from './customers';
import type { LineDraft } from './lines';
import { exclusiveMicros, inclusiveCents } from './money';
import type { Random } from './random';

export interface ArticleOptions {
	situation: TaxSituation;
	countryCode: string;
	mixedRates: boolean;
	/** Chance that a line is priced from an excl.-VAT price list (B2B), so its total need not split per unit. */
	exclusivePricing: number;
	/** Include article SKUs (added to the API in 2024). */
	withSku: boolean;
}

/** The VAT rate an article of this class carries in an order (docs/api-notes.md, Mijnwebwinkel §7.4). */
export function rateFor(
	situation: TaxSituation,
	countryCode: string,
	rateClass: RateClass,
): number {
	if (situation === 'reverseCharge' || situation === 'export') return 0;
	if (situation === 'oss') return COUNTRIES[countryCode].rates?.[rateClass] ?? NL_RATES[rateClass];
	return NL_RATES[rateClass];
}

/** The shelf price (incl. Dutch VAT) at another rate, keeping the price excl. VAT the same. */
function unitCents(product: Product, rate: number): number {
	const dutch = NL_RATES[product.rateClass];
	if (rate === dutch) return product.priceCents;
	return inclusiveCents(exclusiveMicros(product.priceCents, dutch), rate);
}

function pickProducts(random: Random, mixedRates: boolean): Product[] {
	const byClass = (rateClass: RateClass) =>
		PRODUCTS.filter((product) => product.rateClass === rateClass);
	const chosen: Product[] = mixedRates
		? [random.pick(byClass('high')), random.pick(byClass('low'))]
		: [];
	const pool = mixedRates
		? PRODUCTS
		: byClass(
				random.weighted([
					['high', 65],
					['low', 35],
				] as const),
			);
	const wanted = Math.max(
		chosen.length,
		random.weighted([
			[1, 45],
			[2, 30],
			[3, 17],
			[4, 8],
		] as const),
	);
	for (let attempt = 0; chosen.length < wanted && attempt < 20; attempt++) {
		const product = random.pick(pool);
		if (!chosen.includes(product)) chosen.push(product);
	}
	return chosen;
}

/** An excl.-VAT unit price whose line total incl. VAT does not divide into whole cents per unit. */
function unevenLine(
	unitInclusive: number,
	rate: number,
	quantity: number,
): { unitMicros: number; cents: number } {
	let unitExclusiveCents = Math.round((unitInclusive * 100) / (100 + rate));
	for (let attempt = 0; attempt < 50; attempt++) {
		const cents = inclusiveCents(unitExclusiveCents * 10_000 * quantity, rate);
		if (cents % quantity !== 0) return { unitMicros: unitExclusiveCents * 10_000, cents };
		unitExclusiveCents += 1;
	}
	return {
		unitMicros: unitExclusiveCents * 10_000,
		cents: inclusiveCents(unitExclusiveCents * 10_000 * quantity, rate),
	};
}

function articleLine(random: Random, product: Product, options: ArticleOptions): LineDraft {
	const rate = rateFor(options.situation, options.countryCode, product.rateClass);
	const unit = unitCents(product, rate);
	const sku = options.withSku ? product.sku : undefined;
	const base = { id: product.id, sku, description: product.name };
	if (rate > 0 && random.chance(options.exclusivePricing)) {
		const quantity = random.pick([3, 6, 7]);
		const { unitMicros, cents } = unevenLine(unit, rate, quantity);
		return {
			type: 'article',
			quantity,
			description: product.name,
			parts: [{ rate, cents }],
			asArray: false,
			weight: product.weight * quantity,
			article: { ...base, listMicros: unitMicros },
		};
	}
	const quantity = random.weighted([
		[1, 60],
		[2, 25],
		[3, 8],
		[4, 4],
		[6, 3],
	] as const);
	const onAction = unit >= 500 && random.chance(0.15);
	const paid = onAction ? Math.floor((unit * 0.8) / 5) * 5 : unit;
	const listMicros = exclusiveMicros(unit, rate);
	return {
		type: 'article',
		quantity,
		description: product.name,
		parts: [{ rate, cents: paid * quantity }],
		asArray: false,
		weight: product.weight * quantity,
		article: {
			...base,
			listMicros,
			actionMicros: onAction ? exclusiveMicros(paid, rate) - listMicros : undefined,
		},
	};
}

export function articleLines(random: Random, options: ArticleOptions): LineDraft[] {
	return pickProducts(random, options.mixedRates).map((product) =>
		articleLine(random, product, options),
	);
}

export function freeSampleLine(product: Product): LineDraft {
	return {
		type: 'article',
		quantity: 1,
		description: product.name,
		parts: [{ rate: NL_RATES[product.rateClass], cents: 0 }],
		asArray: false,
		weight: product.weight,
		article: { id: product.id, sku: product.sku, description: product.name, listMicros: 0 },
	};
}
