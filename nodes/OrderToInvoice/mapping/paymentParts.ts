import type { Order } from '../../shared/order.schema';
import { isGiftCardMethod, legacyNames, namesOf } from './paymentLedgers';
import { lower, type Transaction } from './transactions';
import type { MappingSettings, PaymentKind } from './types';

/** One part of what was paid on an order, in cents, before its ledger is chosen. */
export interface Part {
	cents: number;
	date: string;
	kind: PaymentKind;
	method: string;
	names: string[];
	reference: string;
	field: string;
}

export function partOf(
	transaction: Transaction,
	orderDate: string,
	settings: MappingSettings,
): Part {
	const names = namesOf(transaction.method, transaction.gateway);
	const kind: PaymentKind = isGiftCardMethod(names, settings)
		? 'giftCard'
		: transaction.state === 'authorized'
			? 'payLater'
			: 'received';
	return {
		cents: transaction.cents,
		date: transaction.date ?? orderDate,
		kind,
		method: transaction.method || transaction.gateway,
		names,
		reference: transaction.key,
		field: transaction.field,
	};
}

export /** The order's single payment when its transactions are unknown: the whole total, on the order date. */
function wholeOrderPart(order: Order, totalCents: number, settings: MappingSettings): Part {
	const names = legacyNames(order);
	const kind: PaymentKind = isGiftCardMethod(names, settings)
		? 'giftCard'
		: lower(order.payment_status) === 'authorized'
			? 'payLater'
			: 'received';
	return {
		cents: totalCents,
		date: order.date.slice(0, 10),
		kind,
		method: names[0] ?? '',
		names,
		reference: '',
		field: 'payment',
	};
}

/** Statuses that say the money never came in; anything else trusts the trigger. */
const FAILED_PAYMENT_STATUSES = new Set(['failed', 'voided']);
const FAILED_LEGACY_STATUS_IDS = new Set([2, 3, 4, 6]);

export function failedPayment(order: Order): string | null {
	const status = lower(order.payment_status);
	if (FAILED_PAYMENT_STATUSES.has(status)) return `payment_status '${status}'`;
	const legacy = order.payment?.status;
	if (!status && legacy && FAILED_LEGACY_STATUS_IDS.has(legacy.id)) {
		return `payment status '${legacy.text ?? legacy.id}'`;
	}
	return null;
}
