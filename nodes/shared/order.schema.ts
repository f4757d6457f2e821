import { z } from 'zod';

/**
 * The Mijnwebwinkel order as the API gives it, checked at the boundary.
 * Accepts the spec's shapes and the live quirks (docs/api-notes.md, Mijnwebwinkel §6, §12):
 * string or number order numbers, `price.tax` as one object or an array, order-line `price` as one
 * object or an array, `shipping[].country` as `[]`, and no `amount_including_tax` on orders before April 2019.
 * Unknown fields pass through untouched, so the order can travel on exactly as the shop sent it.
 * Two fields are ours, not the API's, and pass through unchecked here (the mapping reads them): `payments`, the
 * `payments` array of `GET /v1/orders/{n}/payments?embed=mutations,order` that the trigger and Get Many (Include
 * Payments) add, and `paymentsError`, why they could not be added.
 */

const decimalString = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.refine((value) => /^-?\d+(\.\d+)?$/.test(value), { message: 'is not a decimal amount' });

const orderNumber = z
	.union([z.string().min(1), z.number().int()])
	.transform((value) => String(value));

/**
 * TaxPrice on an order line: `amount` excl. VAT (6 decimals), `amount_including_tax` incl. VAT (2 decimals). A null
 * `amount_including_tax` is one the order does not give; a null `rate` is an empty one (old discount lines).
 */
export const taxPriceSchema = z
	.object({
		amount: decimalString,
		rate: z
			.union([z.string(), z.number()])
			.nullish()
			.transform((value) => String(value ?? '').trim()),
		amount_including_tax: decimalString.nullish().transform((value) => value ?? undefined),
	})
	.passthrough();

const quantity = z
	.union([
		z.number().finite(),
		z.string().refine(
			(text) => /^-?\d+(\.\d+)?$/.test(text.trim()),
			(text) => ({ message: `'${text}' is not a number` }),
		),
	])
	.transform(Number);

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
	z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]));

const addressSchema = z
	.object({
		gender: z.string().nullish(),
		name: z.string().nullish(),
		company: z.string().nullish(),
		phone: z.string().nullish(),
		street: z.string().nullish(),
		number: z.union([z.string(), z.number()]).nullish(),
		zipcode: z.string().nullish(),
		city: z.string().nullish(),
		country: z.string().nullish(),
		country_code: z.string().nullish(),
		taxnumber: z.string().nullish(),
		bankaccount: z.string().nullish(),
	})
	.passthrough();

export const orderLineSchema = z
	.object({
		id: z.union([z.string(), z.number()]).nullish(),
		type: z.string(),
		quantity,
		description: z.string().nullish(),
		price: oneOrMany(taxPriceSchema),
	})
	.passthrough();

export const orderSchema = z
	.object({
		number: orderNumber,
		uuid: z.string().nullish(),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'is not a yyyy-mm-dd date'),
		time: z.string().nullish(),
		status: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(Number),
		status_changed_date: z.string().nullish(),
		status_changed_time: z.string().nullish(),
		archived: z.boolean().nullish(),
		discountcode: z.string().nullish(),
		currency: z.string().nullish(),
		credited_order_number: z.union([z.number(), z.string()]).nullish(),
		credit_order_numbers: z.array(z.union([z.number(), z.string()])).nullish(),
		business_model: z.string().nullish(),
		reference: z.string().nullish(),
		tax_region: z.string().nullish(),
		tax_strategy: z.string().nullish(),
		payment_status: z.string().nullish(),
		payment: z
			.object({
				gateway_name: z.string().nullish(),
				method_name: z.string().nullish(),
				status: z.object({ id: z.number(), text: z.string().nullish() }).passthrough().nullish(),
			})
			.passthrough()
			.nullish(),
		debtor: z
			.object({
				id: z.string().nullish(),
				email: z.string().nullish(),
				name: z.string().nullish(),
				company: z.string().nullish(),
				phone: z.string().nullish(),
				address: z
					.object({ invoice: addressSchema.nullish(), delivery: addressSchema.nullish() })
					.passthrough()
					.nullish(),
			})
			.passthrough(),
		price: z
			.object({
				tax: oneOrMany(
					z
						.object({ amount: decimalString, rate: z.union([z.string(), z.number()]) })
						.passthrough(),
				).nullish(),
				total: decimalString,
			})
			.passthrough(),
		orderlines: z.array(orderLineSchema).default([]),
		shipping: z
			.array(
				z
					.object({
						country: z
							.union([
								z
									.object({ description: z.string().nullish(), isocode: z.string().nullish() })
									.passthrough(),
								z
									.array(z.unknown())
									.length(0)
									.transform(() => null),
							])
							.nullish(),
					})
					.passthrough(),
			)
			.nullish(),
	})
	.passthrough();

export type Order = z.infer<typeof orderSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
export type TaxPrice = z.infer<typeof taxPriceSchema>;

export type OrderParseResult =
	| { success: true; order: Order }
	| { success: false; orderNumber: string; field: string; message: string };

/** The order number of raw input, as well as it can be read, for error messages. */
export function readOrderNumber(raw: unknown): string {
	if (raw !== null && typeof raw === 'object' && 'number' in raw) {
		const value = (raw as { number: unknown }).number;
		if (typeof value === 'string' || typeof value === 'number') return String(value);
	}
	return '(unknown)';
}

/** Parses one order; on failure says which field of which order is wrong, never throws. */
export function safeParseOrder(raw: unknown): OrderParseResult {
	const orderNumber = readOrderNumber(raw);
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		return { success: false, orderNumber, field: '(order)', message: 'is not an object' };
	}
	const result = orderSchema.safeParse(raw);
	if (result.success) return { success: true, order: result.data };
	const issues = innermost(result.error.issues[0]);
	const { path } = issues[0];
	const field = path.length ? formatPath(path) : '(order)';
	return { success: false, orderNumber, field, message: messageOf(issues) };
}

/**
 * For a field none of whose shapes fits (zod's "Invalid input"), the problems of the shapes that got furthest into
 * the value: `price: { amount: null }` is a problem of `price.amount`, not of `price`.
 */
function innermost(issue: z.ZodIssue): z.ZodIssue[] {
	if (issue.code !== 'invalid_union') return [issue];
	const inner = issue.unionErrors.flatMap((error) => error.issues.flatMap(innermost));
	if (inner.length === 0) return [issue];
	const depth = Math.max(...inner.map((each) => each.path.length));
	const deepest = inner.filter((each) => each.path.length === depth);
	const path = formatPath(deepest[0].path);
	return deepest.filter((each) => formatPath(each.path) === path);
}

/** One message for the problems of one field: the types it may have, when it has none of them. */
function messageOf(issues: z.ZodIssue[]): string {
	const [first] = issues;
	if (first.code !== 'invalid_type') return first.message;
	if (first.received === 'undefined') return 'Required';
	const expected = issues.map((issue) => (issue.code === 'invalid_type' ? issue.expected : ''));
	if (expected.includes('')) return first.message;
	return `Expected ${[...new Set(expected)].join(' or ')}, received ${first.received}`;
}

function formatPath(path: Array<string | number>): string {
	return path.reduce<string>(
		(text, part) =>
			typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
		'',
	);
}
