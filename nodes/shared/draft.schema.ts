import { z } from 'zod';

/**
 * The Order to Invoice draft as the e-Boekhouden node accepts it (its TypeScript shape as the mapping builds it:
 * nodes/OrderToInvoice/mapping/types.ts), checked before any call to e-Boekhouden so a bad draft stops with the
 * order and the field named, never half booked. Shared by both nodes: they meet only through this data.
 */

/** Sales VAT codes of e-Boekhouden's REST API (docs/api-notes.md, e-Boekhouden §7). */
export const SALES_VAT_CODES = [
	'HOOG_VERK_21',
	'LAAG_VERK_9',
	'VERL_VERK',
	'VERL_VERK_L9',
	'BU_EU_VERK',
	'BI_EU_VERK',
	'BI_EU_VERK_D',
	'AFST_VERK',
	'AFW_VERK',
	'GEEN',
] as const;
export type SalesVatCode = (typeof SALES_VAT_CODES)[number];

const text = z
	.string()
	.nullish()
	.transform((value) => value ?? '');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as yyyy-mm-dd');
const euros = z.number().finite();
const ledgerCode = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

export const invoiceNumberSchema = z
	.string()
	.trim()
	.min(1, 'is empty')
	.max(50, 'is longer than 50 characters')
	.regex(/\d$/, 'must end with a digit (e-Boekhouden rule FACT_009)');

const vatCode = z
	.string()
	.refine((value) => (SALES_VAT_CODES as readonly string[]).includes(value), {
		message: `is not a sales VAT code of e-Boekhouden (use one of ${SALES_VAT_CODES.join(', ')})`,
	});

const item = z.object({
	description: z.string().min(1, 'is empty'),
	quantity: euros,
	pricePerUnit: euros,
	vatCode,
	ledgerCode: ledgerCode.pipe(z.string().min(1, 'is empty')),
	costCenterId: z.number().int().nullish(),
});

/** A payment reference suffix: short and plain, so `Betaling <invoice number> <suffix>` stays readable. */
const paymentKey = z
	.string()
	.trim()
	.max(20, 'is longer than 20 characters')
	.regex(/^[0-9A-Za-z_-]*$/, 'may hold only letters, digits, - and _');

const draftPayment = z.object({
	amount: euros,
	date: isoDate,
	ledgerCode: ledgerCode.nullable(),
	kind: z.enum(['received', 'giftCard', 'payLater', 'open']).default('received'),
	method: text,
	reference: paymentKey.default(''),
});

/** Drafts made before payments were split carry one `payment`. */
const singlePayment = z.object({ amount: euros, date: isoDate, ledgerCode: ledgerCode.nullable() });

/** How the order is booked (Order to Invoice's Booking Mode): a sales invoice, a type 2 or a type 5 mutation. */
export const BOOKING_MODES = ['invoice', 'journalEntry', 'cashSale'] as const;

const draftObject = z.object({
	kind: z.enum(['invoice', 'credit']).default('invoice'),
	bookingMode: z.enum(BOOKING_MODES).default('invoice'),
	/** Cash Sale only: false books the sale without a relation (no search, no create). */
	bookRelation: z.boolean().default(true),
	orderNumber: z.union([z.string(), z.number()]).transform(String),
	warnings: z
		.array(z.string())
		.nullish()
		.transform((value) => value ?? []),
	relation: z.object({
		type: z.enum(['B', 'P']).default('P'),
		name: z.string().trim().min(1, 'is empty'),
		contact: text,
		emailAddress: z.string().trim().toLowerCase().email('is not a valid e-mail address'),
		address: text,
		postalCode: text,
		city: text,
		country: text,
		vatNumber: text,
		phoneNumber: text,
	}),
	invoice: z.object({
		invoiceNumber: invoiceNumberSchema,
		date: isoDate,
		inExVat: z.enum(['IN', 'EX']).default('IN'),
		termOfPayment: z.number().int().min(0),
		reference: text,
		text,
		items: z.array(item).min(1, 'has no lines'),
	}),
	payments: z.array(draftPayment).nullish(),
	payment: singlePayment.nullish(),
	totals: z.object({ amountInclVat: euros }).passthrough().nullish(),
	/** The mapping marks orders it does not book (e.g. zero totals); such a draft is passed over, not booked. */
	skipped: z.object({ reason: z.string() }).nullish(),
});

/**
 * Each payment part is booked with its own payment reference, so two parts must never share one: with several
 * parts every one needs its own suffix.
 */
export const invoiceDraftSchema = draftObject
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
