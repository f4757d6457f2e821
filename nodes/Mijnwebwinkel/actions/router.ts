import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createTransport } from '../api/transport';
import type { MijnwebwinkelMap, Operation, ResourceOperations } from './node.type';
import * as order from './order/Order.resource';
import * as orderStatus from './orderStatus/OrderStatus.resource';

const resources: { [R in keyof MijnwebwinkelMap]: ResourceOperations<R> } = {
	order: order.operations,
	orderStatus: orderStatus.operations,
};

/** Resource and operation are the same for every item (noDataExpression), so item 0 decides. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as keyof MijnwebwinkelMap;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = resources[resource] as Record<string, Operation> | undefined;
	const handler = operations?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await handler.execute.call(this, createTransport(this));
}
