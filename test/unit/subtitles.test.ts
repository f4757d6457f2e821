import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { EBoekhouden } from '../../nodes/EBoekhouden/EBoekhouden.node';
import { Mijnwebwinkel } from '../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { ensureExpressionEngine } from '../harness/expressionEngine';
import { buildWorkflow } from '../harness/workflow';

/**
 * The subtitle under each node on the canvas, evaluated as n8n's editor does (useNodeHelpers.getNodeSubtitle:
 * `workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {})` on the node with its defaults filled
 * in), for every resource and operation the node offers.
 */

const EXPECTED: Record<string, Record<string, string>> = {
	eBoekhouden: {
		'costCenter:getAll': 'Get Many Cost Centers',
		'invoice:create': 'Create Invoice',
		'invoice:get': 'Get Invoice',
		'invoice:getAll': 'Get Many Invoices',
		'invoiceTemplate:getAll': 'Get Many Invoice Templates',
		'ledger:getAll': 'Get Many Ledgers',
		'payment:bookInvoicePayment': 'Book Invoice Payment',
		'payment:bookRefund': 'Book Refund',
		'reconciliation:reconcile': 'Reconcile Orders and Books',
		'relation:create': 'Create Relation',
		'relation:findOrCreate': 'Find or Create Relation',
		'relation:get': 'Get Relation',
		'relation:getAll': 'Get Many Relations',
		'relation:update': 'Update Relation',
	},
	mijnwebwinkel: {
		'order:get': 'Get Order',
		'order:getAll': 'Get Many Orders',
		'order:getPayments': 'Get Order Payments',
		'orderStatus:getAll': 'Get Many Order Statuses',
	},
};

const nodes: INodeType[] = [new EBoekhouden(), new Mijnwebwinkel()];

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

/** Every resource/operation pair the node's own description offers. */
function combinations(nodeType: INodeType): Array<[string, string]> {
	const { properties } = nodeType.description;
	const resources = optionsOf(properties.find((property) => property.name === 'resource'));
	return resources.flatMap(({ value: resource }) =>
		properties
			.filter(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource ?? []).includes(resource),
			)
			.flatMap(optionsOf)
			.map(({ value: operation }): [string, string] => [String(resource), String(operation)]),
	);
}

async function subtitle(nodeType: INodeType, parameters: Record<string, string>): Promise<unknown> {
	const { workflow, node } = buildWorkflow(nodeType, { parameters, mode: 'internal' });
	// The sandboxed engines evaluate only in an acquired isolate, as n8n does per execution.
	const acquired = await workflow.expression.acquireIsolate();
	try {
		return workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle,
			'internal',
			{},
		);
	} finally {
		if (acquired) await workflow.expression.releaseIsolate();
	}
}

beforeAll(async () => {
	await ensureExpressionEngine();
});

describe.each(nodes.map((nodeType) => [nodeType.description.name, nodeType] as const))(
	'%s subtitle',
	(name, nodeType) => {
		it('reads as words for every resource and operation, and covers them all', async () => {
			const shown: Record<string, unknown> = {};
			const expected: Record<string, string | undefined> = {};
			for (const [resource, operation] of combinations(nodeType)) {
				const key = `${resource}:${operation}`;
				shown[key] = await subtitle(nodeType, { resource, operation });
				expected[key] = EXPECTED[name][key];
			}
			expect(Object.keys(shown).length).toBeGreaterThan(0);
			expect(shown).toEqual(expected);
		});

		it('is Title Case without raw option values', () => {
			const raw = combinations(nodeType).flat();
			const offenders = Object.values(EXPECTED[name]).filter(
				(text) =>
					text
						.split(' ')
						.some((word) => !['or', 'and'].includes(word) && !/^[A-Z][a-z]*$/.test(word)) ||
					raw.some((value) => /[A-Z]/.test(value) && text.includes(value)),
			);
			expect(offenders).toEqual([]);
		});

		it('names the default operation for a freshly added node', async () => {
			const { properties } = nodeType.description;
			const resource = String(properties.find((property) => property.name === 'resource')?.default);
			const operation = properties.find(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource ?? []).includes(resource),
			)?.default;
			expect(await subtitle(nodeType, {})).toBe(EXPECTED[name][`${resource}:${String(operation)}`]);
		});
	},
);

it('a freshly added e-Boekhouden node reads "Find or Create Relation"', async () => {
	expect(await subtitle(new EBoekhouden(), {})).toBe('Find or Create Relation');
});
