import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const orderNumberProperty: INodeProperties = {
	displayName: 'Order Number',
	name: 'orderNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1042',
	description: 'The order number as shown in the shop (bestelnummer)',
};

export function orderNumberParameter(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('orderNumber', itemIndex, '')).trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), 'Order Number is empty', {
			itemIndex,
			description: 'Give the order number, or map it from the input, e.g. {{ $json.number }}.',
		});
	}
	return value;
}
