import type {
	AllEntities,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { MijnwebwinkelTransport } from '../api/transport';

/** Resources and their operations; a misspelt operation in `showFor` fails to compile. */
export type MijnwebwinkelMap = {
	order: 'get' | 'getAll' | 'getPayments';
	orderStatus: 'getAll';
};

export type MijnwebwinkelType = AllEntities<MijnwebwinkelMap>;

export interface Operation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		transport: MijnwebwinkelTransport,
	): Promise<INodeExecutionData[][]>;
}

export type ResourceOperations<R extends keyof MijnwebwinkelMap> = Record<
	MijnwebwinkelMap[R],
	Operation
>;

export function showFor<R extends keyof MijnwebwinkelMap>(
	resource: R,
	operations: Array<MijnwebwinkelMap[R]>,
): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}
