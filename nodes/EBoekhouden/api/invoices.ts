import type { IDataObject } from 'n8n-workflow';

import { fetchAll, fetchPages, type Page, type Paging } from './paging';
import {
	createdInvoiceSchema,
	invoiceListItemSchema,
	invoiceSchema,
	type Invoice,
	type InvoiceListItem,
} from './schemas';
import { apiRequest, type EBoekhoudenContext } from './transport';

/** Filters of `GET /v1/invoice` (docs/api-notes.md, e-Boekhouden §4): `invoiceNumber`, `relationId`, `date` (also `date[range]=from,to`). */
export type InvoiceFilters = IDataObject;

export async function searchInvoices(
	ctx: EBoekhoudenContext,
	filters: InvoiceFilters,
	paging?: Paging,
): Promise<InvoiceListItem[]> {
	return (await fetchAll(
		ctx,
		'/v1/invoice',
		filters,
		invoiceListItemSchema,
		paging,
	)) as InvoiceListItem[];
}

export async function searchInvoicePages(
	ctx: EBoekhoudenContext,
	filters: InvoiceFilters,
	paging: Paging,
): Promise<Page<InvoiceListItem>> {
	return (await fetchPages(
		ctx,
		'/v1/invoice',
		filters,
		invoiceListItemSchema,
		paging,
	)) as Page<InvoiceListItem>;
}

export async function getInvoice(ctx: EBoekhoudenContext, id: number): Promise<Invoice> {
	return (await apiRequest(
		ctx,
		{ method: 'GET', path: `/v1/invoice/${id}` },
		invoiceSchema,
	)) as Invoice;
}

/**
 * With a `mutation` object the invoice is also booked as an open item (docs/api-notes.md, e-Boekhouden §6.2); without it, it is a concept. An
 * invoice with its own number is sent again after a 5xx or a dropped connection: a repeat answers FACT_101 ("number
 * in use", docs/api-notes.md, e-Boekhouden §6.2). One that e-Boekhouden numbers itself is not, as a repeat would be a second invoice.
 */
export async function createInvoice(
	ctx: EBoekhoudenContext,
	body: IDataObject,
): Promise<{ id: number; invoiceNumber: string; inExVat?: string | null }> {
	const numbered = typeof body.invoiceNumber === 'string' && body.invoiceNumber !== '';
	return await apiRequest(
		ctx,
		{ method: 'POST', path: '/v1/invoice', body, idempotent: numbered },
		createdInvoiceSchema,
	);
}
