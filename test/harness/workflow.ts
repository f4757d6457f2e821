import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { credentialReference, HarnessCredentialsHelper } from './credentialsHelper';
import type { CredentialStore } from './credentialsHelper';
import { INSTANCE_URLS } from './environment';
import { asLoaded, fullTypeName, HarnessNodeTypes } from './nodeTypes';

/** Stored credential data by credential type name, e.g. `{ eBoekhoudenApi: { accessToken: '…' } }`. */
export interface HarnessCredentials {
	[credentialType: string]: ICredentialDataDecryptedObject;
}

export const WORKFLOW_ID = 'harness-workflow';
export const EXECUTION_ID = 'harness-execution';

/** A new n8n workflow's settings (n8n 2.x saves new workflows with execution order v1). */
const WORKFLOW_SETTINGS: IWorkflowSettings = { executionOrder: 'v1' };

export interface HarnessWorkflow {
	workflow: Workflow;
	node: INode;
	store: CredentialStore;
	additionalData: IWorkflowExecuteAdditionalData;
}

export interface WorkflowOptions {
	parameters?: INodeParameters;
	credentials?: HarnessCredentials;
	typeVersion?: number;
	nodeName?: string;
	onError?: INode['onError'];
	staticData?: IDataObject;
	mode: WorkflowExecuteMode;
}

/**
 * A one-node workflow as n8n builds it from saved JSON: the node carries only what the user set, and n8n-workflow's
 * Workflow constructor fills in every default (NodeHelpers.getNodeParameters), exactly as for a saved workflow.
 * Each credential type the node declares and the test supplies is linked to the node, as a user would pick it.
 */
export function buildWorkflow(nodeType: INodeType, options: WorkflowOptions): HarnessWorkflow {
	const loaded = asLoaded(nodeType);
	const typeName = fullTypeName(loaded);
	const { description } = loaded;
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	const store: CredentialStore = new Map(
		Object.entries(options.credentials ?? {}).map(([type, data]) => [type, { ...data }]),
	);
	const credentials: INodeCredentials = {};
	for (const { name } of description.credentials ?? []) {
		if (store.has(name)) credentials[name] = credentialReference(name);
	}
	const node: INode = {
		id: 'harness-node',
		name: options.nodeName ?? description.defaults.name ?? description.displayName,
		type: typeName,
		typeVersion: options.typeVersion ?? versions[versions.length - 1],
		position: [0, 0],
		parameters: structuredClone(options.parameters ?? {}),
		credentials,
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: options.mode !== 'manual',
		nodeTypes: new HarnessNodeTypes().add(typeName, loaded),
		staticData: options.staticData,
		settings: WORKFLOW_SETTINGS,
	});
	const additionalData = buildAdditionalData(
		new HarnessCredentialsHelper(store),
		workflow,
		options.mode,
	);
	return { workflow, node: workflow.getNode(node.name) ?? node, store, additionalData };
}

/** The credentials as stored after the run: preAuthentication may have written a fresh session token. */
export function storedCredentials(store: CredentialStore): HarnessCredentials {
	return Object.fromEntries([...store.entries()].map(([type, data]) => [type, { ...data }]));
}

/**
 * What n8n's WorkflowExecuteAdditionalData.getBase provides, minus the services a single node in a test has no
 * use for (sub-workflows, task runners, AI events): those throw so a node that reaches for them fails loudly.
 */
export function buildAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	workflow: Workflow,
	mode: WorkflowExecuteMode,
): IWorkflowExecuteAdditionalData {
	const notAvailable = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: workflow.name ?? 'Harness workflow',
		active: workflow.active,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
		activeVersionId: null,
	};
	return {
		...INSTANCE_URLS,
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, EXECUTION_ID, workflowData),
		externalSecretsProxy: new ExternalSecretsProxy(),
		executionId: EXECUTION_ID,
		workflowId: WORKFLOW_ID,
		currentNodeExecutionIndex: 0,
		variables: {},
		executeWorkflow: notAvailable('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: notAvailable('The task runner (Code node)'),
	};
}
