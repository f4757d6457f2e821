import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchInvoices } from '../api/invoices';
import { listCostCenters, listInvoiceTemplates, listLedgers } from '../api/masterData';
import { getRelation, searchRelations } from '../api/relations';
import type { Ledger } from '../api/schemas';
import { formatEuros, reportedEurosToCents } from '../../shared/money';

const RELATIONS_PER_PAGE = 20;
const INVOICES_PER_PAGE = 50;

const contains = (text: string, filter?: string) =>
	!filter || text.toLowerCase().includes(filter.toLowerCase());

/** Relations by name, or by e-mail when the filter holds an @; the list has only ids, so each hit is read. */
export async function searchRelationsList(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const text = filter?.trim() ?? '';
	const query: IDataObject = {};
	if (text) query[text.includes('@') ? 'email[like]' : 'name[like]'] = `%${text}%`;
	const hits = await searchRelations(this, query, { max: RELATIONS_PER_PAGE, start: offset });
	const relations = await Promise.all(hits.map(async (hit) => await getRelation(this, hit.id)));
	return {
		results: relations.map((relation) => ({
			name: `${relation.name ?? relation.id}${relation.code ? ` (${relation.code})` : ''}`,
			value: String(relation.id),
		})),
		paginationToken: hits.length === RELATIONS_PER_PAGE ? String(offset + hits.length) : undefined,
	};
}

export async function searchInvoicesList(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	const invoices = await searchInvoices(this, text ? { 'invoiceNumber[like]': `%${text}%` } : {}, {
		max: INVOICES_PER_PAGE,
	});
	return {
		results: invoices.map((invoice) => ({
			name: `${invoice.invoiceNumber}${invoice.date ? ` · ${invoice.date}` : ''}${typeof invoice.totalAmount === 'number' ? ` · ${formatEuros(reportedEurosToCents(invoice.totalAmount))}` : ''}`,
			value: String(invoice.id),
		})),
	};
}

function ledgerResults(ledgers: Ledger[], filter?: string): INodeListSearchResult {
	return {
		results: ledgers
			.map((ledger) => ({
				name: `${ledger.code} · ${ledger.description ?? ''}`.trim(),
				value: ledger.code,
			}))
			.filter((result) => contains(result.name, filter)),
	};
}

export async function searchLedgers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return ledgerResults(await listLedgers(this), filter);
}

export async function searchDebtorLedgers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return ledgerResults(await listLedgers(this, { category: 'DEB' }), filter);
}

export async function searchPaymentLedgers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return ledgerResults(await listLedgers(this, { category: 'FIN' }), filter);
}

export async function searchInvoiceTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templates = await listInvoiceTemplates(this);
	return {
		results: templates
			.filter((template) => template.active !== false && contains(template.name, filter))
			.map((template) => ({ name: template.name, value: String(template.id) })),
	};
}

export async function searchCostCenters(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const costCenters = await listCostCenters(this);
	return {
		results: costCenters
			.filter(
				(costCenter) =>
					costCenter.active !== false && contains(costCenter.description ?? '', filter),
			)
			.map((costCenter) => ({
				name: costCenter.description ?? String(costCenter.id),
				value: String(costCenter.id),
			})),
	};
}
