import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { inputError } from '../../api/inputError';
import { draftField, inputModeField } from '../common.descriptions';
import { showFor } from '../node.type';
import { forOrder, readDraft } from '../shared/params';
import { relationBody, relationFieldOptions, relationFromDraft } from './fields';
import { RelationFinder } from './finder';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const properties: INodeProperties[] = [
	inputModeField('relation'),
	draftField,
	{
		displayName: 'Email Address',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The relation is found by this address, ignoring upper and lower case',
		displayOptions: { show: { inputMode: ['manual'] } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description:
			'Company name, or the person’s name for a private customer; used only when creating',
		displayOptions: { show: { inputMode: ['manual'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Used only when the relation is created; an existing relation is not changed',
		options: relationFieldOptions,
		displayOptions: { show: { inputMode: ['manual'] } },
	},
];

export const description = updateDisplayOptions(showFor('relation', ['findOrCreate']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const finder = new RelationFinder(this);
	const warnings = new Set<string>();
	const result = await runPerItem(this, async (itemIndex) => {
		let email: string;
		let fields: IDataObject;
		let orderNumber: string | undefined;
		if (this.getNodeParameter('inputMode', itemIndex) === 'draft') {
			const draft = readDraft(this, itemIndex);
			if (draft.skipped)
				return { orderNumber: draft.orderNumber, skipped: true, reason: draft.skipped.reason };
			orderNumber = draft.orderNumber;
			email = draft.relation.emailAddress;
			fields = relationFromDraft(draft);
		} else {
			email = String(this.getNodeParameter('email', itemIndex)).trim();
			if (!EMAIL.test(email)) {
				throw inputError(this, `"${email}" is not a valid e-mail address`, {
					field: 'email',
					itemIndex,
				});
			}
			fields = relationBody({
				type: 'P',
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
				name: this.getNodeParameter('name', itemIndex),
			});
		}
		return await forOrder(this, orderNumber, async () => {
			const found = await finder.findOrCreate(email, fields);
			found.warnings.forEach((warning) => warnings.add(warning));
			const output: IDataObject = { ...found.relation, created: found.created };
			if (orderNumber) output.orderNumber = orderNumber;
			if (found.warnings.length) output.warnings = found.warnings;
			return output;
		});
	});
	if (warnings.size) {
		this.addExecutionHints({
			message: [...warnings].join(' '),
			type: 'warning',
			location: 'outputPane',
		});
	}
	return result;
}
