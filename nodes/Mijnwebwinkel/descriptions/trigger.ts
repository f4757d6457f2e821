import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseUserDateTime } from '../api/dates';
import type { QualifySettings } from '../trigger/qualifies';
import type { PollSettings } from '../trigger/poll';
import {
	acceptAuthorizedProperty,
	finishedStatusesProperty,
	includeCreditOrdersProperty,
	includeTestOrdersProperty,
	paidStatusesProperty,
	readQualifySettings,
} from './finishedAndPaid';

export const DEFAULT_MAX_ORDERS_PER_POLL = 250;
export const MAX_ORDERS_PER_POLL_LIMIT = 1000;
export const DEFAULT_OVERLAP_MINUTES = 60;
/**
 * Shop times carry no zone (docs/api-notes.md, Mijnwebwinkel §14.5): when the clocks go back, 02:00–03:00 comes
 * twice, and an order changed in the second pass reads earlier than orders already read. Less overlap loses it.
 */
export const MIN_OVERLAP_MINUTES = 60;
/** Comparable services re-check unpaid orders for about three weeks (docs/api-notes.md, Mijnwebwinkel §4.5). */
export const DEFAULT_RECHECK_DAYS = 21;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Emits each order once, when it is finished and paid. Orders come out as the Mijnwebwinkel API gives them, with their transactions under "payments" (Include Payments).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	finishedStatusesProperty,
	includeCreditOrdersProperty,
	{
		displayName: 'Import Orders Since',
		name: 'importSince',
		type: 'dateTime',
		default: '',
		description:
			'Also bring in the orders that became finished and paid since this day, spread over the first polls. Leave empty for only the orders finished after the workflow is activated. Setting a new date later imports again from that day.',
	},
	{
		displayName: 'Include Payments',
		name: 'includePayments',
		type: 'boolean',
		default: true,
		description:
			'Whether each order carries its transactions (gift cards, split and pay-later payments) as "payments", which Order to Invoice books one by one. Costs one extra call to the shop per order. An order whose payments cannot be read now is emitted on a later poll.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			acceptAuthorizedProperty,
			includeTestOrdersProperty,
			{
				displayName: 'Max Orders per Poll',
				name: 'maxOrdersPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ORDERS_PER_POLL_LIMIT },
				default: DEFAULT_MAX_ORDERS_PER_POLL,
				description: 'The most orders one poll emits; the rest follow on the next polls',
			},
			{
				displayName: 'Overlap (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				typeOptions: { minValue: MIN_OVERLAP_MINUTES, maxValue: 24 * 60 },
				default: DEFAULT_OVERLAP_MINUTES,
				description:
					'How far each poll looks back before the previous one, at least 60. The API gives times without a time zone, so when the clocks go back an hour comes twice; orders seen twice are emitted once.',
			},
			paidStatusesProperty,
			{
				displayName: 'Re-Check Unpaid Orders (Days)',
				name: 'recheckDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 90 },
				default: DEFAULT_RECHECK_DAYS,
				description:
					'For how many days after it is finished an unpaid order is checked again, because a payment can arrive without a status change',
			},
		],
	},
];

export function readTriggerSettings(context: IPollFunctions): {
	qualify: QualifySettings;
	poll: PollSettings;
	includePayments: boolean;
} {
	const options = context.getNodeParameter('options', {}) as Record<string, unknown>;
	const option = (name: string, fallback: unknown) => options[name] ?? fallback;
	const qualify = readQualifySettings((name, fallback) =>
		name === 'finishedStatuses' || name === 'includeCreditOrders'
			? context.getNodeParameter(name, fallback)
			: option(name, fallback),
	);
	const sinceInput = context.getNodeParameter('importSince', '') as string;
	const since = sinceInput ? parseUserDateTime(sinceInput) : '';
	if (since === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`"Import Orders Since" is not a date: ${sinceInput}`,
			{
				description: 'Use a date such as 2025-01-01, or leave it empty.',
			},
		);
	}
	const whole = (value: unknown, fallback: number, min: number, max: number) => {
		const number = Math.floor(Number(value));
		return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : fallback;
	};
	return {
		qualify,
		includePayments: context.getNodeParameter('includePayments', true) !== false,
		poll: {
			since: since ? `${since.slice(0, 10)} 00:00:00` : '',
			overlapMinutes: whole(
				option('overlapMinutes', DEFAULT_OVERLAP_MINUTES),
				DEFAULT_OVERLAP_MINUTES,
				MIN_OVERLAP_MINUTES,
				1440,
			),
			maxOrdersPerPoll: whole(
				option('maxOrdersPerPoll', DEFAULT_MAX_ORDERS_PER_POLL),
				DEFAULT_MAX_ORDERS_PER_POLL,
				1,
				MAX_ORDERS_PER_POLL_LIMIT,
			),
			recheckDays: whole(option('recheckDays', DEFAULT_RECHECK_DAYS), DEFAULT_RECHECK_DAYS, 0, 90),
			includeTestOrders: qualify.includeTestOrders,
		},
	};
}
