import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	order: 'get' | 'getAll' | 'getPayments';
	orderStatus: 'getAll';
};

export type MijnwebwinkelType = AllEntities<NodeMap>;
