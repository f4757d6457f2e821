import { LoadOptionsContext } from 'n8n-core';
import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { ensureExpressionEngine } from './expressionEngine';
import { buildWorkflow } from './workflow';
import type { HarnessCredentials } from './workflow';

export interface NodeMethodOptions {
	/** The node's parameters as the editor holds them while the user picks a value. */
	parameters?: INodeParameters;
	credentials?: HarnessCredentials;
	/** The parameter being filled in, as n8n passes it: 'parameters.ledgerCode' (used by getCurrentNodeParameter('&…')). */
	path?: string;
	typeVersion?: number;
}

export interface ListSearchOptions extends NodeMethodOptions {
	filter?: string;
	paginationToken?: string;
}

/** A dropdown's options, as n8n's DynamicNodeParametersService.getOptionsViaMethodName loads them. */
export async function loadOptions(
	node: INodeType,
	methodName: string,
	options: NodeMethodOptions = {},
): Promise<INodePropertyOptions[]> {
	const method = node.methods?.loadOptions?.[methodName];
	if (typeof method !== 'function') throw missing(node, 'loadOptions', methodName);
	return await withLoadOptionsContext(node, options, async (context) => await method.call(context));
}

/** One page of a resource locator's "From List" search, as n8n's getResourceLocatorResults runs it. */
export async function listSearch(
	node: INodeType,
	methodName: string,
	options: ListSearchOptions = {},
): Promise<INodeListSearchResult> {
	const method = node.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') throw missing(node, 'listSearch', methodName);
	return await withLoadOptionsContext(
		node,
		options,
		async (context) => await method.call(context, options.filter, options.paginationToken),
	);
}

async function withLoadOptionsContext<T>(
	node: INodeType,
	options: NodeMethodOptions,
	run: (context: ILoadOptionsFunctions) => Promise<T>,
): Promise<T> {
	await ensureExpressionEngine();
	const built = buildWorkflow(node, { ...options, nodeName: 'Temp-Node', mode: 'internal' });
	built.additionalData.currentNodeParameters = built.node.parameters;
	const context = new LoadOptionsContext(
		built.workflow,
		built.node,
		built.additionalData,
		options.path ?? '',
	);
	return await built.workflow.expression.withIsolate(async () => await run(context));
}

function missing(node: INodeType, type: string, methodName: string): Error {
	return new UnexpectedError(
		`Node type "${node.description.name}" has no methods.${type}.${methodName}`,
	);
}
