import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { OrderFilters } from '../../api/client';
import { orderPages } from '../../api/client';
import { showFor } from '../node.type';
import type { MijnwebwinkelTransport } from '../../api/transport';
import {
	acceptAuthorizedProperty,
	finishedStatusesProperty,
	includeCreditOrdersProperty,
	paidStatusesProperty,
	readQualifySettings,
} from '../../descriptions/finishedAndPaid';
import { createPaymentsReader, paymentsAhead } from '../../api/paymentsReader';
import { runPerItem } from '../../../shared/runPerItem';
import { everyOrder, finishedAndPaidJudge } from './finishedAndPaidJudge';
import { filtersProperty, readFilters } from './filters';
import { listWithPayments } from './listWithPayments';

const whenFinishedAndPaidOnly = { show: { finishedAndPaidOnly: [true] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Finished and Paid Only',
		name: 'finishedAndPaidOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only orders that are finished and paid, by the same rules as the Mijnwebwinkel Trigger',
	},
	{ ...finishedStatusesProperty, displayOptions: whenFinishedAndPaidOnly },
	{ ...includeCreditOrdersProperty, displayOptions: whenFinishedAndPaidOnly },
	{ ...paidStatusesProperty, displayOptions: whenFinishedAndPaidOnly },
	{ ...acceptAuthorizedProperty, displayOptions: whenFinishedAndPaidOnly },
	{
		displayName: 'Include Payments',
		name: 'includePayments',
		type: 'boolean',
		default: false,
		description:
			'Whether each order carries its transactions (gift cards, split and pay-later payments) as "payments", for Order to Invoice to book them one by one. Turn on when the orders go to the books (catch-up, history import). Costs one extra call to the shop per order.',
	},
	filtersProperty,
];

const displayOptions = showFor('order', ['getAll']);

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const filters: OrderFilters = readFilters(this, itemIndex);
		const payments = this.getNodeParameter('includePayments', itemIndex, false)
			? paymentsAhead(createPaymentsReader(transport))
			: undefined;
		// Orders go out as the shop sent them, unchecked: one unreadable order must not stop a catch-up or an
		// import, and Order to Invoice names its field on the error output.
		if (!this.getNodeParameter('finishedAndPaidOnly', itemIndex, false)) {
			const pages = orderPages(transport, filters, limit);
			return (await listWithPayments(pages, everyOrder, limit, payments)) as IDataObject[];
		}
		const settings = readQualifySettings((name, fallback) =>
			name === 'includeTestOrders'
				? Boolean(filters.includeTest)
				: this.getNodeParameter(name, itemIndex, fallback),
		);
		const judge = await finishedAndPaidJudge(this.getNode(), transport, settings);
		const pages = orderPages(transport, filters);
		return (await listWithPayments(pages, judge, limit, payments)) as IDataObject[];
	});
}
