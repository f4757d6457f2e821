import type {
	AllEntities,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

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

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

export type ResourceOperations<R extends keyof EBoekhoudenMap> = Record<
	EBoekhoudenMap[R],
	Operation
>;

export function showFor<R extends keyof EBoekhoudenMap>(
	resource: R,
	operations: Array<EBoekhoudenMap[R]>,
	extra: Record<string, Array<string | boolean>> = {},
): IDisplayOptions {
	return { show: { resource: [resource], operation: operations, ...extra } };
}
