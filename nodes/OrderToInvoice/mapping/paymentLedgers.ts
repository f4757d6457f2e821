import type { Order } from '../../shared/order.schema';
import { lower, rawPayments } from './transactions';
import type { MappingSettings } from './types';

/**
 * Names a payment is looked up by, most specific first: the method (`klarna_paylater`), its family (`klarna`),
 * the gateway, the gateway's family.
 */
export function namesOf(method: string, gateway: string): string[] {
	const family = (name: string) => name.split('_')[0];
	return [...new Set([method, family(method), gateway, family(gateway)].filter(Boolean))];
}

/**
 * For an order paid as a whole: its own summary (`payment.method_name` / `gateway_name`), then the first payment
 * of the payments endpoint, method before gateway.
 */
export function legacyNames(order: Order): string[] {
	const [first] = rawPayments(order) ?? [];
	const method = (value: unknown) => lower(value).split(':')[0];
	return [
		...namesOf(method(order.payment?.method_name), ''),
		...namesOf(method(first?.method), ''),
		...namesOf('', lower(order.payment?.gateway_name)),
		...namesOf('', lower(first?.gateway)),
	].filter((name, index, all) => all.indexOf(name) === index);
}

function lookUp(table: Record<string, string>, names: string[]): string | null {
	const byName = new Map(Object.entries(table).map(([name, code]) => [lower(name), code.trim()]));
	for (const name of names) {
		const code = byName.get(name);
		if (code) return code;
	}
	return null;
}

export function isGiftCardMethod(names: string[], settings: MappingSettings): boolean {
	const methods = new Set(settings.giftCardMethods.map(lower));
	return names.some((name) => methods.has(name));
}

/** Money that arrived: the payment ledger of its method, else its pay-later ledger, else the bank. */
export function receivedLedger(names: string[], settings: MappingSettings): string {
	return (
		lookUp(settings.paymentLedgers, names) ??
		lookUp(settings.payLaterLedgers, names) ??
		settings.bankLedger
	);
}

/** Authorised, not captured: only a ledger configured for pay later, never the bank. */
export function payLaterLedger(names: string[], settings: MappingSettings): string | null {
	return lookUp(settings.payLaterLedgers, names);
}
