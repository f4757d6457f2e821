import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as costCenter from './costCenter/CostCenter.resource';
import * as invoice from './invoice/Invoice.resource';
import * as invoiceTemplate from './invoiceTemplate/InvoiceTemplate.resource';
import * as ledger from './ledger/Ledger.resource';
import type { EBoekhoudenMap, Operation, ResourceOperations } from './node.type';
import * as payment from './payment/Payment.resource';
import * as reconciliation from './reconcile/Reconciliation.resource';
import * as relation from './relation/Relation.resource';

const resources: { [R in keyof EBoekhoudenMap]: ResourceOperations<R> } = {
	relation: relation.operations,
	invoice: invoice.operations,
	payment: payment.operations,
	ledger: ledger.operations,
	invoiceTemplate: invoiceTemplate.operations,
	costCenter: costCenter.operations,
	reconciliation: reconciliation.operations,
};

/** Resource and operation are the same for every item (noDataExpression), so item 0 decides. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as keyof EBoekhoudenMap;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = resources[resource] as Record<string, Operation> | undefined;
	const handler = operations?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await handler.execute.call(this);
}
