import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { getRelation, patchRelation } from '../../api/relations';
import { relationLocator } from '../common.descriptions';
import { showFor } from '../node.type';
import { forgetRelation } from '../../booking/executionMemory';
import { readId } from '../shared/params';
import { relationBody, relationFieldOptions } from './fields';

const properties: INodeProperties[] = [
	relationLocator('The relation (relatie) to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
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
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...relationFieldOptions,
		],
	},
];

export const description = updateDisplayOptions(showFor('relation', ['update']), properties);

/** e-Boekhouden wants `name` on every PATCH (docs/api-notes.md, e-Boekhouden §5.4): read the relation, merge, write back. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = readId(this, 'relation', itemIndex, true) as number;
		const changes = relationBody(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		);
		const current = await getRelation(this, id);
		const name = String(changes.name ?? current.name ?? '');
		await patchRelation(this, id, { ...changes, name });
		await forgetRelation(this, id);
		return { ...current, ...changes, name, id };
	});
}
