import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { executeNode, type HarnessCredentials } from '../../harness';
import { relationFromInput } from './chain';

/**
 * Queue-mode workers in one test: each is the e-Boekhouden node module loaded afresh, as another n8n process has
 * it, with its own locks, caches and execution memory. A fresh worker is also what a new execution sees of what
 * earlier ones learned: nothing.
 */
export async function freshWorker(): Promise<INodeType> {
	let node: INodeType | undefined;
	await jest.isolateModulesAsync(async () => {
		const { EBoekhouden } = await import('../../../nodes/EBoekhouden/EBoekhouden.node');
		node = new EBoekhouden();
	});
	return node as INodeType;
}

export interface WorkerChain {
	relations: INodeExecutionData[];
	invoices: INodeExecutionData[];
	payments: INodeExecutionData[];
	/** The credentials after the run, with the session token n8n stored (shared by every process). */
	credentials: HarnessCredentials;
}

/** Find or Create Relation → Create Invoice → Book Invoice Payment on one worker, as the templates wire them. */
export async function bookOn(
	node: INodeType,
	drafts: InvoiceDraft[],
	credentials: HarnessCredentials,
	steps: Array<'relation' | 'invoice' | 'payment'> = ['relation', 'invoice', 'payment'],
): Promise<WorkerChain> {
	const items = drafts.map((draft) => ({ json: draft as unknown as IDataObject }));
	const result: WorkerChain = { relations: [], invoices: [], payments: [], credentials };
	const step = async (parameters: IDataObject, input: typeof items) => {
		const run = await executeNode(node, {
			parameters: parameters as never,
			items: input,
			credentials: result.credentials,
			continueOnFail: true,
		});
		result.credentials = run.credentials;
		return run.output[0];
	};
	result.relations = await step({ resource: 'relation', operation: 'findOrCreate' }, items);
	if (!steps.includes('invoice')) return result;
	const withRelation = drafts.map((draft, index) => ({
		json: {
			...(draft as unknown as IDataObject),
			relationId: result.relations[index]?.json.id as number,
		},
	}));
	result.invoices = await step(
		{ resource: 'invoice', operation: 'create', relation: relationFromInput },
		withRelation,
	);
	if (!steps.includes('payment')) return result;
	result.payments = await step({ resource: 'payment', operation: 'bookInvoicePayment' }, items);
	return result;
}

export const errorsOf = (chain: WorkerChain) =>
	[...chain.relations, ...chain.invoices, ...chain.payments]
		.map((item) => item.json.error)
		.filter((error) => error !== undefined);
