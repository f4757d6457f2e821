import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createTransport } from '../api/transport';
import { operationFor } from '../../shared/operationFor';
import type { MijnwebwinkelMap, ResourceOperations } from './node.type';
import * as order from './order/Order.resource';
import * as orderStatus from './orderStatus/OrderStatus.resource';

const resources: { [R in keyof MijnwebwinkelMap]: ResourceOperations<R> } = {
	order: order.operations,
	orderStatus: orderStatus.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const handler = operationFor(this, resources);
	return await handler.execute.call(this, createTransport(this));
}
