import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { listLedgers } from '../../api/masterData';
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
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'VW',
				options: [
					{ name: 'Balance Sheet (BAL)', value: 'BAL' },
					{ name: 'Bank and Cash (FIN)', value: 'FIN' },
					{ name: 'Creditors (CRED)', value: 'CRED' },
					{ name: 'Debtors (DEB)', value: 'DEB' },
					{ name: 'Profit and Loss (VW)', value: 'VW' },
				],
			},
			{ displayName: 'Code', name: 'code', type: 'string', default: '', placeholder: 'e.g. 8000' },
		],
	},
];

export const description = updateDisplayOptions(showFor('ledger', ['getAll']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = withoutEmpty(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		return await listLedgers(this, filters, { max });
	});
}
