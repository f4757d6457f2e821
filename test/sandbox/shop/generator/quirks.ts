/**
 * Live quirks: shapes other integrators saw from the real API that differ from the spec
 * (docs/api-notes.md, Mijnwebwinkel §12, a third-party SDK). Each quirk order carries exactly one.
 */
import type { ShopOrder } from './render';

export type Quirk =
	'stringNumber' | 'singleTaxObject' | 'emptyShippingCountry' | 'legacyPaymentStatus';

export const QUIRKS: readonly Quirk[] = [
	'stringNumber',
	'singleTaxObject',
	'emptyShippingCountry',
	'legacyPaymentStatus',
];

/** The deprecated `payment.status` object for a payment status (spec schema OrderPaymentStatus). */
const LEGACY_PAYMENT_STATUS: Record<string, { id: number; text: string }> = {
	captured: { id: 1, text: 'Successful' },
	voided: { id: 2, text: 'Cancelled' },
	failed: { id: 3, text: 'Failed' },
	new: { id: 5, text: 'Pending' },
	pending: { id: 5, text: 'Pending' },
	refunded: { id: 7, text: 'Refunded' },
};

export function legacyPaymentStatus(paymentStatus: unknown): { id: number; text: string } {
	return LEGACY_PAYMENT_STATUS[String(paymentStatus)] ?? { id: 0, text: 'Unknown' };
}

function record(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** Whether this quirk can be shown on this order (a single tax object needs a single VAT rate). */
export function quirkFits(order: ShopOrder, quirk: Quirk): boolean {
	const price = record(order.price);
	switch (quirk) {
		case 'stringNumber':
			return typeof order.number === 'number';
		case 'singleTaxObject':
			return Array.isArray(price?.tax) && price.tax.length === 1;
		case 'emptyShippingCountry':
			return Array.isArray(order.shipping) && order.shipping.length > 0;
		case 'legacyPaymentStatus':
			return record(order.payment) !== undefined && typeof order.payment_status === 'string';
	}
}

/** A copy of the order showing the quirk. */
export function applyQuirk(order: ShopOrder, quirk: Quirk): ShopOrder {
	const copy = structuredClone(order);
	const price = record(copy.price);
	switch (quirk) {
		case 'stringNumber':
			copy.number = String(copy.number);
			break;
		case 'singleTaxObject':
			if (price && Array.isArray(price.tax)) price.tax = price.tax[0];
			break;
		case 'emptyShippingCountry':
			copy.shipping = [{ country: [] }];
			break;
		case 'legacyPaymentStatus':
			copy.payment = { ...record(copy.payment), status: legacyPaymentStatus(copy.payment_status) };
			break;
	}
	return copy;
}

/** The quirks an order shows, read from the order itself. */
export function orderQuirks(order: ShopOrder): Quirk[] {
	const price = record(order.price);
	const shipping = Array.isArray(order.shipping) ? order.shipping : [];
	const found: Quirk[] = [];
	if (typeof order.number === 'string') found.push('stringNumber');
	if (price && record(price.tax)) found.push('singleTaxObject');
	if (shipping.some((entry) => Array.isArray(record(entry)?.country)))
		found.push('emptyShippingCountry');
	if (record(record(order.payment)?.status)) found.push('legacyPaymentStatus');
	return found;
}
