import { existsSync, readFileSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import type {
	ICredentialType,
	IDisplayOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Invariants over every node and credential the package registers, loaded the way n8n's loader finds them:
 * from package.json `n8n`, class named like its file. Each check collects every offender, so one failing run
 * names all of them (the invariants of n8n's node loader and of the community-package lint rules).
 */

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

function load<T>(distPath: string, suffix: '.node' | '.credentials') {
	const file = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = basename(file, `${suffix}.ts`);
	const Exported = (require(file) as Record<string, (new () => T) | undefined>)[className];
	if (!Exported) throw new Error(`${file} does not export a class named ${className}`);
	return { file, className, instance: new Exported() };
}

const nodes = pkg.n8n.nodes.map((path) => load<INodeType>(path, '.node'));
const credentials = pkg.n8n.credentials.map((path) => load<ICredentialType>(path, '.credentials'));
const credentialNames = credentials.map(({ instance }) => instance.name);

type Option = INodePropertyOptions | INodeProperties | INodePropertyCollection;
const isProperty = (option: Option): option is INodeProperties =>
	'displayName' in option && 'type' in option;
const isCollection = (option: Option): option is INodePropertyCollection => 'values' in option;
const isValue = (option: Option): option is INodePropertyOptions => 'value' in option;

interface Found {
	path: string;
	property: INodeProperties;
	/** The parameters `displayOptions` can name: the top level, or the other fields of the same collection. */
	siblings: INodeProperties[];
}

/** Every property, the ones inside collections and fixedCollections included, with a readable path. */
function walk(properties: INodeProperties[], prefix = ''): Found[] {
	return properties.flatMap((property) => {
		const path = `${prefix}${property.name}`;
		const options = property.options ?? [];
		const fields = options.filter(isProperty);
		const nested = [
			...walk(fields, `${path}.`),
			...options
				.filter(isCollection)
				.flatMap((group) => walk(group.values, `${path}.${group.name}.`)),
		];
		return [{ path, property, siblings: properties }, ...nested];
	});
}

const staticValues = (property: INodeProperties) =>
	property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions
		? undefined
		: (property.options ?? []).filter(isValue).map((option) => option.value);

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** The operation selectors and the operations each resource offers. */
function operationsByResource(properties: INodeProperties[]): Map<string, string[]> {
	const byResource = new Map<string, string[]>();
	for (const selector of properties.filter((property) => property.name === 'operation')) {
		const values = (selector.options ?? []).filter(isValue).map((option) => String(option.value));
		for (const resource of selector.displayOptions?.show?.resource ?? ['']) {
			byResource.set(String(resource), [...(byResource.get(String(resource)) ?? []), ...values]);
		}
	}
	return byResource;
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const { show = {}, hide = {} } = property.displayOptions ?? ({} as IDisplayOptions);
	const matches = (values: unknown[] | undefined, value: string) =>
		values === undefined || values.includes(value);
	return (
		matches(show.resource, resource) &&
		matches(show.operation, operation) &&
		!(hide.resource?.includes(resource) ?? false) &&
		!(hide.operation?.includes(operation) ?? false)
	);
}

/** Two same-named properties never show together when another `show` key asks for disjoint values. */
function exclusive(a: INodeProperties, b: INodeProperties): boolean {
	const showA = a.displayOptions?.show ?? {};
	const showB = b.displayOptions?.show ?? {};
	return Object.keys(showA)
		.filter((key) => key !== 'resource' && key !== 'operation' && key in showB)
		.some((key) => !(showA[key] ?? []).some((value) => (showB[key] ?? []).includes(value)));
}

/** A resource or operation selector: camelCase values, fixed per node run, an action per operation. */
function selectorProblems(selector: INodeProperties): string[] {
	const problems = selector.noDataExpression
		? []
		: [`${selector.name}: noDataExpression is not set`];
	const resource = selector.displayOptions?.show?.resource ?? [];
	for (const option of (selector.options ?? []).filter(isValue)) {
		const value = String(option.value);
		if (!/^[a-z][a-zA-Z0-9]*$/.test(value))
			problems.push(`${selector.name} "${option.name}": value "${value}" is not camelCase`);
		if (selector.name === 'operation' && !option.action?.trim())
			problems.push(`operation ${resource}/${value}: no action`);
	}
	return problems;
}

type Icon = string | { light: string; dark: string } | undefined;
function iconFiles(icon: Icon, file: string): string[] {
	const paths = typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : [];
	return paths.map((path) => join(dirname(file), path.replace(/^file:/, '')));
}

const CATEGORIES = [
	'Data & Storage',
	'Finance & Accounting',
	'Marketing & Content',
	'Productivity',
	'Miscellaneous',
	'Sales',
	'Development',
	'Analytics',
	'Communication',
	'Utility',
];
const EXPECTED_CATEGORY: Record<string, string> = {
	mijnwebwinkel: 'Sales',
	mijnwebwinkelTrigger: 'Sales',
	eBoekhouden: 'Finance & Accounting',
};

describe.each(nodes.map((node) => [node.className, node] as const))('%s node', (_name, node) => {
	const { description, methods } = node.instance;
	const all = walk(description.properties);
	const topLevel = description.properties;
	const byResource = operationsByResource(topLevel);
	const resources = topLevel
		.filter((property) => property.name === 'resource')
		.flatMap((property) => staticValues(property) ?? [])
		.map(String);

	it('gives every options field a default that is one of its options', () => {
		const wrong = all.flatMap(({ path, property }) => {
			if (property.type !== 'options' && property.type !== 'multiOptions') return [];
			if (!('default' in property) || property.default === undefined)
				return [`${path}: no default`];
			const values = staticValues(property);
			if (!values || isExpression(property.default)) return [];
			const defaults =
				property.type === 'multiOptions' ? (property.default as unknown[]) : [property.default];
			if (!Array.isArray(defaults)) return [`${path}: multiOptions default is not a list`];
			return defaults
				.filter((value) => !values.includes(value as string))
				.map(
					(value) => `${path}: default ${JSON.stringify(value)} is not among ${values.join(', ')}`,
				);
		});
		expect(wrong).toEqual([]);
	});

	it('gives collections and resource locators defaults they can hold', () => {
		const wrong = all.flatMap(({ path, property }) => {
			if (property.type === 'resourceLocator') {
				const mode = (property.default as { mode?: string } | undefined)?.mode;
				const modes = (property.modes ?? []).map((entry) => entry.name);
				return modes.includes(mode ?? '')
					? []
					: [`${path}: default mode ${mode} not among ${modes}`];
			}
			if (property.type !== 'collection' && property.type !== 'fixedCollection') return [];
			const names = (property.options ?? []).map((option) => option.name);
			return Object.keys((property.default as object) ?? {})
				.filter((key) => !names.includes(key))
				.map((key) => `${path}: default names ${key}, which is not one of its fields`);
		});
		expect(wrong).toEqual([]);
	});

	it('uses stable camelCase values for resources and operations, each operation with an action', () => {
		const selectors = topLevel.filter((p) => p.name === 'resource' || p.name === 'operation');
		expect(selectors.flatMap(selectorProblems)).toEqual([]);
		const actions = selectors
			.filter((selector) => selector.name === 'operation')
			.flatMap((selector) =>
				(selector.options ?? []).filter(isValue).map((option) => option.action),
			);
		expect(actions.filter((action, index) => actions.indexOf(action) !== index)).toEqual([]);
	});

	it('shows fields only for resources, operations and values that exist', () => {
		const wrong = all.flatMap(({ path, property, siblings }) => {
			const { show = {}, hide = {} } = property.displayOptions ?? ({} as IDisplayOptions);
			const named = (show.resource ?? resources).map(String);
			const known = named.flatMap((resource) => byResource.get(resource) ?? []);
			return [...Object.entries(show), ...Object.entries(hide)].flatMap(([key, values = []]) => {
				if (key.startsWith('@')) return [];
				if (key === 'resource')
					return values
						.filter((v) => !resources.includes(String(v)))
						.map((v) => `${path}: resource ${String(v)}`);
				if (key === 'operation')
					return values
						.filter((v) => !known.includes(String(v)))
						.map((v) => `${path}: operation ${String(v)} of ${named}`);
				const scope = key.startsWith('/') ? topLevel : siblings;
				const target = scope.find((candidate) => candidate.name === key.replace(/^\//, ''));
				if (!target) return [`${path}: shown by ${key}, which is not a parameter`];
				const allowed =
					target.type === 'boolean'
						? [true, false]
						: target.type === 'options'
							? staticValues(target)
							: undefined;
				return allowed
					? values
							.filter((v) => !allowed.includes(v as string))
							.map((v) => `${path}: ${key} is never ${String(v)}`)
					: [];
			});
		});
		expect(wrong).toEqual([]);
	});

	it('never shows two fields with the same name at once', () => {
		const combinations = byResource.size
			? [...byResource].flatMap(([resource, operations]) => operations.map((op) => [resource, op]))
			: [['', '']];
		const clashes = combinations.flatMap(([resource, operation]) => {
			const visible = topLevel.filter((property) => shownFor(property, resource, operation));
			return visible.flatMap((a, index) =>
				visible
					.slice(index + 1)
					.filter((b) => b.name === a.name && !exclusive(a, b))
					.map(() => `${resource}/${operation}: ${a.name} twice`),
			);
		});
		expect(clashes).toEqual([]);
	});

	it('has a subtitle naming only parameters it has', () => {
		expect(description.subtitle).toEqual(expect.stringMatching(/\S/));
		const named = [...String(description.subtitle).matchAll(/\$parameter\[["'](\w+)["']\]/g)];
		const names = topLevel.map((property) => property.name);
		expect(named.map((match) => match[1]).filter((name) => !names.includes(name))).toEqual([]);
	});

	it('has a light and a dark icon, two different files on disk', () => {
		const files = iconFiles(description.icon as Icon, node.file);
		expect(files).toHaveLength(2);
		expect(files.filter((file) => !existsSync(file))).toEqual([]);
		expect(readFileSync(files[0], 'utf8')).not.toEqual(readFileSync(files[1], 'utf8'));
	});

	it('has its codex file beside it, in the right category', () => {
		const codexFile = node.file.replace(/\.ts$/, '.json');
		expect(existsSync(codexFile)).toBe(true);
		const codex = JSON.parse(readFileSync(codexFile, 'utf8')) as Record<string, unknown>;
		expect(codex).toMatchObject({
			node: `${pkg.name}.${description.name}`,
			nodeVersion: '1.0',
			codexVersion: '1.0',
		});
		const categories = codex.categories as string[];
		expect(categories.filter((category) => !CATEGORIES.includes(category))).toEqual([]);
		const expected = EXPECTED_CATEGORY[description.name];
		if (expected) expect(categories).toContain(expected);
	});

	it('is a polling trigger without inputs, or an action node usable as a tool', () => {
		if (node.className.endsWith('Trigger')) {
			expect(description).toMatchObject({ polling: true, inputs: [], group: ['trigger'] });
			expect(description.name).toMatch(/Trigger$/);
			expect(description.displayName).toContain('Trigger');
			expect(description.usableAsTool).toBeUndefined();
		} else {
			expect(description.polling).toBeUndefined();
			expect(description.usableAsTool).toBe(true);
			expect(description.inputs).toEqual([NodeConnectionTypes.Main]);
		}
		expect(description.outputs).toEqual([NodeConnectionTypes.Main]);
	});

	it('uses only the credentials of this package', () => {
		const used = (description.credentials ?? []).map((credential) => credential.name);
		expect(used.filter((name) => !credentialNames.includes(name))).toEqual([]);
	});

	it('has every list and dropdown method its fields name', () => {
		const named = { loadOptions: new Set<string>(), listSearch: new Set<string>() };
		for (const { property } of all) {
			const loader = property.typeOptions?.loadOptionsMethod;
			if (loader) named.loadOptions.add(loader);
			for (const mode of property.modes ?? []) {
				const search = mode.typeOptions?.searchListMethod;
				if (search) named.listSearch.add(search);
			}
		}
		for (const kind of ['loadOptions', 'listSearch'] as const) {
			const declared = Object.keys(methods?.[kind] ?? {});
			expect({
				kind,
				missing: [...named[kind]].filter((name) => !declared.includes(name)),
			}).toEqual({
				kind,
				missing: [],
			});
		}
	});
});

describe('e-Boekhouden.nl write operations', () => {
	const node = nodes.find(({ instance }) => instance.description.name === 'eBoekhouden');
	const properties = node?.instance.description.properties ?? [];
	// The booking chain: the operations that write what an order becomes. Relation Create/Update stay plain CRUD.
	const WRITES = [
		'relation/findOrCreate',
		'invoice/create',
		'payment/bookInvoicePayment',
		'payment/bookRefund',
	];
	const writes = [...operationsByResource(properties)].flatMap(([resource, operations]) =>
		operations
			.filter((operation) => WRITES.includes(`${resource}/${operation}`))
			.map((op) => [resource, op]),
	);
	const without = (property: INodeProperties | undefined) => {
		if (!property) return undefined;
		return {
			...property,
			displayOptions: undefined,
			options: property.options?.map((option) => ({ ...option, description: '' })),
		};
	};
	const fieldFor = (name: string, resource: string, operation: string) =>
		properties.find((p) => p.name === name && shownFor(p, resource, operation));

	it('in the booking chain all offer Input Mode and Draft, so each can book straight from an Order to Invoice draft', () => {
		expect(writes.length).toBeGreaterThanOrEqual(WRITES.length);
		const missing = writes.flatMap(([resource, op]) =>
			['inputMode', 'draft']
				.filter((name) => !fieldFor(name, resource, op))
				.map((name) => `${resource}/${op} has no ${name}`),
		);
		expect(missing).toEqual([]);
	});

	it('offer the very same Input Mode and Draft fields, starting from the draft', () => {
		for (const name of ['inputMode', 'draft']) {
			const found = writes
				.map(([resource, op]) => ({
					at: `${resource}/${op}`,
					field: without(fieldFor(name, resource, op)),
				}))
				.filter(({ field }) => field !== undefined);
			expect(found.length).toBeGreaterThan(1);
			const reference = found[0].field;
			expect(reference).toMatchObject({ default: name === 'draft' ? '={{ $json }}' : 'draft' });
			for (const { at, field } of found) expect({ at, field }).toEqual({ at, field: reference });
		}
	});
});

describe.each(credentials.map((entry) => [entry.className, entry] as const))(
	'%s credential',
	(className, { instance, file }) => {
		it('is named like its class and file, with a test request and documentation', () => {
			expect(className).toMatch(/Api$/);
			expect(instance.name).toBe(className.charAt(0).toLowerCase() + className.slice(1));
			expect(instance.test?.request).toBeDefined();
			expect(instance.documentationUrl).toMatch(/^https:\/\//);
		});

		it('hides every secret', () => {
			const secrets = instance.properties.filter((property) =>
				/token|secret|password|key/i.test(property.name),
			);
			expect(secrets.length).toBeGreaterThan(0);
			const shown = secrets.filter((property) => property.typeOptions?.password !== true);
			expect(shown.map((property) => property.name)).toEqual([]);
		});

		it('gives every options field a default among its options', () => {
			const wrong = walk(instance.properties).filter(
				({ property }) =>
					property.type === 'options' &&
					!(staticValues(property) ?? []).includes(property.default as string),
			);
			expect(wrong.map(({ path }) => path)).toEqual([]);
		});

		it('has a light and a dark icon, two different files on disk', () => {
			const files = iconFiles(instance.icon as Icon, file);
			expect(files).toHaveLength(2);
			expect(files[0]).not.toEqual(files[1]);
			expect(files.filter((path) => !existsSync(path))).toEqual([]);
		});
	},
);
