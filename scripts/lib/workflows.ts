import * as fs from 'node:fs';
import { repoPath } from './repo';

/** The shipped templates (workflows/*.json), by what they do. */
export const templates = {
	sync: 'sync-paid-orders-to-e-boekhouden.json',
	history: 'import-order-history.json',
	reconcile: 'check-shop-against-books.json',
} as const;

export type TemplateName = keyof typeof templates;

/** Fixed ids for the imported copies, so the CLI can publish and execute them by id. */
export const workflowIds: Record<TemplateName, string> = {
	sync: 'mwwSyncPaidOrder',
	history: 'mwwImportHistory',
	reconcile: 'mwwCheckShopBooks',
};

/** Where every order that could not be booked ends, with its order number and the reason. */
export const failedOrdersNode = 'Failed Orders';

/** The sync's entries: the 15-minute poll, and the nightly catch-up and half-hourly recovery (Schedule Trigger → Get Many). */
export const pollNode = 'Finished and Paid Order';
export const catchUpNode = 'Catch Up Missed Orders';

export const credentialNames = {
	mijnwebwinkelApi: 'Mijnwebwinkel account',
	eBoekhoudenApi: 'e-Boekhouden account',
} as const;

export const sandboxTokens = {
	storeToken: 'sandbox-store-token',
	partnerToken: 'sandbox-partner-token',
	accessToken: 'sandbox-api-token',
};

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	[key: string]: unknown;
}

export function loadTemplate(name: TemplateName): WorkflowJson {
	return JSON.parse(
		fs.readFileSync(repoPath('workflows', templates[name]), 'utf8'),
	) as WorkflowJson;
}

/**
 * The template as the user imports it, plus an id and optional parameter overrides per node type
 * (e.g. a one-minute poll for the tests, a history start date). `staticData: null` resets a cursor on re-import.
 */
export function prepareWorkflow(
	name: TemplateName,
	overrides: Record<string, Record<string, unknown>> = {},
): WorkflowJson {
	const workflow = loadTemplate(name);
	for (const node of workflow.nodes) {
		const suffix = node.type.split('.').pop() ?? '';
		const override = overrides[suffix] ?? overrides[node.name];
		if (override) node.parameters = { ...node.parameters, ...override };
	}
	return { ...workflow, id: workflowIds[name], active: false, staticData: null };
}

/** Both credentials, named as the templates expect, pointing at the sandbox with its tokens. */
export function sandboxCredentials(shopUrl: string, booksUrl: string): unknown[] {
	return [
		{
			id: 'mwwSandboxCred01',
			name: credentialNames.mijnwebwinkelApi,
			type: 'mijnwebwinkelApi',
			data: {
				storeToken: sandboxTokens.storeToken,
				partnerToken: sandboxTokens.partnerToken,
				language: 'nl_NL',
				baseUrl: shopUrl,
			},
		},
		{
			id: 'eboSandboxCred01',
			name: credentialNames.eBoekhoudenApi,
			type: 'eBoekhoudenApi',
			data: { accessToken: sandboxTokens.accessToken, source: 'n8n', baseUrl: booksUrl },
		},
	];
}
