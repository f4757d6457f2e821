import { PollContext, TriggersAndPollers, WorkflowExecute } from 'n8n-core';
import { Container } from '@n8n/di';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { createRunExecutionData, deepCopy } from 'n8n-workflow';

import { ensureExpressionEngine } from './expressionEngine';
import { buildWorkflow } from './workflow';
import type { HarnessCredentials } from './workflow';

export interface PollNodeOptions {
	parameters: INodeParameters;
	credentials?: HarnessCredentials;
	/**
	 * The workflow's static data for this node, as stored by n8n. Pass the same object to every poll of one
	 * workflow: a 'trigger' poll reads and writes it directly. A 'manual' poll ("Fetch Test Event") sees a copy,
	 * because n8n never saves static data from a manual run.
	 */
	staticData: IDataObject;
	/** 'trigger' (a scheduled or activation poll, the default) or 'manual' (Fetch Test Event / Execute step). */
	mode?: 'trigger' | 'manual';
	/** How the workflow was activated, as `getActivationMode()` reports it. Default 'activate'. */
	activation?: WorkflowActivateMode;
	nodeName?: string;
	typeVersion?: number;
}

/**
 * Runs the node's poll() in n8n-core's real PollContext. A 'trigger' poll goes through n8n-core's
 * TriggersAndPollers.runPollFunction, as n8n's poll scheduler does; a 'manual' poll goes through
 * WorkflowExecute.runNode, as a manual run of the trigger does. Returns what poll() returned: null means
 * "no execution".
 */
export async function pollNode(
	node: INodeType,
	options: PollNodeOptions,
): Promise<INodeExecutionData[][] | null> {
	await ensureExpressionEngine();
	const mode = options.mode ?? 'trigger';
	const nodeName =
		options.nodeName ?? node.description.defaults.name ?? node.description.displayName;
	const stored = mode === 'manual' ? deepCopy(options.staticData) : options.staticData;
	const {
		workflow,
		node: workflowNode,
		additionalData,
	} = buildWorkflow(node, {
		...options,
		nodeName,
		mode,
		staticData: { [`node:${nodeName}`]: stored },
	});
	return await workflow.expression.withIsolate(async () => {
		if (mode === 'manual') {
			const executeData = { node: workflowNode, data: { main: [[{ json: {} }]] }, source: null };
			const response = await new WorkflowExecute(additionalData, 'manual').runNode(
				workflow,
				executeData,
				createRunExecutionData(),
				0,
				additionalData,
				'manual',
			);
			return 'data' in response ? (response.data ?? null) : null;
		}
		const context = new PollContext(
			workflow,
			workflowNode,
			additionalData,
			'trigger',
			options.activation ?? 'activate',
		);
		return await Container.get(TriggersAndPollers).runPollFunction(workflow, workflowNode, context);
	});
}
