import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { listCostCenters } from '../../api/masterData';
import { limitField, returnAllField } from '../common.descriptions';
import { showFor } from '../node.type';
import { withoutEmpty } from '../shared/params';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
		],
	},
];

export const description = updateDisplayOptions(showFor('costCenter', ['getAll']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = withoutEmpty(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		if (filters.parentId === 0) delete filters.parentId;
		return await listCostCenters(this, filters, { max });
	});
}
