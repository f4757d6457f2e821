import { PollContext, TriggersAndPollers } from 'n8n-core';
import { Container } from '@n8n/di';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { ensureExpressionEngine } from './expressionEngine';
import { buildWorkflow } from './workflow';
import type { HarnessCredentials, HarnessWorkflow } from './workflow';

export interface ActiveTriggerOptions {
	parameters: INodeParameters;
	credentials?: HarnessCredentials;
	/** The node's static data in n8n's database when the workflow is activated. Default: none. */
	savedStaticData?: IDataObject;
	activation?: WorkflowActivateMode;
	nodeName?: string;
}

export interface ActiveTrigger {
	/** One poll: the first is the activation poll, later ones are scheduled polls. */
	poll(): Promise<INodeExecutionData[][] | null>;
	/** The node's static data as n8n's database holds it now. */
	saved(): IDataObject;
	/** n8n restarts: the in-memory workflow is dropped and rebuilt from the database. */
	restart(): void;
}

/**
 * An activated polling workflow with n8n's rules for saving static data, for tests of a trigger's cursor:
 * the node's static data lives in one long-lived Workflow (as in n8n's active workflow manager) and is written
 * to the "database" only when n8n-workflow's ObservableObject saw a change, and only after the activation poll
 * or a poll that emitted items. A scheduled poll that returns null keeps its change in memory only, and an
 * in-place change to an array assigned in an earlier poll (`ids.push(x)`) is not seen, so not saved.
 */
export function activateTrigger(node: INodeType, options: ActiveTriggerOptions): ActiveTrigger {
	let database: IDataObject = deepCopy(options.savedStaticData ?? {});
	const nodeName =
		options.nodeName ?? node.description.defaults.name ?? node.description.displayName;
	const key = `node:${nodeName}`;
	let active: HarnessWorkflow;
	let context: PollContext;
	let pollsSinceActivation = 0;

	const load = () => {
		active = buildWorkflow(node, {
			...options,
			nodeName,
			mode: 'trigger',
			staticData: { [key]: deepCopy(database) },
		});
		const activation = options.activation ?? 'activate';
		context = new PollContext(
			active.workflow,
			active.node,
			active.additionalData,
			'trigger',
			activation,
		);
		pollsSinceActivation = 0;
	};
	load();

	return {
		async poll() {
			await ensureExpressionEngine();
			const { workflow, node: workflowNode } = active;
			const result = await workflow.expression.withIsolate(
				async () =>
					await Container.get(TriggersAndPollers).runPollFunction(workflow, workflowNode, context),
			);
			const isActivationPoll = pollsSinceActivation === 0;
			pollsSinceActivation += 1;
			const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
			if ((isActivationPoll || result !== null) && staticData.__dataChanged === true) {
				database = deepCopy((staticData[key] ?? {}) as IDataObject);
				staticData.__dataChanged = false;
			}
			return result;
		},
		saved: () => deepCopy(database),
		restart: load,
	};
}
