import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { OrderFilters } from '../../api/client';
import { parseUserDateTime } from '../../api/dates';

/** Every documented filter of the order list (docs/api-notes.md, Mijnwebwinkel §3.1). */
export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'options',
			options: [
				{ name: 'Archived and Not Archived', value: 'any' },
				{ name: 'Only Archived', value: 'archived' },
				{ name: 'Only Not Archived', value: 'notArchived' },
			],
			default: 'any',
		},
		{
			displayName: 'Customer E-Mail',
			name: 'debtorEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description:
				'Only orders of this customer (debiteur). Combined with Customer ID, either one matches.',
		},
		{
			displayName: 'Customer ID',
			name: 'debtorId',
			type: 'string',
			default: '',
			description:
				'Only orders of the customer account with this UUID. Combined with Customer E-Mail, either one matches.',
		},
		{
			displayName: 'Include Test Orders',
			name: 'includeTestOrders',
			type: 'boolean',
			default: false,
			description: 'Whether to include test orders placed in the shop',
		},
		{
			displayName: 'Order Date From',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only orders placed on or after this day',
		},
		{
			displayName: 'Order Date To',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only orders placed on or before this day',
		},
		{
			displayName: 'Sort',
			name: 'ordering',
			type: 'options',
			options: [
				{ name: 'Oldest Order Number First', value: 'asc' },
				{ name: 'Newest Order Number First', value: 'desc' },
			],
			default: 'asc',
		},
		{
			displayName: 'Status Changed From',
			name: 'statusChangedStartDate',
			type: 'dateTime',
			default: '',
			description: 'Only orders whose status last changed at or after this time (shop time)',
		},
		{
			displayName: 'Status Changed To',
			name: 'statusChangedEndDate',
			type: 'dateTime',
			default: '',
			description: 'Only orders whose status last changed at or before this time (shop time)',
		},
		{
			displayName: 'Status Name or ID',
			name: 'statusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrderStatusOptions' },
			default: '',
			description:
				'Only orders in this status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
};

export function readFilters(context: IExecuteFunctions, itemIndex: number): OrderFilters {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as Record<string, unknown>;
	const text = (name: string) =>
		typeof filters[name] === 'string' ? (filters[name] as string).trim() : '';
	const when = (name: string, label: string, length: 10 | 19) => {
		if (!text(name)) return undefined;
		const parsed = parseUserDateTime(text(name));
		if (!parsed) {
			throw new NodeOperationError(context.getNode(), `${label} is not a date: ${text(name)}`, {
				itemIndex,
				description:
					'Use a date such as 2025-01-31 or a date and time such as 2025-01-31T14:00:00.',
			});
		}
		return parsed.slice(0, length);
	};
	const statusId = String(filters.statusId ?? '').trim();
	if (statusId !== '' && !/^\d+$/.test(statusId)) {
		throw new NodeOperationError(context.getNode(), `Status is not a status ID: ${statusId}`, {
			itemIndex,
			description:
				'Choose a status from the list, or give its number (see Order Status → Get Many).',
		});
	}
	const archived = filters.archived;
	return {
		statusId: statusId === '' ? undefined : Number(statusId),
		startDate: when('startDate', 'Order Date From', 10),
		endDate: when('endDate', 'Order Date To', 10),
		statusChangedStartDate: when('statusChangedStartDate', 'Status Changed From', 19),
		statusChangedEndDate: when('statusChangedEndDate', 'Status Changed To', 19),
		archived: archived === 'archived' ? true : archived === 'notArchived' ? false : undefined,
		debtorEmail: text('debtorEmail') || undefined,
		debtorId: text('debtorId') || undefined,
		includeTest: filters.includeTestOrders === true,
		ordering: filters.ordering === 'desc' ? 'desc' : filters.ordering === 'asc' ? 'asc' : undefined,
	};
}
