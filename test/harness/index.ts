/**
 * Runs our nodes and credentials through real n8n-core contexts against real HTTP servers:
 * n8n-core's WorkflowExecute, PollContext, LoadOptionsContext and RoutingNode, its own request helpers, and an
 * ICredentialsHelper that follows n8n's CredentialsHelper. See README.md in this folder for what is stubbed.
 */
import './environment';

export { executeNode } from './executeNode';
export type { ExecuteNodeOptions, ExecuteNodeResult } from './executeNode';
export { pollNode } from './pollNode';
export type { PollNodeOptions } from './pollNode';
export { activateTrigger } from './activeTrigger';
export type { ActiveTrigger, ActiveTriggerOptions } from './activeTrigger';
export { loadOptions, listSearch } from './nodeMethods';
export type { ListSearchOptions, NodeMethodOptions } from './nodeMethods';
export { testCredential } from './testCredential';
export { registerCredentialType } from './credentialTypes';
export { expressionEngineInUse } from './expressionEngine';
export type { HarnessCredentials } from './workflow';
