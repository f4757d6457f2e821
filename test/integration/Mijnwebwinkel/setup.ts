import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { executeNode, pollNode } from '../../harness';
import type { HarnessCredentials } from '../../harness';
import type { Sandbox } from '../../sandbox';
import { SANDBOX_PARTNER_TOKEN, SANDBOX_STORE_TOKEN } from '../../sandbox';
import { categorizeOrder } from '../../sandbox/shop/generator';
import type { ShopOrder } from '../../sandbox/shop/generator';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { MijnwebwinkelTrigger } from '../../../nodes/Mijnwebwinkel/MijnwebwinkelTrigger.node';

export function shopCredentials(sb: Sandbox, overrides: IDataObject = {}): HarnessCredentials {
	return {
		mijnwebwinkelApi: {
			storeToken: SANDBOX_STORE_TOKEN,
			partnerToken: SANDBOX_PARTNER_TOKEN,
			baseUrl: sb.shopUrl,
			...overrides,
		},
	};
}

/** Order → Get Many with Return All and Finished and Paid Only, as the templates run it; `more` adds parameters. */
export async function finishedAndPaidOrders(sb: Sandbox, more: IDataObject = {}) {
	return await executeNode(new Mijnwebwinkel(), {
		parameters: {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			finishedAndPaidOnly: true,
			...more,
		} as INodeParameters,
		credentials: shopCredentials(sb),
	});
}

export const numbersOf = (output: INodeExecutionData[][] | null): string[] =>
	(output?.[0] ?? []).map((item) => String(item.json.number));

/** One workflow's trigger: the same static data object across polls, as n8n keeps it. */
export function triggerFor(sb: Sandbox, parameters: INodeParameters, staticData: IDataObject = {}) {
	const trigger = new MijnwebwinkelTrigger();
	return {
		staticData,
		poll: async (mode: 'trigger' | 'manual' = 'trigger') =>
			await pollNode(trigger, { parameters, credentials: shopCredentials(sb), staticData, mode }),
		numbers: async () =>
			numbersOf(
				await pollNode(trigger, { parameters, credentials: shopCredentials(sb), staticData }),
			),
	};
}

/** What the trigger must emit with finished statuses 4 and 6: finished and paid orders, and credit orders. */
export function shouldEmit(order: ShopOrder): boolean {
	const category = categorizeOrder(order);
	return category === 'finishedPaid' || category === 'credit';
}

export const changedAt = (order: ShopOrder) =>
	`${String(order.status_changed_date)} ${String(order.status_changed_time)}`;

/** `yyyy-mm-dd` of `days` ago in shop time. */
export function daysAgo(days: number): string {
	const moment = new Date(Date.now() - days * 86_400_000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(moment);
}

/** A finished order in the sandbox's shape, placed now; status and payment as given. */
export function newOrder(number: number, fields: IDataObject = {}): IDataObject {
	const now = new Date();
	const local = new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Amsterdam',
		dateStyle: 'short',
		timeStyle: 'medium',
	})
		.format(now)
		.split(' ');
	return {
		number,
		uuid: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
		date: local[0],
		time: local[1],
		status: 4,
		status_changed_date: local[0],
		status_changed_time: local[1],
		payment_status: 'captured',
		debtor: { email: `klant${number}@example.nl` },
		price: { tax: [{ amount: '2.10', rate: '21.00' }], total: '12.10' },
		orderlines: [
			{
				type: 'article',
				quantity: 1,
				description: 'Theedoek',
				price: { amount: '10.000000', amount_including_tax: '12.10', rate: '21.00' },
			},
		],
		...fields,
	};
}
