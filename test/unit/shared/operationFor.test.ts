import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationFor } from '../../../nodes/shared/operationFor';

function contextAsking(resource: string, operation: string): IExecuteFunctions {
	const parameters: Record<string, string> = { resource, operation };
	return {
		getNodeParameter: (name: string) => parameters[name],
		getNode: () => ({
			name: 'Mijnwebwinkel',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as IExecuteFunctions;
}

describe('operationFor, the router both action nodes share', () => {
	const resources = { order: { get: 'get an order', getAll: 'get orders' } };

	it('finds the operation the node asks for', () => {
		expect(operationFor(contextAsking('order', 'getAll'), resources)).toBe('get orders');
	});

	it('names the resource and operation it does not know, as a node error', () => {
		const ask = () => operationFor(contextAsking('order', 'delete'), resources);
		expect(ask).toThrow(NodeOperationError);
		expect(ask).toThrow('The operation "delete" of "order" is not supported');
		expect(() => operationFor(contextAsking('customer', 'get'), resources)).toThrow(
			'The operation "get" of "customer" is not supported',
		);
	});
});
