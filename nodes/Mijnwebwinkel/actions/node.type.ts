import type { AllEntities } from 'n8n-workflow';

import { showForResources, type NodeOperation } from '../../shared/operations';
import type { MijnwebwinkelTransport } from '../api/transport';

/** Resources and their operations; a misspelt operation in `showFor` fails to compile. */
export type MijnwebwinkelMap = {
	order: 'get' | 'getAll' | 'getPayments';
	orderStatus: 'getAll';
};

export type MijnwebwinkelType = AllEntities<MijnwebwinkelMap>;

export type Operation = NodeOperation<[transport: MijnwebwinkelTransport]>;

export type ResourceOperations<R extends keyof MijnwebwinkelMap> = Record<
	MijnwebwinkelMap[R],
	Operation
>;

export const showFor = showForResources<MijnwebwinkelMap>();
