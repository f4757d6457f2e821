import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as order from './actions/order/Order.resource';
import * as orderStatus from './actions/orderStatus/OrderStatus.resource';
import { router } from './actions/router';
import { loadOptions } from './methods';

export class Mijnwebwinkel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mijnwebwinkel',
		name: 'mijnwebwinkel',
		icon: { light: 'file:mijnwebwinkel.svg', dark: 'file:mijnwebwinkel.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{ ({ "order:get": "Get Order", "order:getAll": "Get Many Orders", "order:getPayments": "Get Order Payments", "orderStatus:getAll": "Get Many Order Statuses" })[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Read orders, payments and order statuses from a Mijnwebwinkel (MyOnlineStore) shop',
		defaults: { name: 'Mijnwebwinkel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mijnwebwinkelApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Order', value: 'order' },
					{ name: 'Order Status', value: 'orderStatus' },
				],
				default: 'order',
			},
			...order.description,
			...orderStatus.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
