import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ParsedDraft } from '../../../shared/draft.schema';
import { inputError } from '../../api/inputError';
import { draftField, inputModeField, requestsInParallelOption } from '../common.descriptions';
import { showFor } from '../node.type';
import { forOrder, readDraft } from '../shared/params';
import { runPerItemInPool } from '../../../shared/pool';
import {
	customerChangesOption,
	relationBody,
	relationFieldOptions,
	relationFromDraft,
} from './fields';
import { answerWithoutRelation, listBooked } from './booked';
import { RelationFinder } from './finder';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE_DESCRIPTION =
	'Relation code, at most 15 characters. Leave empty for a code made from the e-mail address (e.g. JANJANS followed by 8 characters), which e-Boekhouden refuses a second time, so two workflows at once cannot create the customer twice.';

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
		description:
			'Used only when the relation is created; an existing relation is changed only with the option Update Changed Customer Details',
		options: relationFieldOptions.map((option) =>
			option.name === 'code' ? { ...option, description: CODE_DESCRIPTION } : option,
		),
		displayOptions: { show: { inputMode: ['manual'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [requestsInParallelOption, customerChangesOption],
	},
];

export const description = updateDisplayOptions(showFor('relation', ['findOrCreate']), properties);

/** The drafts of the input, read once; an unreadable one keeps its error for its own item. */
function readDrafts(ctx: IExecuteFunctions): Array<{ draft?: ParsedDraft; error?: Error }> {
	return ctx.getInputData().map((_, itemIndex) => {
		if (ctx.getNodeParameter('inputMode', itemIndex) !== 'draft') return {};
		try {
			return { draft: readDraft(ctx, itemIndex) };
		} catch (error) {
			return { error: error as Error };
		}
	});
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const finder = new RelationFinder(this);
	const drafts = readDrafts(this);
	const listings = await listBooked(this, drafts);
	const answers = await Promise.all(
		drafts.map(async ({ draft }) =>
			draft ? await answerWithoutRelation(draft, listings) : undefined,
		),
	);
	const addresses = drafts.flatMap(({ draft }, itemIndex) =>
		draft && !answers[itemIndex] ? [draft.relation.emailAddress] : [],
	);
	// Without the listing every address is searched, which reports its own failure.
	await finder.prepare(addresses).catch(() => undefined);
	const warnings = new Set<string>();
	const result = await runPerItemInPool(this, async (itemIndex) => {
		let email: string;
		let fields: IDataObject;
		let orderNumber: string | undefined;
		if (this.getNodeParameter('inputMode', itemIndex) === 'draft') {
			const { draft, error } = drafts[itemIndex];
			if (!draft) throw error;
			const answer = answers[itemIndex];
			if (answer) return answer;
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
			if (found.changes) output.changes = found.changes;
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
