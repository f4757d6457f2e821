import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { OrderFilters } from '../../api/client';
import { listOrders } from '../../api/client';
import { readOrderFacts } from '../../api/summary';
import { showFor } from '../node.type';
import type { MijnwebwinkelTransport } from '../../api/transport';
import {
	acceptAuthorizedProperty,
	finishedStatusesProperty,
	includeCreditOrdersProperty,
	paidStatusesProperty,
	qualifyRules,
	readQualifySettings,
	readStatusTable,
} from '../../descriptions/finishedAndPaid';
import type { OrderStatus } from '../../api/schemas';
import { statusTableOf } from '../../api/statusTableCache';
import { createPaymentsReader, readPaymentsAhead } from '../../api/paymentsReader';
import { carryPayments, hasTransactions } from '../../trigger/payments';
import { judgeOrder, type QualifySettings } from '../../trigger/qualifies';
import { runPerItem } from '../../../shared/runPerItem';
import { filtersProperty, readFilters } from './filters';

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
		// Orders go out as the shop sent them, unchecked: one unreadable order must not stop a catch-up or an
		// import, and Order to Invoice names its field on the error output.
		if (!this.getNodeParameter('finishedAndPaidOnly', itemIndex, false)) {
			const orders = await listOrders(transport, filters, { limit });
			return await withPayments(this, transport, itemIndex, orders, []);
		}
		const settings = readQualifySettings((name, fallback) =>
			name === 'includeTestOrders'
				? Boolean(filters.includeTest)
				: this.getNodeParameter(name, itemIndex, fallback),
		);
		const readTable = async () => await readStatusTable(transport);
		let table = await statusTableOf(transport, readTable);
		let judged = await finishedAndPaid(this, transport, filters, limit, settings, table.statuses);
		if (judged.unknownStatus && table.kept) {
			table = await statusTableOf(transport, readTable, { fresh: true });
			judged = await finishedAndPaid(this, transport, filters, limit, settings, table.statuses);
		}
		return await withPayments(this, transport, itemIndex, judged.orders, judged.credit);
	});
}

/** The finished, paid orders by the rules resolved from `statuses`; says whether an order had a status not in it. */
async function finishedAndPaid(
	ctx: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
	filters: OrderFilters,
	limit: number,
	settings: QualifySettings,
	statuses: OrderStatus[],
): Promise<{ orders: unknown[]; credit: number[]; unknownStatus: boolean }> {
	const rules = qualifyRules(ctx.getNode(), settings, statuses);
	const known = new Set(statuses.map(({ status }) => status));
	let unknownStatus = false;
	const keep = (raw: unknown) => {
		const facts = readOrderFacts(raw);
		if (facts.status !== undefined && !known.has(facts.status)) unknownStatus = true;
		return judgeOrder(facts, rules) === 'emit';
	};
	const orders = await listOrders(transport, filters, { limit, keep });
	return { orders, credit: rules.credit, unknownStatus };
}

async function withPayments(
	ctx: IExecuteFunctions,
	transport: MijnwebwinkelTransport,
	itemIndex: number,
	orders: unknown[],
	creditStatuses: number[],
): Promise<IDataObject[]> {
	if (!ctx.getNodeParameter('includePayments', itemIndex, false)) return orders as IDataObject[];
	// One call per order: read them several at a time first, then carry them over in order as before.
	const toRead = orders
		.filter((order) => order !== null && typeof order === 'object' && !Array.isArray(order))
		.map(readOrderFacts)
		.filter((facts) => hasTransactions(facts, creditStatuses))
		.map((facts) => facts.number);
	const carried = await carryPayments(
		orders,
		readOrderFacts,
		await readPaymentsAhead(createPaymentsReader(transport), toRead),
		creditStatuses,
		{ defer: false },
	);
	return carried.output as IDataObject[];
}
