import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { getOrderStatuses } from '../../api/client';
import { showFor } from '../node.type';
import type { MijnwebwinkelTransport } from '../../api/transport';
import { runPerItem } from '../../../shared/runPerItem';

const properties: INodeProperties[] = [
	{
		displayName:
			"Returns one item per order status: its ID, its description in the credential's language, and whether it is a credit-order status",
		name: 'notice',
		type: 'notice',
		default: '',
	},
];

const displayOptions = showFor('orderStatus', ['getAll']);

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async () => (await getOrderStatuses(transport)) as IDataObject[]);
}
