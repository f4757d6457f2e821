import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { createRelation } from '../../api/relations';
import { showFor } from '../node.type';
import { relationBody, relationFieldOptions } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description:
			'Company name, or the person’s name for a private customer (at most 100 characters)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Email Address',
				name: 'emailAddress',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			...relationFieldOptions,
		],
	},
];

export const description = updateDisplayOptions(showFor('relation', ['create']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const fields = relationBody({
			type: 'P',
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			name: this.getNodeParameter('name', itemIndex),
		});
		const { id, code } = await createRelation(this, fields);
		return { ...fields, id, code: code ?? fields.code ?? null };
	});
}
