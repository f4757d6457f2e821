import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { PaymentEmbed } from '../../api/client';
import { getOrderPayments } from '../../api/client';
import type { MijnwebwinkelTransport } from '../../api/transport';
import { runPerItem } from '../../../shared/runPerItem';
import { updateDisplayOptions } from '../displayOptions';
import { orderNumberProperty, orderNumberParameter } from './common';

const EMBEDS: PaymentEmbed[] = ['mutations', 'order', 'properties'];

const properties: INodeProperties[] = [
	orderNumberProperty,
	{
		displayName: 'Include',
		name: 'embed',
		type: 'multiOptions',
		options: [
			{
				name: 'Mutations',
				value: 'mutations',
				description:
					'Authorisations, captures and refunds, with their dates (capture = money received)',
			},
			{
				name: 'Order',
				value: 'order',
				description: 'The order lines as the payment provider saw them',
			},
			{
				name: 'Properties',
				value: 'properties',
				description: 'Extra facts the payment provider keeps',
			},
		],
		default: ['mutations'],
		description: 'Details to include with each payment. Amounts are in cents.',
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['getPayments'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One output item per payment of the order (credit orders and zero-total orders have none). */
export async function execute(
	this: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const chosen = this.getNodeParameter('embed', itemIndex, []) as string[];
		const embed = EMBEDS.filter((name) => chosen.includes(name));
		const payments = await getOrderPayments(
			transport,
			orderNumberParameter(this, itemIndex),
			embed,
		);
		return payments as IDataObject[];
	});
}
