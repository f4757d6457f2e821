/**
 * `GET /v1/orders/{n}/payments`: the order's payment in the spec's `Payment` shape, amounts in minor units
 * (docs/api-notes.md, Mijnwebwinkel §9). Built from the order as it is now, so a payment that arrives
 * through `setPaymentStatus` shows up here at once. Credit orders and orders totalling 0.00 have none (docs/api-notes.md, Mijnwebwinkel §5.2).
 */
import { exclusiveMicros, inclusiveCents, parseCents, parseMicros } from './generator/money';
import type { ShopOrder } from './generator/render';
import type { SandboxMeta, SandboxTransaction, StoredOrder } from './store';
import { fromShopLocal, toShopIso } from './time';

export type Embed = 'properties' | 'mutations' | 'order';
export const EMBEDS: readonly Embed[] = ['properties', 'mutations', 'order'];

/** The sandbox store's id (the `storeId` of every payment). */
export const SANDBOX_STORE_ID = '5a1dbb0c-0b7e-4c2a-9d1e-6f0d2c8b1a01';

const MUTATIONS: Record<
	string,
	ReadonlyArray<'authorize' | 'capture' | 'failed' | 'refund' | 'void'>
> = {
	authorized: ['authorize'],
	captured: ['authorize', 'capture'],
	failed: ['failed'],
	voided: ['authorize', 'void'],
	refunded: ['authorize', 'capture', 'refund'],
};
const LINE_TYPES: Record<string, string> = {
	shipping: 'shipping_fee',
	payment: 'payment_fee',
	discount: 'discount',
};

type Json = Record<string, unknown>;

function record(value: unknown): Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Json)
		: {};
}

/** A UUID-shaped id that is always the same for the same text (FNV-1a, stretched). */
export function stableUuid(text: string): string {
	let hex = '';
	for (let round = 0; hex.length < 32; round++) {
		let hash = 0x811c9dc5 ^ round;
		for (const char of `${round}:${text}`)
			hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
		hex += hash.toString(16).padStart(8, '0');
	}
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function inclusive(price: Json): number {
	if (price.amount_including_tax !== undefined) return parseCents(price.amount_including_tax);
	return inclusiveCents(parseMicros(price.amount), Number(price.rate));
}

function paymentLines(order: ShopOrder, meta: SandboxMeta = {}): Json[] {
	const lines = Array.isArray(order.orderlines) ? order.orderlines.map(record) : [];
	const typed = meta.paymentLineTypes ?? {};
	const goods = lines.flatMap((line) =>
		(Array.isArray(line.price) ? line.price.map(record) : [record(line.price)]).map(
			(price, part) => {
				const cents = inclusive(price);
				const rate = Number(price.rate);
				const tax = cents - Math.round(exclusiveMicros(cents, rate) / 10_000);
				return {
					id: stableUuid(`${String(line.id)}:${part}`),
					type: typed[String(line.id)] ?? LINE_TYPES[String(line.type)] ?? 'physical',
					name: String(line.description ?? line.type),
					quantity: String(line.quantity ?? 1),
					price: cents,
					tax,
					taxRate: (rate / 100).toFixed(4),
				};
			},
		),
	);
	if (!meta.storeCreditCents) return goods;
	const credit = {
		id: stableUuid(`${String(order.uuid)}:store_credit`),
		type: 'store_credit',
		name: 'Tegoed',
		quantity: '1',
		price: -meta.storeCreditCents,
		tax: 0,
		taxRate: '0.0000',
	};
	return [...goods, credit];
}

function embeddedOrder(order: ShopOrder, total: number, meta?: SandboxMeta): Json {
	const lines = paymentLines(order, meta);
	const debtor = record(order.debtor);
	const customer: Json = {};
	if (typeof debtor.id === 'string') customer.id = debtor.id;
	if (typeof debtor.email === 'string') customer.email = debtor.email;
	return {
		id: String(order.uuid),
		reference: String(order.number),
		price: total,
		tax: lines.reduce((sum, line) => sum + Number(line.tax), 0),
		locale: String(order.locale ?? 'nl_NL'),
		deliveryType:
			Array.isArray(order.shipping) && order.shipping.length === 0 ? 'pickup' : 'delivery',
		lines,
		customer,
	};
}

export function orderPayments(stored: StoredOrder, embed: ReadonlySet<Embed>): Json[] {
	if (stored.meta?.transactions) return transactionPayments(stored, stored.meta, embed);
	const { order } = stored;
	const payment = record(order.payment);
	const total = parseCents(record(order.price).total);
	if (
		order.credited_order_number !== undefined ||
		payment.gateway_name === undefined ||
		total === 0
	)
		return [];
	const status = String(order.payment_status ?? 'unknown');
	const placedAt = fromShopLocal(String(order.date), String(order.time ?? '00:00:00'));
	const paidAt = stored.paidAt ?? new Date(placedAt.getTime() + 60_000);
	const gateway = String(payment.gateway_name);
	const types = (MUTATIONS[status] ?? []).filter(
		(type) => !(gateway === 'basic' && type === 'authorize'),
	);
	const mutations = types.map((type, index) => ({
		id: Number(order.number) * 10 + index,
		type,
		reference: null,
		price: Math.abs(total),
		description: null,
		createdAt: toShopIso(type === 'authorize' ? placedAt : paidAt),
		expiresAt: null,
	}));
	const key = String(order.uuid ?? order.number);
	const result: Json = {
		id: stableUuid(`${key}:payment`),
		gateway,
		method: String(payment.method_name ?? gateway),
		price: Math.abs(total),
		currency: String(order.currency ?? 'EUR'),
		storeId: SANDBOX_STORE_ID,
		reference: stableUuid(`${key}:reference`),
		isTest: order.test === true,
		createdAt: toShopIso(placedAt),
		updatedAt:
			mutations.length > 0 ? mutations[mutations.length - 1].createdAt : toShopIso(placedAt),
	};
	if (gateway !== 'basic')
		result.gatewayReference = `${gateway === 'paypal' ? 'PAYID-' : 'tr_'}${stableUuid(key).slice(0, 8)}`;
	if (embed.has('mutations')) result.mutations = mutations;
	if (embed.has('order')) result.order = embeddedOrder(order, Math.abs(total));
	if (embed.has('properties'))
		result.properties = { shipping_region: String(order.tax_region ?? 'NL') };
	return [result];
}

/**
 * An order with transactions of its own (see cases.ts): one Payment per transaction, each with its own
 * amount, gateway, method and mutations; the embedded payment order is the same for all of them.
 */
function transactionPayments(
	stored: StoredOrder,
	meta: SandboxMeta,
	embed: ReadonlySet<Embed>,
): Json[] {
	const { order } = stored;
	const transactions = meta.transactions ?? [];
	const placedAt = fromShopLocal(String(order.date), String(order.time ?? '00:00:00'));
	const key = String(order.uuid ?? order.number);
	const due = transactions.reduce((sum, transaction) => sum + transaction.cents, 0);
	return transactions.map((transaction: SandboxTransaction, index) => {
		const capturedAt = transaction.capturedAt
			? new Date(transaction.capturedAt)
			: new Date(placedAt.getTime() + 60_000);
		const types = (MUTATIONS[transaction.status] ?? []).filter(
			(type) => !(transaction.gateway === 'basic' && type === 'authorize'),
		);
		const mutations = types.map((type, step) => ({
			id: Number(order.number) * 100 + index * 10 + step,
			type,
			reference: null,
			price: transaction.cents,
			description: null,
			createdAt: toShopIso(type === 'authorize' ? placedAt : capturedAt),
			expiresAt: null,
		}));
		const result: Json = {
			id: stableUuid(`${key}:payment:${index}`),
			gateway: transaction.gateway,
			method: transaction.method,
			price: transaction.cents,
			currency: String(order.currency ?? 'EUR'),
			storeId: SANDBOX_STORE_ID,
			reference: stableUuid(`${key}:reference:${index}`),
			isTest: transaction.isTest === true || order.test === true,
			createdAt: toShopIso(placedAt),
			updatedAt:
				mutations.length > 0 ? mutations[mutations.length - 1].createdAt : toShopIso(placedAt),
		};
		if (transaction.gateway !== 'basic')
			result.gatewayReference = `tr_${stableUuid(`${key}:${index}`).slice(0, 8)}`;
		if (embed.has('mutations')) result.mutations = mutations;
		if (embed.has('order')) result.order = embeddedOrder(order, due, meta);
		if (embed.has('properties'))
			result.properties = { shipping_region: String(order.tax_region ?? 'NL') };
		return result;
	});
}
