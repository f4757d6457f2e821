import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations<'costCenter'> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['costCenter'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List cost centres (kostenplaatsen)',
				action: 'Get many cost centers',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
