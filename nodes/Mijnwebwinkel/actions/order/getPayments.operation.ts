import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { PaymentEmbed } from '../../api/client';
import { getOrderPayments } from '../../api/client';
import { showFor } from '../node.type';
import type { MijnwebwinkelTransport } from '../../api/transport';
import { runPerItemInPool } from '../../../shared/pool';
import { SHOP_REQUESTS_IN_PARALLEL } from '../../api/paymentsReader';
import { orderNumberProperty, orderNumberParameter } from './common';

const EMBEDS: PaymentEmbed[] = ['mutations', 'order', 'properties'];

/** What the trigger's and Get Many's Include Payments attach as `order.payments`. */
const ORDER_EMBEDS: PaymentEmbed[] = ['mutations', 'order'];

const properties: INodeProperties[] = [
	orderNumberProperty,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Payment',
				value: 'payments',
			},
			{
				name: 'The Input Order with Its Payments',
				value: 'order',
				description:
					'Each input item (an order) goes on with its payments added as "payments", as the trigger\'s Include Payments adds them',
			},
		],
		default: 'payments',
	},
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
		displayOptions: { show: { output: ['payments'] } },
	},
];

const displayOptions = showFor('order', ['getPayments']);

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One output item per payment of the order (credit orders and zero-total orders have none), or the input order
 * with its payments, so a flow can read them only for the orders it is about to book.
 */
export async function execute(
	this: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
): Promise<INodeExecutionData[][]> {
	return await runPerItemInPool(
		this,
		async (itemIndex, item) => {
			const orderNumber = orderNumberParameter(this, itemIndex);
			if (this.getNodeParameter('output', itemIndex, 'payments') === 'order') {
				const payments = await getOrderPayments(transport, orderNumber, ORDER_EMBEDS);
				return { ...item.json, payments } as IDataObject;
			}
			const chosen = this.getNodeParameter('embed', itemIndex, []) as string[];
			const embed = EMBEDS.filter((name) => chosen.includes(name));
			return (await getOrderPayments(transport, orderNumber, embed)) as IDataObject[];
		},
		SHOP_REQUESTS_IN_PARALLEL,
	);
}
