import type { Order } from '../../Mijnwebwinkel/api/order.schema';
import { fromCents } from './money';
import type { DraftPayment, MappingSettings } from './types';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** `payments` as the payments endpoint gives it (`[…]` or `{ payments: […] }`), when the input carries it. */
function payments(order: Order): JsonRecord[] {
	const raw = order.payments;
	const list = isRecord(raw) ? raw.payments : raw;
	return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** The latest `capture` mutation's date (mijnwebwinkel-api.md §9), or null. */
function captureDate(order: Order): string | null {
	const dates = payments(order)
		.flatMap((payment) => (Array.isArray(payment.mutations) ? payment.mutations : []))
		.filter((mutation): mutation is JsonRecord => isRecord(mutation) && mutation.type === 'capture')
		.map((mutation) =>
			typeof mutation.createdAt === 'string' ? mutation.createdAt.slice(0, 10) : '',
		)
		.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))
		.sort();
	return dates.length ? dates[dates.length - 1] : null;
}

/** Method before gateway (`ideal` is more specific than `mollie`); the payments endpoint writes `ideal:ideal_INGBNL2A`. */
function paymentNames(order: Order): string[] {
	const [first] = payments(order);
	return [
		text(order.payment?.method_name),
		text(first?.method).split(':')[0],
		text(order.payment?.gateway_name),
		text(first?.gateway),
	].filter(Boolean);
}

function paymentLedger(order: Order, settings: MappingSettings): string {
	const table = new Map(
		Object.entries(settings.paymentLedgers).map(([name, code]) => [text(name), code.trim()]),
	);
	for (const name of paymentNames(order)) {
		const code = table.get(name);
		if (code) return code;
	}
	return settings.bankLedger;
}

/** Statuses that say the money never came in (mijnwebwinkel-api.md §5.2); anything else trusts the trigger. */
const FAILED_PAYMENT_STATUSES = new Set(['failed', 'voided']);
const FAILED_LEGACY_STATUS_IDS = new Set([2, 3, 4, 6]);

function failedPayment(order: Order): string | null {
	const status = text(order.payment_status);
	if (FAILED_PAYMENT_STATUSES.has(status)) return `payment_status '${status}'`;
	const legacy = order.payment?.status;
	if (!status && legacy && FAILED_LEGACY_STATUS_IDS.has(legacy.id)) {
		return `payment status '${legacy.text ?? legacy.id}'`;
	}
	return null;
}

/**
 * The payment booking: the order total on the order date (or the capture date when the input carries the
 * order's payments), on the ledger of its gateway/method, default the bank. A credit order gets a refund
 * (negative amount) on the same kind of ledger. ledgerCode is null when nothing is to be booked as paid.
 */
export function mapPayment(
	order: Order,
	totalCents: number,
	isCredit: boolean,
	settings: MappingSettings,
	warnings: string[],
): DraftPayment {
	const payment: DraftPayment = {
		amount: fromCents(totalCents),
		date: captureDate(order) ?? order.date.slice(0, 10),
		ledgerCode: paymentLedger(order, settings),
	};
	const failed = failedPayment(order);
	if (totalCents === 0 || !(isCredit ? settings.bookRefunds : settings.bookPayments)) {
		payment.ledgerCode = null;
	} else if (failed && !isCredit) {
		payment.ledgerCode = null;
		warnings.push(`payment: not booked as paid, the order has ${failed}`);
	}
	return payment;
}
