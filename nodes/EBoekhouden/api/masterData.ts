import type { IDataObject } from 'n8n-workflow';

import { fetchAll, type Paging } from './paging';
import {
	costCenterSchema,
	invoiceTemplateSchema,
	ledgerSchema,
	type CostCenter,
	type InvoiceTemplate,
	type Ledger,
} from './schemas';
import type { EBoekhoudenContext } from './transport';

/** Ledgers (grootboekrekeningen); filters `code`, `category` (docs/api-notes.md, e-Boekhouden §8). */
export async function listLedgers(
	ctx: EBoekhoudenContext,
	filters: IDataObject = {},
	paging?: Paging,
): Promise<Ledger[]> {
	return (await fetchAll(ctx, '/v1/ledger', filters, ledgerSchema, paging)) as Ledger[];
}

/** Invoice templates (factuursjablonen); filters `name`, `type`, `active`. */
export async function listInvoiceTemplates(
	ctx: EBoekhoudenContext,
	filters: IDataObject = {},
	paging?: Paging,
): Promise<InvoiceTemplate[]> {
	return (await fetchAll(
		ctx,
		'/v1/invoicetemplate',
		filters,
		invoiceTemplateSchema,
		paging,
	)) as InvoiceTemplate[];
}

/** Cost centres (kostenplaatsen); filters `parentId`, `description`. */
export async function listCostCenters(
	ctx: EBoekhoudenContext,
	filters: IDataObject = {},
	paging?: Paging,
): Promise<CostCenter[]> {
	return (await fetchAll(ctx, '/v1/costcenter', filters, costCenterSchema, paging)) as CostCenter[];
}
