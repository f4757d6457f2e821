import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listLedgers } from '../../api/masterData';
import { showFor } from '../node.type';
import { executeGetMany, getManyProperties } from '../shared/getMany';
import { withoutEmpty } from '../shared/params';

const properties = getManyProperties([
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
]);

export const description = updateDisplayOptions(showFor('ledger', ['getAll']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany(
		this,
		async (filters, paging) => await listLedgers(this, withoutEmpty(filters), paging),
	);
}
