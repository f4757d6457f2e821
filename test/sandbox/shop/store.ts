/**
 * The shop's orders, in memory. Every change is visible to the next request. Orders are kept and handed
 * out as copies, so a test holding an order object cannot change the shop behind its back.
 */
import { legacyPaymentStatus } from './generator/quirks';
import type { ShopOrder } from './generator/render';
import { toShopLocal } from './time';

/** One transaction of an order (docs/api-notes.md, Mijnwebwinkel §5.2), as the payments endpoint shows it; amounts in cents. */
export interface SandboxTransaction {
	/** A name from the spec's gateway list: `mollie`, `basic`, `klarna_checkout`, `afterpay`, `paypal`, … */
	gateway: string;
	/** `ideal`, `webshop_giftcard`, `klarna_paylater`, `afterpay`, `bancontact`, … */
	method: string;
	cents: number;
	status: 'new' | 'pending' | 'authorized' | 'captured' | 'failed' | 'voided' | 'refunded';
	/** When it was captured (ISO 8601); set by `capture`. */
	capturedAt?: string;
	isTest?: boolean;
}

/**
 * What the sandbox keeps beside an order and never serves as part of it. Posted orders may carry it under
 * `sandbox`; the store takes it off.
 */
export interface SandboxMeta {
	/** The order's transactions; without them the payments endpoint derives one from `payment`/`payment_status`. */
	transactions?: SandboxTransaction[];
	/** Payment-order line types by order-line id, e.g. `{ "<id>": "gift_card" }` (default `physical`, …). */
	paymentLineTypes?: Record<string, string>;
	/** Store credit spent on the order: a negative `store_credit` line in the payment order. */
	storeCreditCents?: number;
}

export interface StoredOrder {
	order: ShopOrder;
	/** When a payment arrived through `setPaymentStatus('captured')`; dates the capture mutation. */
	paidAt?: Date;
	meta?: SandboxMeta;
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
	/** Captures every authorised (or pending) transaction now, without a status change (pay later, shipped). */
	capture(number: string | number): ShopOrder;
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

/** Transactions that can still be captured. */
const OPEN: ReadonlyArray<SandboxTransaction['status']> = ['new', 'pending', 'authorized'];

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
			const { sandbox, ...served } = structuredClone(order);
			const meta = isRecord(sandbox) ? (sandbox as SandboxMeta) : undefined;
			orders.set(key, { order: served, ...(meta ? { meta } : {}) });
			return structuredClone(served);
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
			const moved = stored.meta?.transactions?.filter((transaction) =>
				OPEN.includes(transaction.status),
			);
			for (const transaction of moved ?? []) {
				transaction.status = paymentStatus as SandboxTransaction['status'];
				if (paymentStatus === 'captured') transaction.capturedAt = now().toISOString();
			}
			return structuredClone(order);
		},
		capture(number) {
			const stored = found(number);
			const open = (stored.meta?.transactions ?? []).filter((transaction) =>
				OPEN.includes(transaction.status),
			);
			if (open.length === 0 && stored.order.payment_status === 'captured') {
				throw new OrderStoreError(`Order ${number} has nothing left to capture`, 409);
			}
			return store.setPaymentStatus(number, 'captured');
		},
		reset() {
			orders = new Map();
			for (const order of initial) store.add(order);
		},
	};
	store.reset();
	return store;
}
