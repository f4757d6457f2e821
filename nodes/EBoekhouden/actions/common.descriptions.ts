import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_REQUESTS_IN_PARALLEL, MAX_REQUESTS_IN_PARALLEL } from '../../shared/pool';

/** Parameters several operations share: input mode, draft, the resource locators, Return All / Limit. */

export const inputModeField = (what: string): INodeProperties => ({
	displayName: 'Input Mode',
	name: 'inputMode',
	type: 'options',
	noDataExpression: true,
	default: 'draft',
	options: [
		{
			name: 'From Order to Invoice Draft',
			value: 'draft',
			description: `Take the ${what} from the draft the Order to Invoice node made`,
		},
		{ name: 'Set by Hand', value: 'manual', description: `Fill in the ${what} field by field` },
	],
});

export const draftField: INodeProperties = {
	displayName: 'Draft',
	name: 'draft',
	type: 'json',
	default: '={{ $json }}',
	required: true,
	description: 'The draft the Order to Invoice node made; by default the incoming item',
	// In `hint`, not `description`: the n8n lint rule on descriptions would upper-case the expressions' "json".
	hint: "Right after Order to Invoice use {{ $json }}; further down the chain use {{ $('Order to Invoice').item.json }}",
	displayOptions: { show: { inputMode: ['draft'] } },
};

/** The placeholder of a list whose empty value means something: what leaving it empty gives (kept short to fit). */
export const emptyMeans = (meaning: string) => `If empty: ${meaning}`;

const idValidation = (what: string) => [
	{
		type: 'regex' as const,
		properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a valid ${what} ID` },
	},
];

export const relationLocator = (description: string): INodeProperties => ({
	displayName: 'Relation',
	name: 'relation',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRelations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 62976771',
			validation: idValidation('relation'),
		},
	],
});

/**
 * A ledger by code (what a bookkeeper knows) or by internal ID; the list shows "8000 · Omzet hoog tarief".
 * `whenEmpty` names what an empty choice gives (e.g. "the draft's ledger"); the empty list says so.
 */
export const ledgerLocator = (
	name: string,
	displayName: string,
	description: string,
	defaultCode = '',
	searchListMethod = 'searchLedgers',
	whenEmpty?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: defaultCode ? 'code' : 'list', value: defaultCode },
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			...(whenEmpty ? { placeholder: emptyMeans(whenEmpty) } : {}),
			typeOptions: { searchListMethod, searchable: true },
		},
		{ displayName: 'By Code', name: 'code', type: 'string', placeholder: 'e.g. 1300' },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 22206453',
			validation: idValidation('ledger'),
		},
	],
});

export const templateLocator: INodeProperties = {
	displayName: 'Invoice Template',
	name: 'template',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The invoice template (factuursjabloon). Leave empty to use the only active template of the administration.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: emptyMeans('the only active template'),
			typeOptions: { searchListMethod: 'searchInvoiceTemplates', searchable: true },
		},
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Standaard' },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 752296',
			validation: idValidation('template'),
		},
	],
};

export const costCenterLocator: INodeProperties = {
	displayName: 'Cost Center',
	name: 'costCenter',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The cost centre (kostenplaats) for invoice lines that do not name one. Leave empty for none.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: emptyMeans('none'),
			typeOptions: { searchListMethod: 'searchCostCenters', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 10',
			validation: idValidation('cost center'),
		},
	],
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** In the Options of every operation that writes (shared/pool.ts): how many items go to e-Boekhouden at once. */
export const requestsInParallelOption: INodeProperties = {
	displayName: 'Requests in Parallel',
	name: 'requestsInParallel',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_IN_PARALLEL, numberPrecision: 0 },
	default: DEFAULT_REQUESTS_IN_PARALLEL,
	description: `How many items are sent to e-Boekhouden at the same time; 1 books one after the other. A call takes 100–300 ms, so more at once books a batch several times faster, while orders of the same customer or invoice still wait for each other and nothing is booked twice. At most ${MAX_REQUESTS_IN_PARALLEL}, to stay polite to the API; when e-Boekhouden answers "too many requests", all requests pause together.`,
};
