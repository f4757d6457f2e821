import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { executeNode, type HarnessCredentials } from '../../harness';
import { relationFromInput, type ChainResult } from './chain';

/**
 * The harness gives every run one execution id, so what the package remembers per execution would outlive a poll.
 * This is the node as n8n runs it in execution `executionId`: its context answers getExecutionId() with that id,
 * everything else is the real context.
 */
export function inExecution(node: INodeType, executionId: string): INodeType {
	const execute = node.execute;
	if (!execute) return node;
	const wrapped = Object.create(node) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		const context = Object.create(this, {
			getExecutionId: { value: () => executionId },
		}) as IExecuteFunctions;
		return await execute.call(context);
	} as INodeType['execute'];
	return wrapped;
}

let executions = 0;

/** A fresh execution id, e.g. for each poll of a test. */
export const nextExecutionId = (): string => `poll-${++executions}`;

/** chain.ts's three steps, run by `node` (one execution). */
async function runChainWith(
	node: INodeType,
	drafts: InvoiceDraft[],
	credentials: HarnessCredentials,
	continueOnFail: boolean,
): Promise<ChainResult> {
	const items = drafts.map((draft) => ({ json: draft as unknown as IDataObject }));
	const relation = await executeNode(node, {
		parameters: { resource: 'relation', operation: 'findOrCreate' },
		items,
		credentials,
		continueOnFail,
	});
	const relations = relation.output[0];
	const withRelation = items.map(({ json }, index) => ({
		json: { ...json, relationId: relations[index]?.json.id as number },
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

/**
 * Find or Create → Create Invoice → Book Invoice Payment for `drafts`, in `polls` separate executions of equal
 * slices, as the sync template books what each poll emits: nothing one execution learned reaches the next.
 */
export async function runPolls(
	drafts: InvoiceDraft[],
	credentials: HarnessCredentials,
	polls: number,
	continueOnFail = false,
): Promise<ChainResult> {
	const size = Math.ceil(drafts.length / polls);
	const all: ChainResult = { relations: [], invoices: [], payments: [], credentials };
	for (let start = 0; start < drafts.length; start += size) {
		const node = inExecution(new EBoekhouden(), nextExecutionId());
		const slice = drafts.slice(start, start + size);
		const result = await runChainWith(node, slice, all.credentials, continueOnFail);
		all.relations.push(...result.relations);
		all.invoices.push(...result.invoices);
		all.payments.push(...result.payments);
		all.credentials = result.credentials;
	}
	return all;
}
