import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listInvoiceTemplates } from '../../api/masterData';
import { showFor } from '../node.type';
import { executeGetMany, getManyProperties } from '../shared/getMany';
import { withoutEmpty } from '../shared/params';

const properties = getManyProperties([
	{
		displayName: 'Active Only',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether to list only active templates',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Standaard',
	},
]);

export const description = updateDisplayOptions(showFor('invoiceTemplate', ['getAll']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany(this, async (filters, paging) => {
		const query = withoutEmpty(filters);
		if (query.active === false) delete query.active;
		return await listInvoiceTemplates(this, query, paging);
	});
}
