import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRelation, searchRelations } from '../../api/relations';
import { showFor } from '../node.type';
import { executeGetMany, getManyProperties } from '../shared/getMany';
import { withoutEmpty } from '../shared/params';
import { relationTypeField } from './fields';

const likeHint = 'Use % for any text and ? for one character, e.g. %bakkerij%';

const properties = getManyProperties(
	[
		{ displayName: 'City', name: 'city', type: 'string', default: '', description: likeHint },
		{ displayName: 'Code', name: 'code', type: 'string', default: '', description: likeHint },
		{
			displayName: 'Contact',
			name: 'contact',
			type: 'string',
			default: '',
			description: likeHint,
		},
		{
			displayName: 'Email Address',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: `Matched ignoring upper and lower case. ${likeHint}.`,
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: likeHint },
		{ ...relationTypeField, default: 'B' },
	],
	[
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Full Details',
					name: 'fullDetails',
					type: 'boolean',
					default: true,
					description:
						'Whether to read every relation in full (one extra request each); off returns only ID, type and code',
				},
			],
		},
	],
);

export const description = updateDisplayOptions(showFor('relation', ['getAll']), properties);

/** Text filters become `[like]` filters: case-insensitive, with the user's wildcards (docs/api-notes.md, e-Boekhouden §3). */
function toQuery(filters: IDataObject): IDataObject {
	const query: IDataObject = {};
	for (const [name, value] of Object.entries(withoutEmpty(filters))) {
		query[name === 'type' ? 'type' : `${name}[like]`] = value;
	}
	return query;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany(this, async (filters, paging, itemIndex) => {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const found = await searchRelations(this, toQuery(filters), paging);
		if (options.fullDetails === false) return found;
		const relations: IDataObject[] = [];
		for (const item of found) relations.push(await getRelation(this, item.id));
		return relations;
	});
}
