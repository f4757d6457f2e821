import type { Order, OrderLine, TaxPrice } from '../../shared/order.schema';
import type { OrderContext } from './errors';
import { inclusiveCents, toBasisPoints, decimalTextToCents } from '../../shared/money';

export type LineKind = 'product' | 'shipping' | 'payment' | 'discount' | 'giftCard';

/** One price of one order line: a line whose price is split over several VAT rates gives several parts. */
export interface LinePart {
	/** Where it came from, for error messages: `orderlines[4].price[1]`. */
	field: string;
	/** Index of its order line. */
	line: number;
	kind: LineKind;
	name: string;
	quantity: number;
	/** Amount including VAT, in cents, with the sign the shop used. */
	cents: number;
	/** Basis points; null only for old discount lines that carry no rate (docs/api-notes.md, Mijnwebwinkel §12). */
	rate: number | null;
	/** The line's price is split over several rates. */
	split: boolean;
}

const KIND_BY_TYPE: Record<string, LineKind> = {
	article: 'product',
	custom: 'product',
	product: 'product',
	shipping: 'shipping',
	payment: 'payment',
	gift_card: 'giftCard',
	giftcard: 'giftCard',
	store_credit: 'giftCard',
};

const DEFAULT_NAME: Record<LineKind, string> = {
	product: 'Artikel',
	shipping: 'Verzendkosten',
	payment: 'Betaalkosten',
	discount: 'Korting',
	giftCard: 'Cadeaubon',
};

/** The discount line's type string is undocumented ("likely discount", docs/api-notes.md, Mijnwebwinkel §7.2). */
function kindOf(type: string, cents: number, warnings: string[], field: string): LineKind {
	const known = KIND_BY_TYPE[type.trim().toLowerCase()];
	if (known) return known;
	if (/discount|coupon|korting/i.test(type)) return 'discount';
	const kind: LineKind = cents < 0 ? 'discount' : 'product';
	warnings.push(
		`${field}: unknown order line type '${type}' booked as ${kind === 'discount' ? 'a discount' : 'revenue'}`,
	);
	return kind;
}

function readRate(price: TaxPrice, field: string, context: OrderContext): number | null {
	if (price.rate === '') return null;
	const rate = toBasisPoints(price.rate);
	if (rate === undefined || rate >= 10000)
		context.fail(`${field}.rate`, `VAT rate '${price.rate}' is not a percentage`);
	return rate;
}

/**
 * `amount_including_tax` is authoritative; only orders from before April 2019 lack it, and then it is
 * derived from `amount` × (1 + rate), half up (docs/api-notes.md, Mijnwebwinkel §7.1, §12). `price.tax` is never used.
 */
function readCents(
	price: TaxPrice,
	rate: number | null,
	field: string,
	context: OrderContext,
): number {
	if (price.amount_including_tax !== undefined) {
		const cents = decimalTextToCents(price.amount_including_tax);
		if (cents === undefined) context.fail(`${field}.amount_including_tax`, 'is too large');
		return cents;
	}
	if (rate === null) {
		context.fail(
			`${field}.rate`,
			'has no VAT rate and no amount_including_tax, so the amount cannot be booked exactly',
		);
	}
	const cents = inclusiveCents(price.amount, rate);
	if (cents === undefined) context.fail(`${field}.amount`, 'is too large');
	return cents;
}

function lineParts(
	line: OrderLine,
	index: number,
	context: OrderContext,
	warnings: string[],
): LinePart[] {
	const split = line.price.length > 1;
	const parts: LinePart[] = [];
	line.price.forEach((price, priceIndex) => {
		const field = `orderlines[${index}].price[${priceIndex}]`;
		const stated = readRate(price, field, context);
		const cents = readCents(price, stated, field, context);
		const kind = kindOf(line.type, cents, warnings, `orderlines[${index}].type`);
		// A gift card carries no VAT, so a shop may leave its rate empty.
		const rate = stated === null && kind === 'giftCard' ? 0 : stated;
		if (rate === null && kind !== 'discount') context.fail(`${field}.rate`, 'has no VAT rate');
		const name = (line.description ?? '').trim() || DEFAULT_NAME[kind];
		parts.push({ field, line: index, kind, name, quantity: line.quantity, cents, rate, split });
	});
	return parts;
}

/** Every price of every order line, in order. */
export function readLineParts(order: Order, context: OrderContext, warnings: string[]): LinePart[] {
	return order.orderlines.flatMap((line, index) => lineParts(line, index, context, warnings));
}
