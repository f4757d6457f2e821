import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The operation a node's item 0 asks for, from a map of resources to their operations. Resource and operation are
 * the same for every item (noDataExpression), so item 0 decides.
 */
export function operationFor<Operation>(
	ctx: IExecuteFunctions,
	resources: Record<string, Record<string, Operation>>,
): Operation {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return handler;
}
