import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations<'invoice'> = { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create and book an invoice, never twice for one invoice number; from a draft, booked per its Booking Mode (Journal Entry: a type 2 journal entry, Cash Sale: a type 5 Geld ontvangen entry, instead of an invoice)',
				action: 'Create an invoice',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an invoice with its lines',
				action: 'Get an invoice',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search invoices',
				action: 'Get many invoices',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
