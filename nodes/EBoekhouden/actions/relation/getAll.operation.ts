import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { getRelation, searchRelations } from '../../api/relations';
import { limitField, returnAllField } from '../common.descriptions';
import { showFor } from '../node.type';
import { withoutEmpty } from '../shared/params';
import { relationTypeField } from './fields';

const likeHint = 'Use % for any text and ? for one character, e.g. %bakkerij%';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
	},
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
];

export const description = updateDisplayOptions(showFor('relation', ['getAll']), properties);

/** Text filters become `[like]` filters: case-insensitive, with the user's wildcards (reference §3). */
function toQuery(filters: IDataObject): IDataObject {
	const query: IDataObject = {};
	for (const [name, value] of Object.entries(withoutEmpty(filters))) {
		query[name === 'type' ? 'type' : `${name}[like]`] = value;
	}
	return query;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const found = await searchRelations(this, toQuery(filters), { max });
		if (options.fullDetails === false) return found;
		const relations: IDataObject[] = [];
		for (const item of found) relations.push(await getRelation(this, item.id));
		return relations;
	});
}
