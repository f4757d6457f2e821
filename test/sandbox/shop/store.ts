/**
 * The shop's orders, in memory. Every change is visible to the next request. Orders are kept and handed
 * out as copies, so a test holding an order object cannot change the shop behind its back.
 */
import { legacyPaymentStatus } from './generator/quirks';
import type { ShopOrder } from './generator/render';
import { toShopLocal } from './time';

export interface StoredOrder {
	order: ShopOrder;
	/** When a payment arrived through `setPaymentStatus('captured')`; dates the capture mutation. */
	paidAt?: Date;
}

export interface OrderStore {
	list(): StoredOrder[];
	get(number: string | number): StoredOrder | undefined;
	add(order: unknown): ShopOrder;
	update(number: string | number, patch: Record<string, unknown>): ShopOrder;
	/** Changes the status and moves `status_changed_date`/`_time` to `changedAt` (shop-local time). */
	setStatus(number: string | number, status: number, changedAt?: Date): ShopOrder;
	/** A payment arriving (or failing) without a status change: only `payment_status` moves. */
	setPaymentStatus(number: string | number, paymentStatus: string): ShopOrder;
	/** Back to the orders the shop started with. */
	reset(): void;
}

/** A control call the store refuses; `status` is what `/__admin/` answers with. */
export class OrderStoreError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 404 | 409,
	) {
		super(message);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function orderKey(number: unknown): string {
	return String(number).trim();
}

export function createOrderStore(initial: readonly unknown[], now: () => Date): OrderStore {
	let orders = new Map<string, StoredOrder>();

	const found = (number: string | number): StoredOrder => {
		const stored = orders.get(orderKey(number));
		if (!stored)
			throw new OrderStoreError(`Order ${number} does not exist in the sandbox shop`, 404);
		return stored;
	};

	const store: OrderStore = {
		list: () => [...orders.values()],
		get: (number) => orders.get(orderKey(number)),
		add(order) {
			if (!isRecord(order)) throw new OrderStoreError('An order must be an object', 400);
			if (typeof order.number !== 'number' && typeof order.number !== 'string') {
				throw new OrderStoreError('An order needs a number', 400);
			}
			const key = orderKey(order.number);
			if (orders.has(key))
				throw new OrderStoreError(`Order ${key} already exists in the sandbox shop`, 409);
			orders.set(key, { order: structuredClone(order) });
			return structuredClone(order);
		},
		update(number, patch) {
			const stored = found(number);
			if ('number' in patch && orderKey(patch.number) !== orderKey(number)) {
				throw new OrderStoreError('The order number cannot be changed', 400);
			}
			stored.order = { ...stored.order, ...structuredClone(patch) };
			return structuredClone(stored.order);
		},
		setStatus(number, status, changedAt = now()) {
			const stored = found(number);
			const local = toShopLocal(changedAt);
			stored.order = {
				...stored.order,
				status,
				status_changed_date: local.date,
				status_changed_time: local.time,
			};
			return structuredClone(stored.order);
		},
		setPaymentStatus(number, paymentStatus) {
			const stored = found(number);
			const order: ShopOrder = { ...stored.order, payment_status: paymentStatus };
			const payment = order.payment;
			if (isRecord(payment) && isRecord(payment.status)) {
				order.payment = { ...payment, status: legacyPaymentStatus(paymentStatus) };
			}
			stored.order = order;
			if (paymentStatus === 'captured') stored.paidAt = now();
			return structuredClone(order);
		},
		reset() {
			orders = new Map();
			for (const order of initial) store.add(order);
		},
	};
	store.reset();
	return store;
}
