import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getOrderStatuses } from '../api/client';
import type { OrderStatus } from '../api/schemas';
import type { MijnwebwinkelTransport } from '../api/transport';
import type { QualifyRules, QualifySettings } from '../trigger/qualifies';
import { resolveRules } from '../trigger/qualifies';

/** The "finished and paid" choices, the same for the trigger and the node's "Finished and Paid Only" filter. */

export const finishedStatusesProperty: INodeProperties = {
	displayName: 'Finished Status Names or IDs',
	name: 'finishedStatuses',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getFinishedStatusOptions' },
	default: [],
	hint: 'Leave empty for the statuses named "Afgerond" and "Afgehaald…" (e.g. "Afgehaald en betaald")',
	description:
		'Order statuses that mean the order is finished (afgerond). Leave empty for the shop\'s statuses named "Afgerond" and "Afgehaald…" (e.g. "Afgehaald en betaald"). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const includeCreditOrdersProperty: INodeProperties = {
	displayName: 'Include Credit Orders',
	name: 'includeCreditOrders',
	type: 'boolean',
	default: true,
	description:
		'Whether to include credit orders (returns, in a status marked as credit status) so they reach the books as credit invoices; they carry no payment data and need no payment check',
};

export const paidStatusesProperty: INodeProperties = {
	displayName: 'Paid Status Names or IDs',
	name: 'paidStatuses',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getFinishedStatusOptions' },
	default: [],
	description:
		'Statuses that by themselves mean the order is paid, such as "Afgehaald en betaald", for payments the shop owner marks by hand. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const acceptAuthorizedProperty: INodeProperties = {
	displayName: 'Count Authorized Payments as Paid',
	name: 'acceptAuthorized',
	type: 'boolean',
	default: true,
	description:
		'Whether an order whose payment is authorized but not yet captured (pay later: Klarna, Afterpay) counts as paid. On: the order comes out at once, so the sale is invoiced; Order to Invoice books its payment only on the Pay Later Ledger of its method, never on the bank. The trigger emits it once more when the payment is captured, so a payment not booked yet is booked then, and one already booked is not booked twice. Off: the order waits until its payment is captured.',
};

export const includeTestOrdersProperty: INodeProperties = {
	displayName: 'Include Test Orders',
	name: 'includeTestOrders',
	type: 'boolean',
	default: false,
	description: 'Whether to include test orders placed in the shop; they are left out otherwise',
};

/** Reads one setting by its name; the caller knows where each sits in its node's parameters. */
type ReadSetting = (name: keyof QualifySettings, fallback: unknown) => unknown;

const toIds = (value: unknown): number[] =>
	(Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
		.map((entry) => String(entry).trim())
		.filter((entry) => /^\d+$/.test(entry))
		.map(Number);

export function readQualifySettings(read: ReadSetting): QualifySettings {
	return {
		finishedStatuses: toIds(read('finishedStatuses', [])),
		includeCreditOrders: read('includeCreditOrders', true) !== false,
		paidStatuses: toIds(read('paidStatuses', [])),
		acceptAuthorized: read('acceptAuthorized', true) !== false,
		includeTestOrders: read('includeTestOrders', false) === true,
	};
}

/** The shop's status table in Dutch, which the default "Afgerond"/"Afgehaald" statuses are found by. */
export async function readStatusTable(transport: MijnwebwinkelTransport): Promise<OrderStatus[]> {
	return await getOrderStatuses(transport, 'nl_NL');
}

/** Reads the shop's status table and resolves the rules. */
export async function loadQualifyRules(
	node: INode,
	transport: MijnwebwinkelTransport,
	settings: QualifySettings,
): Promise<QualifyRules> {
	return qualifyRules(node, settings, await readStatusTable(transport));
}

/** Resolves the rules against a status table; no status found means "finished" stops with what to choose. */
export function qualifyRules(
	node: INode,
	settings: QualifySettings,
	statuses: OrderStatus[],
): QualifyRules {
	const resolved = resolveRules(settings, statuses);
	if ('problem' in resolved) {
		throw new NodeOperationError(node, 'Choose which order statuses mean "finished"', {
			description: resolved.problem,
		});
	}
	return resolved.rules;
}
