import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/runPerItem';
import { getRelation } from '../../api/relations';
import { relationLocator } from '../common.descriptions';
import { showFor } from '../node.type';
import { readId } from '../shared/params';

const properties: INodeProperties[] = [relationLocator('The relation (relatie) to get')];

export const description = updateDisplayOptions(showFor('relation', ['get']), properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = readId(this, 'relation', itemIndex, true) as number;
		return await getRelation(this, id);
	});
}
