import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations<'invoiceTemplate'> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoiceTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List invoice templates (factuursjablonen)',
				action: 'Get many invoice templates',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
