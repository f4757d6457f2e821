import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as reconcile from './reconcile.operation';

export const operations: ResourceOperations<'reconciliation'> = { reconcile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reconciliation'] } },
		options: [
			{
				name: 'Reconcile',
				value: 'reconcile',
				description:
					'Compare the orders of a period with the books: what is missing, differs, unpaid, booked twice or not in the shop',
				action: 'Reconcile shop orders with the books',
			},
		],
		default: 'reconcile',
	},
	...reconcile.description,
];
