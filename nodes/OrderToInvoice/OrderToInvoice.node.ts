import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../shared/runPerItem';
import { mapOrder } from './mapping';
import { searchLedgers } from './methods/ledgers';
import { orderToInvoiceProperties } from './properties';
import { readOrder } from './readOrder';
import { readSettings } from './readSettings';

const SKIPPED_NUMBERS_SHOWN = 20;

export class OrderToInvoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order to Invoice',
		name: 'orderToInvoice',
		icon: { light: 'file:orderToInvoice.svg', dark: 'file:orderToInvoice.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "Invoice " + $parameter["invoicePrefix"] + "<order number>" }}',
		description:
			'Turn a Mijnwebwinkel order into an e-Boekhouden invoice draft: relation, invoice lines per VAT code, payment and a totals check to the cent',
		defaults: { name: 'Order to Invoice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Optional, for the ledger pickers only: execute never reads it and never calls e-Boekhouden.
		credentials: [{ name: 'eBoekhoudenApi', required: false }],
		properties: orderToInvoiceProperties,
	};

	methods = { listSearch: { searchLedgers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const skipped: string[] = [];
		const output = await runPerItem(this, async (itemIndex, item) => {
			const settings = readSettings(this, itemIndex);
			const draft = mapOrder(readOrder(item.json), settings);
			if (draft.skipped) {
				skipped.push(draft.orderNumber);
				return [];
			}
			return draft as unknown as IDataObject;
		});
		if (skipped.length > 0) {
			const shown = skipped.slice(0, SKIPPED_NUMBERS_SHOWN).join(', ');
			const more =
				skipped.length > SKIPPED_NUMBERS_SHOWN
					? ` and ${skipped.length - SKIPPED_NUMBERS_SHOWN} more`
					: '';
			this.addExecutionHints({
				message: `Skipped ${skipped.length} zero-total order(s): ${shown}${more}. Set Zero-Total Orders to Book to book them.`,
				type: 'info',
				location: 'outputPane',
			});
		}
		return output;
	}
}
