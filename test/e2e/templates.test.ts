/**
 * The shipped templates as files: what a user imports must name the package's real node types and parameters,
 * reference credentials by name without secrets, carry no state, and route every failure to "Failed Orders".
 * (Whether they run is the job of sync.test.ts, in a real n8n.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { EBoekhouden } from '../../nodes/EBoekhouden/EBoekhouden.node';
import { Mijnwebwinkel } from '../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { MijnwebwinkelTrigger } from '../../nodes/Mijnwebwinkel/MijnwebwinkelTrigger.node';
import { OrderToInvoice } from '../../nodes/OrderToInvoice/OrderToInvoice.node';
import { loadRuntime } from '../../scripts/lib/repo';
import {
	catchUpNode,
	credentialNames,
	failedOrdersNode,
	loadTemplate,
	templates,
	type TemplateName,
} from '../../scripts/lib/workflows';
import { ensureRuntime } from './support/environment';

const prefix = 'n8n-nodes-mijnwebwinkel-eboekhouden.';
const packageNodes: Record<string, INodeType> = {
	mijnwebwinkel: new Mijnwebwinkel(),
	mijnwebwinkelTrigger: new MijnwebwinkelTrigger(),
	orderToInvoice: new OrderToInvoice(),
	eBoekhouden: new EBoekhouden(),
};
const bookingSteps = [
	'Order to Invoice',
	'Find or Create Relation',
	'Create Invoice',
	'Book Payment',
];

interface TemplateNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: unknown; name: string }>;
	onError?: string;
}

type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;

const names = Object.keys(templates) as TemplateName[];

/** n8n's own nodes as the pinned runtime describes them (n8n-nodes-base ships every description as JSON). */
function coreNodeDescriptions(): INodeTypeDescription[] {
	ensureRuntime();
	const file = path.join(loadRuntime().paths().modules, 'n8n-nodes-base/dist/types/nodes.json');
	return JSON.parse(fs.readFileSync(file, 'utf8')) as INodeTypeDescription[];
}

function coreDescription(node: TemplateNode): INodeTypeDescription | undefined {
	const name = node.type.slice('n8n-nodes-base.'.length);
	return coreNodeDescriptions().find(
		(description) =>
			description.name === name &&
			([] as number[]).concat(description.version).includes(node.typeVersion),
	);
}

/** The option names of a collection or fixedCollection property (one level down). */
function optionNames(property: INodeProperties | undefined, group?: string): string[] {
	const options = (property?.options ?? []) as Array<{ name: string; values?: INodeProperties[] }>;
	if (group === undefined) return options.map((option) => option.name);
	return (options.find((option) => option.name === group)?.values ?? []).map((value) => value.name);
}

function nodesOf(name: TemplateName): TemplateNode[] {
	return loadTemplate(name).nodes as unknown as TemplateNode[];
}

/** Whether a property is shown for these parameter values (its displayOptions.show, the keys we use). */
function shown(property: INodeProperties, values: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(
		([key, allowed]) => key.startsWith('@') || (allowed as unknown[]).includes(values[key]),
	);
}

describe.each(names)('the %s template', (name) => {
	const workflow = loadTemplate(name);
	const nodes = nodesOf(name);

	test('uses only n8n core nodes and the package nodes under their published type names', () => {
		for (const node of nodes) {
			if (node.type.startsWith('n8n-nodes-base.')) continue;
			expect(node.type.startsWith(prefix) && node.type.slice(prefix.length) in packageNodes).toBe(
				true,
			);
		}
	});

	test('sets only parameters the package nodes have, for the chosen resource and operation', () => {
		const unknown: string[] = [];
		for (const node of nodes.filter((candidate) => candidate.type.startsWith(prefix))) {
			const { properties, polling } = packageNodes[node.type.slice(prefix.length)].description;
			for (const key of Object.keys(node.parameters)) {
				if (polling && key === 'pollTimes') continue;
				const known = properties.some(
					(property) => property.name === key && shown(property, node.parameters),
				);
				if (!known) unknown.push(`${node.name}.${key}`);
			}
		}
		expect(unknown).toEqual([]);
	});

	test('sets only filters the Mijnwebwinkel node has', () => {
		const filters = packageNodes.mijnwebwinkel.description.properties.find(
			(property) => property.name === 'filters',
		);
		const unknown = nodes
			.filter((node) => node.type === `${prefix}mijnwebwinkel`)
			.flatMap((node) => Object.keys((node.parameters.filters ?? {}) as object))
			.filter((key) => !optionNames(filters).includes(key));
		expect(unknown).toEqual([]);
	});

	test('uses n8n core nodes in a version the pinned n8n has, with parameters they have', () => {
		const unknown: string[] = [];
		for (const node of nodes.filter((candidate) => candidate.type.startsWith('n8n-nodes-base.'))) {
			const description = coreDescription(node);
			if (!description) {
				unknown.push(`${node.name}: ${node.type} v${node.typeVersion}`);
				continue;
			}
			const known = description.properties.map((property) => property.name);
			for (const key of Object.keys(node.parameters)) {
				if (!known.includes(key)) unknown.push(`${node.name}.${key}`);
			}
		}
		expect(unknown).toEqual([]);
	});

	test('references credentials by name only: no ids, no secrets, no stored state', () => {
		const references = nodes.flatMap((node) => Object.entries(node.credentials ?? {}));
		expect(references.length).toBeGreaterThan(0);
		for (const [type, reference] of references) {
			expect(reference).toEqual({
				id: null,
				name: credentialNames[type as keyof typeof credentialNames],
			});
		}
		expect(workflow).not.toHaveProperty('staticData');
		expect(workflow).not.toHaveProperty('id');
		expect(workflow.active).toBe(false);
		expect(JSON.stringify(workflow)).not.toMatch(/sandbox-|token=|accessToken/);
	});

	test('sends every failure of every booking step to one Failed Orders node', () => {
		const connections = workflow.connections as Connections;
		// The check-shop-against-books template books nothing unless told to: its steps are Order to Invoice and Reconcile.
		const steps = name === 'reconcile' ? ['Order to Invoice', 'Reconcile'] : bookingSteps;
		for (const step of steps) {
			expect(nodes.find((node) => node.name === step)?.onError).toBe('continueErrorOutput');
			expect(connections[step].main[1]).toEqual([
				{ node: failedOrdersNode, type: 'main', index: 0 },
			]);
		}
		const failed = nodes.find((node) => node.name === failedOrdersNode);
		const fields = JSON.stringify(failed?.parameters);
		expect(fields).toContain('"name":"orderNumber"');
		expect(fields).toContain('"name":"reason"');
	});

	test('every order that reaches Order to Invoice carries its payments (gift cards, split and pay-later payments)', () => {
		const connections = workflow.connections as Connections;
		const reaches = (from: string): boolean => {
			const seen = new Set<string>();
			const next = [from];
			while (next.length > 0) {
				const name = next.pop() as string;
				if (name === 'Order to Invoice') return true;
				if (seen.has(name)) continue;
				seen.add(name);
				for (const output of connections[name]?.main ?? [])
					for (const target of output ?? []) next.push(target.node);
			}
			return false;
		};
		const sources = nodes.filter(
			(node) =>
				(node.type === `${prefix}mijnwebwinkelTrigger` ||
					(node.type === `${prefix}mijnwebwinkel` && node.parameters.operation === 'getAll')) &&
				reaches(node.name),
		);
		expect(sources.length).toBeGreaterThan(0);
		// The trigger carries them by default; Get Many only when told (it costs a call per order).
		const without = sources
			.filter((node) =>
				node.type === `${prefix}mijnwebwinkelTrigger`
					? node.parameters.includePayments === false
					: node.parameters.includePayments !== true,
			)
			.map((node) => node.name);
		expect(without).toEqual([]);
	});

	test('has a sticky note that tells the user what to set', () => {
		const notes = nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		const text = notes.map((note) => String(note.parameters.content)).join('\n');
		expect(text).toMatch(/Mijnwebwinkel account/);
		expect(text).toMatch(/e-Boekhouden account/);
		expect(text).toMatch(/ledger/i);
	});
});

test('the sync polls every 15 minutes for finished, paid orders and books them in the chain order', () => {
	const nodes = nodesOf('sync');
	const trigger = nodes.find((node) => node.type === `${prefix}mijnwebwinkelTrigger`);
	expect(trigger?.parameters.pollTimes).toEqual({
		item: [{ mode: 'everyX', value: 15, unit: 'minutes' }],
	});
	const connections = loadTemplate('sync').connections as Connections;
	const chain = [trigger?.name, ...bookingSteps];
	for (let step = 0; step < chain.length - 1; step++) {
		expect(connections[chain[step] as string].main[0]).toEqual([
			{ node: chain[step + 1], type: 'main', index: 0 },
		]);
	}
});

test('the sync also catches up every night: 03:07, finished and paid orders (credit orders too) changed in the last 7 days, into the same chain', () => {
	const nodes = nodesOf('sync');
	const schedule = nodes.find((node) => node.name === catchUpNode);
	expect(schedule?.type).toBe('n8n-nodes-base.scheduleTrigger');
	// 1.2 and lower import on n8n 1.x as well as 2.x.
	expect(schedule?.typeVersion).toBeLessThanOrEqual(1.2);
	expect(schedule?.parameters.rule).toEqual({
		interval: [{ field: 'days', daysInterval: 1, triggerAtHour: 3, triggerAtMinute: 7 }],
	});
	const ruleValues = optionNames(
		coreDescription(schedule as TemplateNode)?.properties.find(
			(property) => property.name === 'rule',
		),
		'interval',
	);
	expect(ruleValues).toEqual(
		expect.arrayContaining([
			'field',
			'daysInterval',
			'triggerAtHour',
			'triggerAtMinute',
			'expression',
		]),
	);

	const connections = loadTemplate('sync').connections as Connections;
	const [[{ node: listName }]] = connections[catchUpNode].main;
	const list = nodes.find((node) => node.name === listName);
	expect(list?.type).toBe(`${prefix}mijnwebwinkel`);
	expect(list?.parameters).toMatchObject({
		resource: 'order',
		operation: 'getAll',
		returnAll: true,
		finishedAndPaidOnly: true,
		includeCreditOrders: true,
		filters: { statusChangedStartDate: '={{ $now.minus({ days: 7 }).toISO() }}' },
	});
	expect(list?.credentials).toEqual({
		mijnwebwinkelApi: { id: null, name: credentialNames.mijnwebwinkelApi },
	});
	expect(connections[listName].main).toEqual([
		[{ node: 'Order to Invoice', type: 'main', index: 0 }],
	]);
});

test('every expression of the sync works for orders from either entry: it names only nodes both run through', () => {
	const referenced = nodesOf('sync').flatMap((node) =>
		[...JSON.stringify(node.parameters).matchAll(/\$\('([^']+)'\)/g)].map((match) => match[1]),
	);
	expect(referenced).toContain('Order to Invoice');
	expect(referenced.filter((name) => !bookingSteps.includes(name))).toEqual([]);
});

test('the history books one calendar month per execution of itself, each returning one small line to the run that called it', () => {
	const nodes = nodesOf('history') as Array<TemplateNode & { position: number[] }>;
	const connections = loadTemplate('history').connections as Connections;
	const node = (name: string) => nodes.find((candidate) => candidate.name === name);
	const next = (name: string, output = 0) =>
		(connections[name]?.main[output] ?? []).map((target) => target.node);

	expect(next('Start Import')).toEqual(['Date Range']);
	expect(next('Date Range')).toEqual(['Months of the Period']);
	expect(next('Months of the Period')).toEqual(['One Item per Month']);
	expect(next('One Item per Month')).toEqual(['Import Each Month']);
	expect(node('Import Each Month')).toMatchObject({
		type: 'n8n-nodes-base.executeWorkflow',
		parameters: {
			source: 'database',
			workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' },
			mode: 'each',
			options: { waitForSubWorkflow: true },
		},
	});
	// A call with a month books it; a call without one (`n8n execute` starts here) imports the whole Date Range.
	expect(node('When Called for One Month')?.type).toBe('n8n-nodes-base.executeWorkflowTrigger');
	expect(next('When Called for One Month')).toEqual(['Called for One Month?']);
	expect(next('Called for One Month?', 0)).toEqual(['Finished and Paid Orders']);
	expect(next('Called for One Month?', 1)).toEqual(['Date Range']);
	expect(node('Finished and Paid Orders')?.parameters.filters).toEqual({
		startDate: '={{ $json.from }}',
		endDate: '={{ $json.to }}',
	});
	// The month already bounds memory: no batches inside it (each batch would forget the relations found).
	expect(nodes.filter((candidate) => candidate.type === 'n8n-nodes-base.splitInBatches')).toEqual(
		[],
	);
	// n8n returns the last node a month ran; n8n runs the upper branch first, so Failed Orders sits above the chain
	// and Month Summary (one item) comes last.
	expect(next('Book Payment')).toEqual(['Month Summary']);
	expect(node('Month Summary')).toMatchObject({ executeOnce: true });
	expect(node(failedOrdersNode)!.position[1]).toBeLessThan(node('Book Payment')!.position[1]);
});
