import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What one input item produces: one output item, or several (all paired to that input item). */
export type ItemResult = IDataObject | IDataObject[];

/** Extra facts a domain error may carry; they are copied onto the error item so a user sees them. */
interface DomainErrorFacts {
	orderNumber?: string;
	field?: string;
	code?: string;
	httpCode?: string | number;
	description?: string;
}

/**
 * The one per-item loop of every action node: one output item per input item with `pairedItem`;
 * a failing item either fails the node (naming the item) or, with Continue On Fail, becomes an error
 * item `{ error, details: { orderNumber?, field?, code?, httpCode?, description?, step } }`. Other items carry on.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handle(itemIndex, items[itemIndex]);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (context.continueOnFail()) {
				output.push({
					json: toErrorJson(error, context.getNode().name),
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw toNodeError(context, error, itemIndex);
		}
	}
	return [output];
}

/**
 * n8n routes an item to the error output only when its json has nothing but `error`, `message` and `details`
 * (n8n-core WorkflowExecute.handleNodeErrorOutput), so the facts travel under `details`.
 */
export function toErrorJson(error: unknown, step?: string): IDataObject {
	const facts = (error ?? {}) as DomainErrorFacts & { message?: string; context?: IDataObject };
	const details: IDataObject = {};
	const fromContext = facts.context ?? {};
	for (const key of ['orderNumber', 'field', 'code', 'httpCode', 'description'] as const) {
		const value = facts[key] ?? fromContext[key];
		if (value !== undefined && value !== null && value !== '') details[key] = value as string;
	}
	// The step that failed, so a Failed Orders list can say where without reading n8n's run data.
	if (step) details.step = step;
	return { error: facts.message ?? String(error), details };
}

function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	const facts = (error ?? {}) as DomainErrorFacts;
	return new NodeOperationError(context.getNode(), error as Error, {
		itemIndex,
		description: facts.description,
	});
}
