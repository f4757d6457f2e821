import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { MijnwebwinkelTrigger } from '../../../nodes/Mijnwebwinkel/MijnwebwinkelTrigger.node';

type Option = INodePropertyOptions | INodeProperties | INodePropertyCollection;
const isProperty = (option: Option): option is INodeProperties =>
	'type' in option && 'default' in option;

/** Every property, the ones inside collections included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...allProperties((property.options ?? []).filter(isProperty)),
	]);
}

const nodes: Array<[string, INodeType]> = [
	['Mijnwebwinkel', new Mijnwebwinkel()],
	['Mijnwebwinkel Trigger', new MijnwebwinkelTrigger()],
];

describe.each(nodes)('%s description', (_name, node) => {
	const properties = allProperties(node.description.properties);

	it('has every default among its options', () => {
		for (const property of properties) {
			if (property.type !== 'options' && property.type !== 'multiOptions') continue;
			if (property.typeOptions?.loadOptionsMethod) continue;
			const values = (property.options as INodePropertyOptions[]).map((option) => option.value);
			const defaults =
				property.type === 'multiOptions' ? (property.default as unknown[]) : [property.default];
			for (const value of defaults)
				expect([property.name, values]).toEqual([property.name, expect.arrayContaining([value])]);
		}
	});

	it('offers a loadOptions method for every dropdown that loads its options', () => {
		const methods = Object.keys(node.methods?.loadOptions ?? {});
		for (const property of properties) {
			const method = property.typeOptions?.loadOptionsMethod;
			if (method) expect(methods).toContain(method);
		}
	});
});

describe('Mijnwebwinkel node description', () => {
	const node = new Mijnwebwinkel();
	const properties = allProperties(node.description.properties);
	const operationsOf = new Map<string, string[]>();
	for (const property of node.description.properties.filter(
		(candidate) => candidate.name === 'operation',
	)) {
		const resource = String(property.displayOptions?.show?.resource?.[0]);
		operationsOf.set(
			resource,
			(property.options as INodePropertyOptions[]).map((option) => String(option.value)),
		);
	}

	it('gives every operation an action, and every resource its operations', () => {
		expect(Object.fromEntries(operationsOf)).toEqual({
			order: ['get', 'getAll', 'getPayments'],
			orderStatus: ['getAll'],
		});
		for (const property of node.description.properties.filter(
			(candidate) => candidate.name === 'operation',
		)) {
			for (const option of property.options as INodePropertyOptions[])
				expect(option.action).toMatch(/^[A-Z]/);
		}
	});

	it('shows fields only for operations their resource has', () => {
		for (const property of properties) {
			const show = property.displayOptions?.show;
			if (!show?.operation) continue;
			const known = (show.resource ?? []).flatMap(
				(resource) => operationsOf.get(String(resource)) ?? [],
			);
			for (const operation of show.operation) expect(known).toContain(operation);
		}
	});

	it('can be used as a tool; the trigger cannot', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(new MijnwebwinkelTrigger().description.usableAsTool).toBeUndefined();
	});
});
