import { z } from 'zod';

import {
	decimal,
	euros,
	invoiceNumberSchema,
	isoDate,
	ledgerCode,
	paymentKey,
	text,
	vatCode,
} from './draftFields';

export { SALES_VAT_CODES, invoiceNumberSchema, type SalesVatCode } from './draftFields';

/**
 * The draft: what Order to Invoice emits for one order and the e-Boekhouden node books, defined once. Field names
 * are e-Boekhouden's own (docs/api-notes.md, e-Boekhouden §5.3, §6.2); amounts are euros with whole cents; ledgers
 * are the codes a bookkeeper knows ("8000"). `draftSchema` is the complete draft the mapping builds (its type is
 * `InvoiceDraft`); `invoiceDraftSchema` is what the e-Boekhouden node accepts, checked before any call so a bad
 * draft stops with the order and the field named, never half booked: the same draft, plus drafts made by hand or by
 * older versions (no warnings or totals, one `payment` instead of `payments`).
 */

const relation = z.object({
	/** `B` company (zakelijk), `P` person (particulier). */
	type: z.enum(['B', 'P']).default('P'),
	name: z.string().trim().min(1, 'is empty'),
	contact: text,
	/** Trimmed and lower case: the key relations are matched on. */
	emailAddress: z.string().trim().toLowerCase().email('is not a valid e-mail address'),
	address: text,
	postalCode: text,
	city: text,
	country: text,
	vatNumber: text,
	phoneNumber: text,
});

const item = z.object({
	description: z.string().min(1, 'is empty'),
	quantity: decimal,
	/** Including VAT when the invoice is `inExVat: 'IN'` (as the mapping makes it, in whole cents). */
	pricePerUnit: decimal,
	vatCode,
	/** Ledger code (grootboekrekening), e.g. "8000"; the e-Boekhouden node resolves it to an id. */
	ledgerCode: ledgerCode.pipe(z.string().min(1, 'is empty')),
	costCenterId: z.number().int().nullish(),
});

const invoice = z.object({
	/** Prefix + order number: the key that makes booking idempotent. */
	invoiceNumber: invoiceNumberSchema,
	date: isoDate,
	inExVat: z.enum(['IN', 'EX']).default('IN'),
	termOfPayment: z.number().int().min(0),
	reference: text,
	text,
	items: z.array(item).min(1, 'has no lines'),
});

/**
 * What a payment part is: money that arrived (bank or payment provider), a redeemed gift card or store credit
 * (settled against the gift-card ledger, never money received), an authorised pay-later amount (only to a ledger
 * configured for its method), or a remainder no transaction covers (never booked).
 */
const PAYMENT_KINDS = ['received', 'giftCard', 'payLater', 'open'] as const;

const payment = z.object({
	/** Negative for a refund. */
	amount: euros,
	date: isoDate,
	/** The ledger the part is booked on; null when nothing is to be booked for it. */
	ledgerCode: ledgerCode.nullable(),
	kind: z.enum(PAYMENT_KINDS).default('received'),
	/** Payment method as the shop names it (`ideal`, `webshop_giftcard`); empty when unknown. */
	method: text,
	/**
	 * Stable per transaction (from Mijnwebwinkel's payment id), so a re-run books each part once and two parts never
	 * share a payment reference. Empty for the order's single payment when its transactions are unknown.
	 */
	reference: paymentKey.default(''),
});

/** Drafts made before payments were split carry one `payment`. */
const singlePayment = payment.pick({ amount: true, date: true, ledgerCode: true });

/** How the order is booked (Order to Invoice's Booking Mode): a sales invoice, a type 2 or a type 5 mutation. */
export const BOOKING_MODES = ['invoice', 'journalEntry', 'cashSale'] as const;

const totals = z.object({
	amountInclVat: euros,
	/** VAT code → amount including VAT. */
	byVatCode: z.record(vatCode, euros),
});

/** The complete draft, as Order to Invoice emits it. */
export const draftSchema = z.object({
	kind: z.enum(['invoice', 'credit']).default('invoice'),
	bookingMode: z.enum(BOOKING_MODES).default('invoice'),
	/** False only in Cash Sale with relations switched off: the sale is booked without a relation. */
	bookRelation: z.boolean().default(true),
	orderNumber: z.union([z.string(), z.number()]).transform(String),
	warnings: z.array(z.string()),
	relation,
	invoice,
	/** One part per transaction that moved money (or one for the whole order), summing to the order total. */
	payments: z.array(payment),
	totals,
	/** Set when the order is not to be booked (e.g. a zero-total order under the default settings); says why. */
	skipped: z.object({ reason: z.string() }).nullish(),
});

export type InvoiceDraft = z.output<typeof draftSchema>;
export type DraftRelation = InvoiceDraft['relation'];
export type DraftInvoice = InvoiceDraft['invoice'];
export type DraftInvoiceItem = DraftInvoice['items'][number];
export type DraftPayment = InvoiceDraft['payments'][number];
export type PaymentKind = DraftPayment['kind'];
export type BookingMode = InvoiceDraft['bookingMode'];

/**
 * Each payment part is booked with its own payment reference, so two parts must never share one: with several
 * parts every one needs its own suffix.
 */
export const invoiceDraftSchema = draftSchema
	.extend({
		warnings: z
			.array(z.string())
			.nullish()
			.transform((value) => value ?? []),
		payments: z.array(payment).nullish(),
		payment: singlePayment.nullish(),
		// The node compares only the total with what e-Boekhouden computes; per VAT code it reads the lines.
		totals: totals.pick({ amountInclVat: true }).passthrough().nullish(),
	})
	.superRefine((draft, issues) => {
		const payments = draft.payments ?? [];
		const seen = new Set<string>();
		payments.forEach((payment, index) => {
			const duplicate = seen.has(payment.reference);
			seen.add(payment.reference);
			if (payments.length > 1 && (payment.reference === '' || duplicate)) {
				issues.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['payments', index, 'reference'],
					message:
						payment.reference === ''
							? 'is empty; with several payments each needs its own reference'
							: `"${payment.reference}" is used by another payment of this draft`,
				});
			}
		});
	})
	.transform(({ payment, payments, ...draft }) => ({
		...draft,
		payments:
			payments ??
			(payment ? [{ ...payment, kind: 'received' as const, method: '', reference: '' }] : []),
	}));

export type ParsedDraft = z.infer<typeof invoiceDraftSchema>;

export type DraftParseResult =
	| { ok: true; draft: ParsedDraft }
	| { ok: false; orderNumber?: string; field: string; message: string };

function orderNumberOf(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const orderNumber = (value as { orderNumber?: unknown }).orderNumber;
	return typeof orderNumber === 'string' || typeof orderNumber === 'number'
		? String(orderNumber)
		: undefined;
}

function fieldPath(path: Array<string | number>): string {
	return path.reduce<string>(
		(joined, part) =>
			typeof part === 'number' ? `${joined}[${part}]` : joined ? `${joined}.${part}` : part,
		'',
	);
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
	let current = value;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[part];
	}
	return current;
}

/** Accepts the draft object (or its JSON text) and names the first field that is wrong. */
export function parseDraft(value: unknown): DraftParseResult {
	let input = value;
	if (typeof value === 'string') {
		try {
			input = JSON.parse(value) as unknown;
		} catch {
			return { ok: false, field: 'draft', message: 'Draft: is not valid JSON' };
		}
	}
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		return {
			ok: false,
			field: 'draft',
			message: 'Draft: is not an Order to Invoice draft (expected an object)',
		};
	}
	const parsed = invoiceDraftSchema.safeParse(input);
	if (parsed.success) return { ok: true, draft: parsed.data };
	const orderNumber = orderNumberOf(input);
	const issue = parsed.error.issues[0];
	const field = fieldPath(issue.path);
	const problem = valueAt(input, issue.path) === undefined ? 'is missing' : issue.message;
	const prefix = orderNumber ? `Order ${orderNumber}: ` : 'Draft: ';
	return { ok: false, orderNumber, field, message: `${prefix}${field} ${problem}` };
}
