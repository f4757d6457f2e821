import { WorkflowExecute } from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { ensureExpressionEngine } from './expressionEngine';
import { buildWorkflow, storedCredentials } from './workflow';
import type { HarnessCredentials } from './workflow';

export interface ExecuteNodeOptions {
	/** What the user set in the node; n8n fills in every other parameter's default. `={{ … }}` is evaluated. */
	parameters: INodeParameters;
	/** The items arriving at the node's input. Default: one empty item, as after a manual trigger. */
	items?: INodeExecutionData[];
	credentials?: HarnessCredentials;
	/** The node setting "On Error: Continue" (n8n: `onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	/** The other "On Error" settings; `continueErrorOutput` gives the node a second output for failed items. */
	onError?: INode['onError'];
	typeVersion?: number;
	nodeName?: string;
	/** 'manual' (a test run in the editor, the default) or 'trigger' / 'webhook' (a production execution). */
	mode?: WorkflowExecuteMode;
}

export interface ExecuteNodeResult {
	/** One array per output, as n8n records it: pairedItem filled in, error items normalised. */
	output: INodeExecutionData[][];
	/** The stored credentials after the run, with anything preAuthentication wrote (a session token). */
	credentials: HarnessCredentials;
}

/**
 * Runs the node the way n8n runs a node in a workflow: n8n-core's WorkflowExecute takes it from the execution
 * stack with the given input items, builds the real ExecuteContext (parameters, expressions, request helpers,
 * credentials), applies the On Error setting, assigns pairedItem and normalises error items. When the node fails
 * (and On Error is "Stop Workflow"), the error it threw is thrown here.
 */
export async function executeNode(
	node: INodeType,
	options: ExecuteNodeOptions,
): Promise<ExecuteNodeResult> {
	await ensureExpressionEngine();
	const mode = options.mode ?? 'manual';
	const onError = options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	const watched = watchForErrors(node);
	const built = buildWorkflow(watched.node, { ...options, onError, mode });
	const items = options.items ?? [{ json: {} }];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: built.node, data: { main: [items] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		built.additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(built.workflow);
	const { error, runData } = run.data.resultData;
	if (error) throw watched.lastError() ?? Object.assign(new Error(error.message), error);
	const output = runData[built.node.name]?.[0]?.data?.main ?? [];
	return {
		output: output.map((items) => items ?? []),
		credentials: storedCredentials(built.store),
	};
}

type Execute = NonNullable<INodeType['execute']>;

/**
 * The node with its execute() observed, so the test gets the error object the node threw (NodeApiError, …):
 * n8n keeps only a plain copy of it in the run data.
 */
function watchForErrors(node: INodeType): { node: INodeType; lastError: () => unknown } {
	let lastError: unknown;
	const execute = node.execute;
	if (!execute) return { node, lastError: () => undefined };
	const watched = Object.create(node) as INodeType;
	watched.execute = async function (this: unknown, ...args: unknown[]) {
		try {
			return await (execute as (...a: unknown[]) => ReturnType<Execute>).apply(this, args);
		} catch (error) {
			lastError = error;
			throw error;
		}
	} as INodeType['execute'];
	return { node: watched, lastError: () => lastError };
}
