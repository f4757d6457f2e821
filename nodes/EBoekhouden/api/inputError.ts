import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';

export interface InputErrorFacts {
	field?: string;
	orderNumber?: string;
	description?: string;
	itemIndex?: number;
}

/** A problem with what the user or the draft passed in, found before anything was written. */
export function inputError(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	message: string,
	facts: InputErrorFacts = {},
): NodeOperationError {
	const error = new NodeOperationError(ctx.getNode(), message, {
		description: facts.description,
		itemIndex: facts.itemIndex,
	});
	error.context = { ...error.context, field: facts.field, orderNumber: facts.orderNumber };
	return error;
}

/** n8n's own errors pass unchanged; anything else is wrapped so n8n can show it with the node. */
export function asNodeError(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}
