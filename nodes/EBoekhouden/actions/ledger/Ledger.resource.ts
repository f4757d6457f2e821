import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations<'ledger'> = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ledger'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List ledgers (grootboekrekeningen) with their codes and IDs',
				action: 'Get many ledgers',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
