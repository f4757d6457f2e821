import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { searchInvoices } from '../../api/invoices';
import { showFor } from '../node.type';
import { executeGetMany, getManyProperties } from '../shared/getMany';

const properties = getManyProperties([
	{
		displayName: 'Date From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description: 'Invoices dated on or after this day',
	},
	{
		displayName: 'Date To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description: 'Invoices dated on or before this day',
	},
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. MWW-1042',
	},
	{
		displayName: 'Relation ID',
		name: 'relationId',
		type: 'number',
		default: 0,
		description: 'Only invoices of this relation',
	},
]);

export const description = updateDisplayOptions(showFor('invoice', ['getAll']), properties);

/** One filter per parameter (docs/api-notes.md, e-Boekhouden §3): a date range becomes `date[range]`, one bound `[gte]` or `[lte]`. */
export function invoiceQuery(filters: IDataObject): IDataObject {
	const query: IDataObject = {};
	const day = (value: unknown) => String(value ?? '').slice(0, 10);
	const from = day(filters.dateFrom);
	const to = day(filters.dateTo);
	if (from && to) query['date[range]'] = `${from},${to}`;
	else if (from) query['date[gte]'] = from;
	else if (to) query['date[lte]'] = to;
	if (String(filters.invoiceNumber ?? '').trim())
		query.invoiceNumber = String(filters.invoiceNumber).trim();
	if (Number(filters.relationId) > 0) query.relationId = Number(filters.relationId);
	return query;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany(
		this,
		async (filters, paging) => await searchInvoices(this, invoiceQuery(filters), paging),
	);
}
