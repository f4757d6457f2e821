import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Every e-Boekhouden answer the node reads, checked at the boundary (docs/api-notes.md, e-Boekhouden §4–§8,
 * appendix B). Unknown fields pass through so outputs show everything e-Boekhouden returned. Ids and amounts
 * are accepted as numbers or numeric strings (clients report both); dates may carry a time part (docs/api-notes.md, e-Boekhouden §3).
 */

const id = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);
const amount = z
	.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
	.transform(Number)
	.pipe(z.number().finite());
const date = z.string().transform((value) => value.slice(0, 10));
const optionalText = z.string().nullish();

export const listEnvelope = <T extends z.ZodTypeAny>(item: T) =>
	z.object({
		items: z
			.array(item)
			.nullish()
			.transform((items) => items ?? []),
		count: z.number().nullish(),
	});

export const sessionSchema = z.object({
	token: z.string().min(1),
	expiresIn: z.number().nullish(),
});

export const relationListItemSchema = z
	.object({ id, type: optionalText, code: optionalText })
	.passthrough();

export const relationSchema = z
	.object({
		id,
		type: optionalText,
		code: optionalText,
		name: optionalText,
		emailAddress: optionalText,
		emailAddressInvoice: optionalText,
		inactive: z.boolean().nullish(),
	})
	.passthrough();

export const createdRelationSchema = z.object({ id, code: optionalText }).passthrough();

export const invoiceListItemSchema = z
	.object({
		id,
		invoiceNumber: z.string(),
		relationId: id.nullish(),
		date: date.nullish(),
		totalExcl: amount.nullish(),
		vatAmount: amount.nullish(),
		totalAmount: amount.nullish(),
	})
	.passthrough();

export const invoiceSchema = invoiceListItemSchema
	.extend({ items: z.array(z.object({}).passthrough()).nullish() })
	.passthrough();

export const createdInvoiceSchema = z
	.object({ id, invoiceNumber: z.string(), inExVat: optionalText })
	.passthrough();

export const mutationListItemSchema = z
	.object({
		id,
		type: z.union([z.number(), z.string()]).nullish(),
		date: date.nullish(),
		invoiceNumber: optionalText,
	})
	.passthrough();

export const createdMutationSchema = z.object({ id }).passthrough();

export const outstandingItemSchema = z
	.object({
		mutationId: id.nullish(),
		invoiceNumber: z.string(),
		relationId: id,
		relationCode: optionalText,
		company: optionalText,
		date: date.nullish(),
		totalAmount: amount,
		paidAmount: amount.nullish(),
		outstandingAmount: amount,
	})
	.passthrough();

export const ledgerSchema = z
	.object({
		id,
		code: z.string(),
		description: optionalText,
		category: optionalText,
		group: optionalText,
	})
	.passthrough();

export const invoiceTemplateSchema = z
	.object({ id, name: z.string(), active: z.boolean().nullish(), type: optionalText })
	.passthrough();

export const costCenterSchema = z
	.object({ id, description: optionalText, parentId: id.nullish(), active: z.boolean().nullish() })
	.passthrough();

export type Relation = IDataObject & z.infer<typeof relationSchema>;
export type RelationListItem = IDataObject & z.infer<typeof relationListItemSchema>;
export type InvoiceListItem = IDataObject & z.infer<typeof invoiceListItemSchema>;
export type Invoice = IDataObject & z.infer<typeof invoiceSchema>;
export type MutationListItem = IDataObject & z.infer<typeof mutationListItemSchema>;
export type OutstandingItem = IDataObject & z.infer<typeof outstandingItemSchema>;
export type Ledger = IDataObject & z.infer<typeof ledgerSchema>;
export type InvoiceTemplate = IDataObject & z.infer<typeof invoiceTemplateSchema>;
export type CostCenter = IDataObject & z.infer<typeof costCenterSchema>;

export { invoiceDraftSchema } from '../../shared/draft.schema';
export type { ParsedDraft } from '../../shared/draft.schema';
