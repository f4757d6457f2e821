import { z } from 'zod';

/**
 * zod schemas for everything the nodes read from Mijnwebwinkel besides the full order
 * (that one is `order.schema.ts`). Unknown fields pass through, so items leave the node as the API sent them.
 */

const integer = z.union([
	z.number().int(),
	z
		.string()
		.regex(/^-?\d+$/)
		.transform(Number),
]);

export const orderStatusSchema = z
	.object({
		status: integer,
		description: z
			.string()
			.nullish()
			.transform((value) => value ?? ''),
		credit_order: z
			.boolean()
			.nullish()
			.transform((value) => value ?? false),
	})
	.passthrough();
export const orderStatusListSchema = z.array(orderStatusSchema);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const countSchema = z
	.object({ count: integer.pipe(z.number().nonnegative()) })
	.passthrough();

const paymentMutationSchema = z
	.object({ type: z.string(), price: z.number().int().nullish(), createdAt: z.string().nullish() })
	.passthrough();

/** Payment (spec `Payment`): `price` in minor units (cents); `mutations` only with `embed=mutations`. */
export const paymentSchema = z
	.object({
		id: z.string(),
		gateway: z.string().nullish(),
		method: z.string().nullish(),
		price: z.number().int().nullish(),
		currency: z.string().nullish(),
		isTest: z.boolean().nullish(),
		createdAt: z.string().nullish(),
		mutations: z.array(paymentMutationSchema).nullish(),
	})
	.passthrough();
export const paymentListSchema = z.object({ payments: z.array(paymentSchema) }).passthrough();
export type Payment = z.infer<typeof paymentSchema>;

const decimal = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.refine((value) => /^-?\d+(\.\d+)?$/.test(value), { message: 'is not a decimal amount' });

/**
 * The few fields the trigger and the "Finished and Paid Only" filter judge an order by. Kept apart from the
 * full order schema so an order with, say, an odd order line still reaches the mapping node, which then names
 * that field on its error output instead of the whole sync stopping at one order.
 */
export const orderSummarySchema = z
	.object({
		number: z.union([z.string().min(1), z.number().int()]).transform((value) => String(value)),
		status: integer,
		status_changed_date: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a yyyy-mm-dd date')
			.nullish(),
		status_changed_time: z
			.string()
			.regex(/^\d{2}:\d{2}(:\d{2})?$/, 'is not a hh:mm:ss time')
			.nullish(),
		payment_status: z.string().nullish(),
		payment: z
			.object({ status: z.object({ id: integer }).passthrough().nullish() })
			.passthrough()
			.nullish(),
		price: z.object({ total: decimal }).passthrough(),
		credited_order_number: z.union([z.string(), z.number()]).nullish(),
	})
	.passthrough();
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/** Dotted path of the first problem, e.g. `price.total`, in the style of `safeParseOrder`. */
export function issuePath(error: z.ZodError): { field: string; message: string } {
	const issue = error.issues[0];
	const field = issue.path.reduce<string>(
		(text, part) =>
			typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : String(part),
		'',
	);
	return { field: field || '(response)', message: issue.message };
}
