import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { showFor } from '../node.type';
import { paymentProperties, settleItems } from './run';

export const description = updateDisplayOptions(
	showFor('payment', ['bookInvoicePayment']),
	paymentProperties('payment'),
);

/** Settles the open item in its own direction: for a credit invoice that is the refund. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await settleItems(this, 'payment');
}
