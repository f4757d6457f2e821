import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCostCenters, listLedgers } from '../api/masterData';

/** Revenue ledgers (category VW) by code, for invoice lines set by hand. */
export async function getRevenueLedgers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const ledgers = await listLedgers(this, { category: 'VW' });
	return ledgers.map((ledger) => ({
		name: `${ledger.code} · ${ledger.description ?? ''}`.trim(),
		value: ledger.code,
	}));
}

export async function getCostCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const costCenters = await listCostCenters(this);
	return [
		{ name: '— None —', value: '' },
		...costCenters
			.filter((costCenter) => costCenter.active !== false)
			.map((costCenter) => ({
				name: costCenter.description ?? String(costCenter.id),
				value: String(costCenter.id),
			})),
	];
}
