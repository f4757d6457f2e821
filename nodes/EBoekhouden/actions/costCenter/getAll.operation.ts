import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listCostCenters } from '../../api/masterData';
import { showFor } from '../node.type';
import { executeGetMany, getManyProperties } from '../shared/getMany';
import { withoutEmpty } from '../shared/params';

const properties = getManyProperties([
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Webshop',
	},
	{
		displayName: 'Parent ID',
		name: 'parentId',
		type: 'number',
		default: 0,
		description: 'Only cost centres under this one',
	},
]);

export const description = updateDisplayOptions(showFor('costCenter', ['getAll']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany(this, async (filters, paging) => {
		const query = withoutEmpty(filters);
		if (query.parentId === 0) delete query.parentId;
		return await listCostCenters(this, query, paging);
	});
}
