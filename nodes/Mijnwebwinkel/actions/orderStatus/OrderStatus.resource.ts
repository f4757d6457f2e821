import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

import type { ResourceOperations } from '../node.type';

export const operations: ResourceOperations<'orderStatus'> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['orderStatus'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the order statuses of the shop, with their IDs',
				action: 'Get many order statuses',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
