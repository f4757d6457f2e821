/**
 * Says what a (generated or hand-written) order is, read from the order itself, so tests can pick
 * "a finished, paid order" or "an export order" from a seed without knowing how it was made.
 */
import { parseCents } from './money';
import type { ShopOrder } from './render';

export type OrderCategory =
	| 'finishedPaid'
	| 'finishedUnpaid'
	| 'paid'
	| 'shipped'
	| 'unpaid'
	| 'cancelled'
	| 'credit'
	| 'test';

export type OrderFeature =
	| 'mixedRates'
	| 'shippingLine'
	| 'paymentCostLine'
	| 'discountCode'
	| 'cartDiscount'
	| 'actionPrice'
	| 'quantityAboveOne'
	| 'unevenUnitPrice'
	| 'domesticB2B'
	| 'reverseCharge'
	| 'export'
	| 'oss'
	| 'zeroTotal'
	| 'withoutInclusiveAmounts'
	| 'pickedUp'
	| 'bankTransfer';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Json)
		: {};
}

function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.map(record) : [];
}

function prices(line: Json): Json[] {
	return Array.isArray(line.price) ? list(line.price) : [record(line.price)];
}

/** Paid: captured, the legacy "Successful" payment status, or nothing to pay (docs/api-notes.md, Mijnwebwinkel §5.2). */
export function isPaid(order: ShopOrder): boolean {
	if (order.payment_status === 'captured') return true;
	if (record(record(order.payment).status).id === 1) return true;
	return parseCents(record(order.price).total) === 0;
}

/** The order's place in its life, using the sandbox's status ids (test/sandbox/shop/statuses.ts). */
export function categorizeOrder(order: ShopOrder): OrderCategory {
	if (order.test === true) return 'test';
	const status = Number(order.status);
	if (status === 10 || order.credited_order_number !== undefined) return 'credit';
	if (status === 5) return 'cancelled';
	if (status === 4 || status === 6) return isPaid(order) ? 'finishedPaid' : 'finishedUnpaid';
	if (status === 3) return 'shipped';
	if (status === 2) return 'paid';
	return 'unpaid';
}

export function orderFeatures(order: ShopOrder): OrderFeature[] {
	const lines = list(order.orderlines);
	const articles = lines.filter((line) => line.type === 'article');
	const discounts = lines.filter((line) => line.type === 'discount');
	const invoice = record(record(record(order.debtor).address).invoice);
	const code = typeof order.discountcode === 'string' ? order.discountcode : '';
	const articleRates = new Set(
		articles.flatMap((line) => prices(line).map((price) => Number(price.rate))),
	);
	const checks: Array<[OrderFeature, boolean]> = [
		['mixedRates', articleRates.size > 1],
		['shippingLine', lines.some((line) => line.type === 'shipping')],
		['paymentCostLine', lines.some((line) => line.type === 'payment')],
		['discountCode', code !== '' && discounts.length > 0],
		[
			'cartDiscount',
			discounts.some((line) => code === '' || !String(line.description).includes(code)),
		],
		[
			'actionPrice',
			articles.some((line) =>
				list(line.articles).some((article) => list(article.options).length > 0),
			),
		],
		['quantityAboveOne', articles.some((line) => Number(line.quantity) > 1)],
		[
			'unevenUnitPrice',
			articles.some((line) => {
				const inclusive = prices(line)[0]?.amount_including_tax;
				return inclusive !== undefined && parseCents(inclusive) % Number(line.quantity) !== 0;
			}),
		],
		['domesticB2B', order.business_model === 'B2B' && invoice.country_code === 'NL'],
		['reverseCharge', order.tax_strategy === 'reverse_charged_vat'],
		['export', order.tax_strategy === 'zero_percent'],
		[
			'oss',
			order.tax_strategy === '' && order.business_model === 'B2C' && invoice.country_code !== 'NL',
		],
		['zeroTotal', parseCents(record(order.price).total) === 0],
		[
			'withoutInclusiveAmounts',
			lines.some((line) => prices(line).some((price) => price.amount_including_tax === undefined)),
		],
		['pickedUp', Number(order.status) === 6],
		['bankTransfer', record(order.payment).method_name === 'bank_transfer'],
	];
	return checks.filter(([, present]) => present).map(([feature]) => feature);
}
