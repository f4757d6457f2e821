import type { IDataObject } from 'n8n-workflow';

export const STATUSES = [
	'missing',
	'amountDiffers',
	'vatDiffers',
	'unpaid',
	'bookedTwice',
	'paymentDiffers',
	'notInShop',
	'bookedInOtherMode',
	'ledgerDiffers',
] as const;

export type Status = (typeof STATUSES)[number];

/** One thing that is not right, with the facts to act on; `itemIndex` is the draft's input item, if any. */
export interface Difference {
	status: Status;
	itemIndex?: number;
	orderNumber?: string;
	invoiceNumber: string;
	facts: IDataObject;
	whatToDo: string;
	/** Fix books it (missing, unpaid); everything else is reported only. */
	fixable: boolean;
}
