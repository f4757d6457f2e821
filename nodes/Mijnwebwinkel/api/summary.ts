import { z } from 'zod';
import { parseUserDateTime } from './dates';

/**
 * What the trigger and the "Finished and Paid Only" filter judge an order by, read field by field: a field
 * that cannot be read is left out and named in `unreadable`, so one odd order never stops a poll, a catch-up
 * or an import. The order itself travels on untouched; the mapping node then names the field on its error output.
 */
export interface OrderFacts {
	/** The order number; without one, `uuid:<uuid>`, so the order is still remembered once. */
	number: string;
	status?: number;
	status_changed_date?: string;
	status_changed_time?: string;
	payment_status?: string;
	/** The deprecated `payment.status.id` (1 = Successful). */
	legacy_payment_status?: number;
	/** `price.total` as a decimal string. */
	total?: string;
	/** The order a credit order credits; absent for an ordinary order. */
	credited_order_number?: string | number;
	/** Fields that are missing or malformed where the order needs them, e.g. `price.total`. */
	unreadable: string[];
}

const integer = z.union([
	z.number().int(),
	z
		.string()
		.trim()
		.regex(/^-?\d+$/)
		.transform(Number),
]);
const decimal = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.refine((value) => /^-?\d+(\.\d+)?$/.test(value));
const orderNumber = z
	.union([z.string().trim().min(1), z.number().int()])
	.transform((value) => String(value));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

type Json = Record<string, unknown>;

const record = (value: unknown): Json | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Json)
		: undefined;

export function readOrderFacts(raw: unknown): OrderFacts {
	const order = record(raw) ?? {};
	const unreadable: string[] = [];
	/** A value the order needs: missing or malformed is noted. */
	const needed = <T>(
		schema: z.ZodType<T, z.ZodTypeDef, unknown>,
		value: unknown,
		field: string,
	) => {
		const result = schema.safeParse(value);
		if (result.success) return result.data;
		unreadable.push(field);
		return undefined;
	};
	/** An optional value: missing is fine, malformed is noted. */
	const optional = <T>(
		schema: z.ZodType<T, z.ZodTypeDef, unknown>,
		value: unknown,
		field: string,
	) =>
		value === undefined || value === null || value === ''
			? undefined
			: needed(schema, value, field);

	const number = needed(orderNumber, order.number, 'number');
	const uuid = typeof order.uuid === 'string' && order.uuid.trim() ? order.uuid.trim() : undefined;
	const payment = record(order.payment);
	const credited = order.credited_order_number;
	const status = needed(integer, order.status, 'status');
	const changed = readStatusChange(order.status_changed_date, order.status_changed_time);
	unreadable.push(...changed.unreadable);
	return {
		number: number ?? (uuid ? `uuid:${uuid}` : '(unknown)'),
		status,
		status_changed_date: changed.date,
		status_changed_time: changed.time,
		payment_status: optional(z.string(), order.payment_status, 'payment_status'),
		legacy_payment_status: optional(integer, record(payment?.status)?.id, 'payment.status.id'),
		total: needed(decimal, record(order.price)?.total, 'price.total'),
		credited_order_number: creditedOrder(credited),
		unreadable,
	};
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** A number written as 0 or blank points at no order: the order is not a credit order, as Order to Invoice reads it. */
function creditedOrder(value: unknown): string | number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return text === '' || text === '0' ? undefined : value;
}

/**
 * The last status change as shop-time `yyyy-mm-dd` and `hh:mm:ss`. The spec gives a date and a time without a
 * zone (docs/api-notes.md, Mijnwebwinkel §14.5), yet the API writes payment times as ISO with a zone (§9); a time with
 * a zone or a fraction of a second, or a date-time in the date field, is read as the moment it names. Read as
 * midnight instead, the re-check's status-change window would end before the order's change and never find it.
 */
function readStatusChange(
	dateValue: unknown,
	timeValue: unknown,
): { date?: string; time?: string; unreadable: string[] } {
	if (blank(dateValue)) return { unreadable: [] };
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const day = date.safeParse(text(dateValue));
	if (day.success && blank(timeValue)) return { date: day.data, unreadable: [] };
	const moment = parseUserDateTime(
		day.success ? `${day.data}T${text(timeValue)}` : text(dateValue),
	);
	if (moment) return { date: moment.slice(0, 10), time: moment.slice(11), unreadable: [] };
	return day.success
		? { date: day.data, unreadable: ['status_changed_time'] }
		: { unreadable: ['status_changed_date'] };
}
