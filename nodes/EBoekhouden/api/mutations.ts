import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { asNodeError } from './inputError';
import { fetchAll, fetchPages, type Page, type Paging } from './paging';
import {
	createdMutationSchema,
	mutationListItemSchema,
	outstandingItemSchema,
	type MutationListItem,
	type OutstandingItem,
} from './schemas';
import { apiRequest, errorCode, type EBoekhoudenContext } from './transport';

/** e-Boekhouden mutation types (docs/api-notes.md, e-Boekhouden §6.6): 2 books a sales invoice into the ledger, 3 its payment, 5 money received (a cash sale). */
export const MUTATION_TYPE = {
	invoiceSent: 2,
	invoicePaymentReceived: 3,
	moneyReceived: 5,
} as const;

/**
 * A mutation with a checked payment reference, or a type 2 with an invoice number, is sent again after a 5xx or a
 * dropped connection: a repeat answers MUTA_008 or MUT_019 (docs/api-notes.md, e-Boekhouden §6.6). Any other
 * mutation is not, as a repeat would book the money twice.
 */
export async function createMutation(
	ctx: EBoekhoudenContext,
	body: IDataObject,
): Promise<{ id: number }> {
	const filled = (value: unknown) => typeof value === 'string' && value !== '';
	const guarded =
		(body.checkPaymentReference === true && filled(body.paymentReference)) ||
		(body.type === MUTATION_TYPE.invoiceSent && filled(body.invoiceNumber));
	return await apiRequest(
		ctx,
		{ method: 'POST', path: '/v1/mutation', body, idempotent: guarded },
		createdMutationSchema,
	);
}

/**
 * Books a mutation unless e-Boekhouden already holds one with this payment reference: `checkPaymentReference`
 * makes it refuse a second with MUTA_008 (docs/api-notes.md, e-Boekhouden §6.6), which is answered here as undefined ("booked before"),
 * also when the second is this node's own repeat after a lost answer.
 */
export async function createMutationOnce(
	ctx: EBoekhoudenContext,
	body: IDataObject,
	paymentReference: string,
): Promise<{ id: number } | undefined> {
	try {
		return await createMutation(ctx, { ...body, paymentReference, checkPaymentReference: true });
	} catch (error) {
		if (errorCode(error) === 'MUTA_008') return undefined;
		throw asNodeError(ctx, error);
	}
}

/** Filters: `type`, `id`, `description`, `invoiceNumber`, `date`. */
export async function searchMutations(
	ctx: EBoekhoudenContext,
	filters: IDataObject,
	paging?: Paging,
): Promise<MutationListItem[]> {
	return (await fetchAll(
		ctx,
		'/v1/mutation',
		filters,
		mutationListItemSchema,
		paging,
	)) as MutationListItem[];
}

export async function searchMutationPages(
	ctx: EBoekhoudenContext,
	filters: IDataObject,
	paging: Paging,
): Promise<Page<MutationListItem>> {
	return (await fetchPages(
		ctx,
		'/v1/mutation',
		filters,
		mutationListItemSchema,
		paging,
	)) as Page<MutationListItem>;
}

const amount = z
	.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
	.transform(Number)
	.pipe(z.number().finite());
const id = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);

/** `Mutation` (docs/api-notes.md, e-Boekhouden §6.6): the rows and `vat[]`, the VAT per VAT code as e-Boekhouden computed it. */
export const mutationSchema = z
	.object({
		id,
		type: z.union([z.number(), z.string()]).nullish(),
		date: z
			.string()
			.transform((value) => value.slice(0, 10))
			.nullish(),
		ledgerId: id.nullish(),
		relationId: id.nullish(),
		inExVat: z.string().nullish(),
		invoiceNumber: z.string().nullish(),
		rows: z
			.array(
				z
					.object({
						ledgerId: id.nullish(),
						vatCode: z.string().nullish(),
						amount,
						vatAmount: amount.nullish(),
					})
					.passthrough(),
			)
			.nullish()
			.transform((rows) => rows ?? []),
		vat: z
			.array(z.object({ vatCode: z.string(), amount }).passthrough())
			.nullish()
			.transform((vat) => vat ?? []),
	})
	.passthrough();

export type Mutation = IDataObject & z.infer<typeof mutationSchema>;

export async function getMutation(ctx: EBoekhoudenContext, mutationId: number): Promise<Mutation> {
	return (await apiRequest(
		ctx,
		{ method: 'GET', path: `/v1/mutation/${mutationId}` },
		mutationSchema,
	)) as Mutation;
}

/** Open items of debtors (`D`) or creditors (`C`); fully paid invoices are not listed (docs/api-notes.md, e-Boekhouden §6.5). */
export async function searchOutstanding(
	ctx: EBoekhoudenContext,
	filters: IDataObject & { credDeb: 'C' | 'D' },
	paging: Paging,
): Promise<Page<OutstandingItem>> {
	return (await fetchPages(
		ctx,
		'/v1/mutation/invoice/outstanding',
		filters,
		outstandingItemSchema,
		paging,
	)) as Page<OutstandingItem>;
}
