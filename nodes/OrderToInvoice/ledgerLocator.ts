import type { INodeProperties } from 'n8n-workflow';

/** A ledger by code, as a resource locator value (for the rows of the ledger tables' defaults). */
export const byCode = (code: string) => ({ __rl: true, mode: 'code', value: code });

/**
 * A ledger setting: a grootboekrekening code, picked from the user's own chart (From List, "8000 · Omzet hoog
 * tarief", needs the node's optional e-Boekhouden credential) or typed (By Code). The value the node reads is the
 * code either way; workflows from before the pickers hold a plain code, which readSettings reads the same.
 * The default is By Code, so the node needs no credential; `whenEmpty` says what an empty value gives, for the
 * settings where empty means something; `example` is the code the By Code placeholder shows.
 */
export const ledgerLocator = (
	name: string,
	displayName: string,
	description: string,
	defaultCode: string,
	{ whenEmpty, example = defaultCode || '8000' }: { whenEmpty?: string; example?: string } = {},
): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: 'code', value: defaultCode },
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: whenEmpty ? `If empty: ${whenEmpty}` : 'Choose from your chart of accounts…',
			typeOptions: { searchListMethod: 'searchLedgers', searchable: true },
		},
		{
			displayName: 'By Code',
			name: 'code',
			type: 'string',
			placeholder: whenEmpty ? `If empty: ${whenEmpty}` : `e.g. ${example}`,
		},
	],
});
