import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import type { HarnessCredentials } from '../../harness';
import { bookOn, type WorkerChain } from './workers';

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

/**
 * Find or Create → Create Invoice → Book Invoice Payment for `drafts`, in `polls` separate executions of equal
 * slices, as the sync template books what each poll emits: nothing one execution learned reaches the next. Failed
 * items come out as error items (On Error: Continue).
 */
export async function runPolls(
	drafts: InvoiceDraft[],
	credentials: HarnessCredentials,
	polls: number,
): Promise<WorkerChain> {
	const size = Math.ceil(drafts.length / polls);
	const all: WorkerChain = { relations: [], invoices: [], payments: [], credentials };
	for (let start = 0; start < drafts.length; start += size) {
		const node = inExecution(new EBoekhouden(), nextExecutionId());
		const result = await bookOn(node, drafts.slice(start, start + size), all.credentials);
		all.relations.push(...result.relations);
		all.invoices.push(...result.invoices);
		all.payments.push(...result.payments);
		all.credentials = result.credentials;
	}
	return all;
}
