import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { executeNode, type HarnessCredentials } from '../../harness';

/**
 * The three steps a workflow template wires after Order to Invoice: Find or Create Relation → Create Invoice →
 * Book Invoice Payment, each in draft mode. In a template the later steps point their Draft at the Order to Invoice
 * node (`$('Order to Invoice').item.json`); the harness runs one node at a time, so each step gets the draft in its
 * input item, with the relation id added for the invoice step.
 */
export interface ChainResult {
	relations: INodeExecutionData[];
	invoices: INodeExecutionData[];
	payments: INodeExecutionData[];
	credentials: HarnessCredentials;
}

export const relationFromInput = { __rl: true, mode: 'id', value: '={{ $json.relationId }}' };

export async function runChain(
	drafts: InvoiceDraft[],
	credentials: HarnessCredentials,
	continueOnFail = false,
): Promise<ChainResult> {
	const node = new EBoekhouden();
	const items = drafts.map((draft) => ({ json: draft as unknown as IDataObject }));
	const relation = await executeNode(node, {
		parameters: { resource: 'relation', operation: 'findOrCreate' },
		items,
		credentials,
		continueOnFail,
	});
	const relations = relation.output[0];
	const withRelation = drafts.map((draft, index) => ({
		json: { ...(draft as unknown as IDataObject), relationId: relations[index]?.json.id as number },
	}));
	const invoice = await executeNode(node, {
		parameters: { resource: 'invoice', operation: 'create', relation: relationFromInput },
		items: withRelation,
		credentials: relation.credentials,
		continueOnFail,
	});
	const payment = await executeNode(node, {
		parameters: { resource: 'payment', operation: 'bookInvoicePayment' },
		items,
		credentials: invoice.credentials,
		continueOnFail,
	});
	return {
		relations,
		invoices: invoice.output[0],
		payments: payment.output[0],
		credentials: payment.credentials,
	};
}

export function totalCalls(counts: Record<string, number>): number {
	return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
