import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getPayments from './getPayments.operation';

import type { ResourceOperations } from '../node.type';

export const operations: ResourceOperations<'order'> = { get, getAll, getPayments };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one order by its number',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get orders by date, status, customer, or only the finished and paid ones',
				action: 'Get many orders',
			},
			{
				name: 'Get Payments',
				value: 'getPayments',
				description: 'Get the payments of an order, with captures and refunds',
				action: 'Get the payments of an order',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...getPayments.description,
];
