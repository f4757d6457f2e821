import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as costCenter from './costCenter/CostCenter.resource';
import * as invoice from './invoice/Invoice.resource';
import * as invoiceTemplate from './invoiceTemplate/InvoiceTemplate.resource';
import * as ledger from './ledger/Ledger.resource';
import { operationFor } from '../../shared/operationFor';
import type { EBoekhoudenMap, ResourceOperations } from './node.type';
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

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const handler = operationFor(this, resources);
	return await handler.execute.call(this);
}
