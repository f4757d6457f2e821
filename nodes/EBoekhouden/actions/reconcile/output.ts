import type { INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import type { Difference } from './differences';

/** One output item per difference, paired with its order's draft (a stranger with every draft). */
export function toItem(difference: Difference, all: IPairedItemData[]): INodeExecutionData {
	const { status, orderNumber, invoiceNumber, facts, whatToDo, itemIndex } = difference;
	return {
		json: {
			kind: 'difference',
			status,
			orderNumber: orderNumber ?? null,
			invoiceNumber,
			...facts,
			whatToDo,
		},
		pairedItem: itemIndex === undefined ? all : { item: itemIndex },
	};
}
