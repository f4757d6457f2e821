import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { listInvoiceTemplates } from '../../api/masterData';
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
		],
	},
];

export const description = updateDisplayOptions(showFor('invoiceTemplate', ['getAll']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = withoutEmpty(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		if (filters.active === false) delete filters.active;
		return await listInvoiceTemplates(this, filters, { max });
	});
}
