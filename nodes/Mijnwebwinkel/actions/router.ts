import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { createTransport } from '../api/transport';
import type { MijnwebwinkelType } from './node.type';
import * as order from './order/Order.resource';
import * as orderStatus from './orderStatus/OrderStatus.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as MijnwebwinkelType['resource'];
	const operation = this.getNodeParameter('operation', 0);
	const transport = createTransport(this);
	const mijnwebwinkel = { resource, operation } as MijnwebwinkelType;
	switch (mijnwebwinkel.resource) {
		case 'order':
			return await order[mijnwebwinkel.operation].execute.call(this, transport);
		case 'orderStatus':
			return await orderStatus[mijnwebwinkel.operation].execute.call(this, transport);
		default:
			throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not known`);
	}
}
