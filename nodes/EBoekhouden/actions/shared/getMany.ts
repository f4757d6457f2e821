import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import type { Paging } from '../../api/paging';
import { limitField, returnAllField } from '../common.descriptions';

/** What every "Get Many" shows: Return All, Limit, then its Filters collection and any fields of its own. */
export function getManyProperties(
	filters: INodeProperties[],
	extra: INodeProperties[] = [],
): INodeProperties[] {
	return [
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
		...extra,
	];
}

export type ListFunction = (
	filters: IDataObject,
	paging: Paging,
	itemIndex: number,
) => Promise<IDataObject[]>;

/** One listing per input item: all pages with Return All, else up to Limit; one output item per result. */
export async function executeGetMany(
	ctx: IExecuteFunctions,
	list: ListFunction,
): Promise<INodeExecutionData[][]> {
	return await runPerItem(ctx, async (itemIndex) => {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
		const max = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex) as number);
		const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return await list(filters, { max }, itemIndex);
	});
}
