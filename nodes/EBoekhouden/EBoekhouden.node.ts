import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperties } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class EBoekhouden implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'e-Boekhouden.nl',
		name: 'eBoekhouden',
		icon: { light: 'file:eBoekhouden.svg', dark: 'file:eBoekhouden.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ ({ "costCenter:getAll": "Get Many Cost Centers", "invoice:create": "Create Invoice", "invoice:get": "Get Invoice", "invoice:getAll": "Get Many Invoices", "invoiceTemplate:getAll": "Get Many Invoice Templates", "ledger:getAll": "Get Many Ledgers", "payment:bookInvoicePayment": "Book Invoice Payment", "payment:bookRefund": "Book Refund", "reconciliation:reconcile": "Reconcile Orders and Books", "relation:create": "Create Relation", "relation:findOrCreate": "Find or Create Relation", "relation:get": "Get Relation", "relation:getAll": "Get Many Relations", "relation:update": "Update Relation" })[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Book relations, invoices and payments in e-Boekhouden.nl, never twice',
		defaults: { name: 'e-Boekhouden.nl' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'eBoekhoudenApi', required: true }],
		properties: resourceProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
