import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getOrder } from '../../api/client';
import { showFor } from '../node.type';
import type { MijnwebwinkelTransport } from '../../api/transport';
import { runPerItem } from '../../../shared/runPerItem';
import { orderNumberProperty, orderNumberParameter } from './common';

const properties: INodeProperties[] = [orderNumberProperty];

const displayOptions = showFor('order', ['get']);

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const order = await getOrder(transport, orderNumberParameter(this, itemIndex));
		return order as INodeExecutionData['json'];
	});
}
