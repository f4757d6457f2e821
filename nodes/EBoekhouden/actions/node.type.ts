import type { AllEntities } from 'n8n-workflow';

import { showForResources, type NodeOperation } from '../../shared/operations';

/** Resources and their operations; a misspelt operation in `showFor` fails to compile. */
export type EBoekhoudenMap = {
	relation: 'findOrCreate' | 'get' | 'getAll' | 'create' | 'update';
	invoice: 'create' | 'get' | 'getAll';
	payment: 'bookInvoicePayment' | 'bookRefund';
	ledger: 'getAll';
	invoiceTemplate: 'getAll';
	costCenter: 'getAll';
	reconciliation: 'reconcile';
};

export type EBoekhoudenType = AllEntities<EBoekhoudenMap>;

export type Operation = NodeOperation;

export type ResourceOperations<R extends keyof EBoekhoudenMap> = Record<
	EBoekhoudenMap[R],
	Operation
>;

export const showFor = showForResources<EBoekhoudenMap>();
