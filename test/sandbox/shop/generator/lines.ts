/**
 * Order lines as drafts in whole cents per VAT rate, then rendered in the spec's `OrderDetail` shape
 * (docs/api-notes.md, Mijnwebwinkel §7): `price` is one TaxPrice, or an array of them when the line is split
 * over several rates (payment costs, proportional shipping, discounts).
 */
import { allocate, exclusiveMicros, formatCents, formatMicros, formatRate } from './money';
import type { Random } from './random';

/** The part of a line at one VAT rate, incl. VAT, in cents. */
export interface Part {
	rate: number;
	cents: number;
}

export interface ArticleDraft {
	id: number;
	sku?: string;
	description: string;
	/** Per unit, excl. VAT. */
	listMicros: number;
	/** Per unit, excl. VAT, negative: the action price's reduction. */
	actionMicros?: number;
}

export type LineType = 'article' | 'shipping' | 'payment' | 'discount';

export interface LineDraft {
	type: LineType;
	quantity: number;
	description?: string;
	parts: Part[];
	/** Render `price` as an array even when there is one rate. */
	asArray: boolean;
	/** Grams, for the whole line. */
	weight?: number;
	article?: ArticleDraft;
}

/** Incl. VAT per rate of the given lines, rates ascending. */
export function totalsByRate(lines: readonly LineDraft[]): Part[] {
	const byRate = new Map<number, number>();
	for (const line of lines) {
		for (const part of line.parts) byRate.set(part.rate, (byRate.get(part.rate) ?? 0) + part.cents);
	}
	return [...byRate.entries()].sort(([a], [b]) => a - b).map(([rate, cents]) => ({ rate, cents }));
}

/** A cost or discount spread over the rates of `basis` in proportion to their amounts. */
export function splitOverRates(cents: number, basis: readonly Part[]): Part[] {
	const shares = allocate(
		cents,
		basis.map((part) => Math.abs(part.cents)),
	);
	return basis.map((part, index) => ({ rate: part.rate, cents: shares[index] }));
}

export function costLine(
	type: 'shipping' | 'payment',
	cents: number,
	basis: readonly Part[],
	description?: string,
): LineDraft {
	const parts = splitOverRates(cents, basis);
	return { type, quantity: 1, description, parts, asArray: type === 'payment' || parts.length > 1 };
}

/** Discount lines are negative and always carry an array of TaxPrice (changelog 2019-05-08). */
export function discountLine(
	cents: number,
	basis: readonly Part[],
	description: string,
): LineDraft {
	return {
		type: 'discount',
		quantity: 1,
		description,
		parts: splitOverRates(-Math.abs(cents), basis),
		asArray: true,
	};
}

function taxPrice(part: Part, withInclusive: boolean): Record<string, string> {
	const price: Record<string, string> = {
		amount: formatMicros(exclusiveMicros(part.cents, part.rate)),
		rate: formatRate(part.rate),
	};
	if (withInclusive) price.amount_including_tax = formatCents(part.cents);
	return price;
}

function renderArticle(article: ArticleDraft, rate: number): Record<string, unknown> {
	const rendered: Record<string, unknown> = {
		id: article.id,
		description: article.description,
		price: { amount: formatMicros(article.listMicros), rate: formatRate(rate) },
	};
	if (article.sku) rendered.sku = article.sku;
	if (article.actionMicros !== undefined) {
		rendered.options = [
			{
				description: 'Actieprijs',
				price: { amount: formatMicros(article.actionMicros), rate: formatRate(rate) },
			},
		];
	}
	return rendered;
}

/** `withInclusive: false` renders a line as orders before 2019-04-12 were stored: no `amount_including_tax`. */
export function renderLine(
	line: LineDraft,
	random: Random,
	withInclusive = true,
): Record<string, unknown> {
	const rendered: Record<string, unknown> = {
		id: random.uuid(),
		type: line.type,
		quantity: line.quantity,
	};
	if (line.weight !== undefined) rendered.weight = (line.weight / 1000).toFixed(3);
	if (line.description !== undefined) rendered.description = line.description;
	const prices = line.parts.map((part) => taxPrice(part, withInclusive));
	rendered.price = line.asArray ? prices : prices[0];
	if (line.article) rendered.articles = [renderArticle(line.article, line.parts[0].rate)];
	return rendered;
}

/** `price.tax`: the VAT per rate, so that Σ excl. + tax = Σ incl. per rate to the micro-euro. */
export function renderTax(lines: readonly LineDraft[]): Array<Record<string, string>> {
	const exclusive = new Map<number, number>();
	for (const line of lines) {
		for (const part of line.parts) {
			exclusive.set(
				part.rate,
				(exclusive.get(part.rate) ?? 0) + exclusiveMicros(part.cents, part.rate),
			);
		}
	}
	return totalsByRate(lines).map((part) => ({
		amount: formatMicros(part.cents * 10_000 - (exclusive.get(part.rate) ?? 0)),
		rate: formatRate(part.rate),
	}));
}
