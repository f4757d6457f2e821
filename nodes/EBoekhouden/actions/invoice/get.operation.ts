import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { inputError } from '../../api/inputError';
import { getInvoice, searchInvoices } from '../../api/invoices';
import { showFor } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Invoice',
		name: 'invoice',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The invoice (factuur) to get, with its lines and the totals e-Boekhouden computed',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchInvoices', searchable: true },
			},
			{
				displayName: 'By Invoice Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. MWW-1042',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123456',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a valid invoice ID' },
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(showFor('invoice', ['get']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const locator = this.getNodeParameter('invoice', itemIndex) as INodeParameterResourceLocator;
		const value = String(locator.value ?? '').trim();
		if (locator.mode !== 'number') {
			if (!/^\d+$/.test(value))
				throw inputError(this, `"${value}" is not an invoice ID`, { field: 'invoice', itemIndex });
			return await getInvoice(this, Number(value));
		}
		const [listed] = await searchInvoices(this, { invoiceNumber: value }, { max: 1 });
		if (!listed) {
			throw inputError(this, `Invoice ${value} does not exist in e-Boekhouden`, {
				field: 'invoice',
				itemIndex,
			});
		}
		return await getInvoice(this, listed.id);
	});
}
