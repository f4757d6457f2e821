import { randomUUID } from 'node:crypto';
import { caseOf } from '../../sandbox/shop/cases';
import { categorizeOrder, type ShopOrder } from '../../sandbox/shop/generator';
import { toShopLocal } from '../../sandbox/shop/time';
import { expectationFor } from './expected';

/** A recent order of the seed's random mix: the planted cases (cases.ts) are no models, their facts are their own. */
const isRecent = (order: ShopOrder) =>
	String(order.date) >= '2020-01-01' && caseOf(order) === undefined;

/**
 * `count` new orders, placed now, copied from finished paid orders of the shop: the first for a customer the books
 * already know (e-mail in other capitals), the others for new customers. Status 1 until the test finishes them.
 */
export type NewOrder = ShopOrder & { number: number };

export function newOrders(existing: ShopOrder[], count: number): NewOrder[] {
	const models = existing.filter(
		(order) =>
			categorizeOrder(order) === 'finishedPaid' && Number(order.status) === 4 && isRecent(order),
	);
	if (models.length === 0) throw new Error('the seed has no finished, paid order to copy');
	const highest = Math.max(...existing.map((order) => Number(order.number)));
	const now = toShopLocal(new Date());
	return Array.from({ length: count }, (_, index) => {
		const model = structuredClone(models[index % models.length]);
		const number = highest + 1 + index;
		const debtor = model.debtor as Record<string, unknown>;
		const email = String(debtor.email);
		debtor.email = index === 0 ? email.toUpperCase() : `new.customer.${number}@example.nl`;
		return {
			...model,
			number,
			uuid: randomUUID(),
			date: now.date,
			time: now.time,
			status: 1,
			payment_status: 'captured',
			credit_order_numbers: [],
		};
	});
}

/** The most recently finished order that is still unpaid (a bank transfer on its way). */
export function recentlyFinishedUnpaid(orders: ShopOrder[]): ShopOrder {
	const unpaid = orders
		.filter(
			(order) =>
				categorizeOrder(order) === 'finishedUnpaid' &&
				Number(order.status) === 4 &&
				isRecent(order),
		)
		.sort((a, b) =>
			`${b.status_changed_date} ${b.status_changed_time}`.localeCompare(
				`${a.status_changed_date} ${a.status_changed_time}`,
			),
		);
	if (unpaid.length === 0) throw new Error('the seed has no finished, unpaid order');
	return unpaid[0];
}

/**
 * A credit order (a return) placed now with this number, copied from a credit order of the seed: status 10,
 * crediting the same original again (a second partial return), no payment data.
 */
export function newCreditOrder(existing: ShopOrder[], number: number): NewOrder {
	const model = existing.find(
		(order) =>
			caseOf(order) === undefined &&
			expectationFor(order) === 'credit' &&
			Number(order.status) === 10,
	);
	if (!model) throw new Error('the seed has no credit order to copy');
	const now = toShopLocal(new Date());
	return { ...structuredClone(model), number, uuid: randomUUID(), date: now.date, time: now.time };
}
