import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as create from './create.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations<'relation'> = {
	findOrCreate,
	get,
	getAll,
	create,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['relation'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a relation',
				action: 'Create a relation',
			},
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				description:
					'Find a relation by e-mail address, or create it when there is none. Outputs its ID, code and type; the other fields are the order’s (use Get for the stored relation).',
				action: 'Find or create a relation',
			},
			{ name: 'Get', value: 'get', description: 'Get a relation', action: 'Get a relation' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search relations',
				action: 'Get many relations',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a relation',
				action: 'Update a relation',
			},
		],
		default: 'findOrCreate',
	},
	...findOrCreate.description,
	...get.description,
	...getAll.description,
	...create.description,
	...update.description,
];
