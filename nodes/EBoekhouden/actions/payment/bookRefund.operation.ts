import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { showFor } from '../node.type';
import { paymentProperties, settleItems } from './run';

export const description = updateDisplayOptions(
	showFor('payment', ['bookRefund']),
	paymentProperties('refund'),
);

/** Only for credit invoices (a negative open item); anything else is refused before a booking is made. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await settleItems(this, 'refund');
}
