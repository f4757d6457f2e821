/**
 * The official Mijnwebwinkel spec as a response validator: openapi-backend's `validateResponse`, run in a child
 * process (see spec-worker.js). The spec is `spec/openapi.yaml` of https://github.com/MyOnlineStore/public-api-docs
 * (commit f5fb115e, 2025-04-23), read where it lies, never copied into this repository (see locateSpec).
 * Three errata are applied in memory, each where the spec's schema contradicts the spec's own `Order`
 * example; everything else is validated as published.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The variable that names the spec file (absolute, or relative to the working directory). */
export const SPEC_ENV = 'MWW_OPENAPI_SPEC';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Where the spec is looked for when the variable is not set: a `shared/reference` folder beside the repository. */
export const DEFAULT_SPEC_PATH = path.resolve(
	REPO_ROOT,
	'..',
	'shared',
	'reference',
	'mijnwebwinkel-openapi.yaml',
);

export interface SpecLocation {
	/** The file the contract test reads. */
	path: string;
	/** Whether the path came from the environment variable (then a missing file is an error, not a skip). */
	fromEnv: boolean;
	found: boolean;
}

/** The spec named by MWW_OPENAPI_SPEC, or else the default path beside the repository. */
export function locateSpec(env: NodeJS.ProcessEnv = process.env): SpecLocation {
	const named = env[SPEC_ENV]?.trim();
	const file = named ? path.resolve(named) : DEFAULT_SPEC_PATH;
	return { path: file, fromEnv: Boolean(named), found: existsSync(file) };
}

/** The one line a run without the spec prints for a suite: why it is skipped, and how to run it. */
export function skipNotice(suite: string, location: SpecLocation): string {
	return (
		`Skipping "${suite}": no Mijnwebwinkel OpenAPI spec at ${location.path}. ` +
		`To run it, set ${SPEC_ENV} to spec/openapi.yaml of https://github.com/MyOnlineStore/public-api-docs.`
	);
}

/**
 * A suite that needs the spec: it runs when the spec is found or named by the variable (a named file that is
 * missing fails the suite), and is otherwise skipped with one line on stdout (console.log would print a block
 * with a stack trace).
 */
export function describeWithSpec(suite: string, body: (location: SpecLocation) => void): void {
	const location = locateSpec();
	if (location.found || location.fromEnv) {
		describe(suite, () => body(location));
		return;
	}
	process.stdout.write(`${skipNotice(suite, location)}\n`);
	describe.skip(suite, () => body(location));
}

/**
 * js-yaml 4 (installed with eslint) reads the spec; the js-yaml 5 inside openapi-backend's ref parser refuses
 * its multi-line description at line 1211 ("deficient indentation").
 */
const yaml = require('js-yaml') as { load(text: string): unknown };

type Schema = Record<string, unknown>;
/** One ajv error, as openapi-backend reports it. */
export interface SpecError {
	instancePath: string;
	keyword: string;
	message?: string;
	params: Record<string, unknown>;
}
interface SpecDocument {
	paths: Record<
		string,
		Record<
			string,
			{ responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
		>
	>;
	components: { schemas: Record<string, Schema> };
}

/** Formats the spec uses, checked strictly where the shop produces them. */
const FORMATS: Record<string, RegExp> = {
	date: /^\d{4}-\d{2}-\d{2}$/,
	'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
	time: /^\d{2}:\d{2}:\d{2}$/,
	uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
	email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
	iban: /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/,
	'vat-number': /^[A-Z]{2}[0-9A-Z]{2,13}$/,
	base64: /^[A-Za-z0-9+/]*={0,2}$/,
};

function isSchema(value: unknown): value is Schema {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walkSchema(schema: unknown, visit: (schema: Schema) => void): void {
	if (!isSchema(schema) || '$ref' in schema) return;
	visit(schema);
	for (const key of ['allOf', 'oneOf', 'anyOf']) {
		const members = schema[key];
		if (Array.isArray(members)) for (const member of members) walkSchema(member, visit);
	}
	walkSchema(schema.items, visit);
	walkSchema(schema.additionalProperties, visit);
	if (isSchema(schema.properties))
		for (const property of Object.values(schema.properties)) walkSchema(property, visit);
}

/** The errata, applied to the parsed (not yet dereferenced) document. */
export function applyErrata(doc: SpecDocument): void {
	const { schemas } = doc.components;
	// E1. OrderArticle requires `rate` and `amount` at the article's top level and inherits the POST shape,
	// whose options require `list_option_id`; its example has neither: `{id, description, price: {amount, rate}, options}`.
	const articleAllOf = schemas.OrderArticle.allOf as Schema[];
	schemas.OrderArticle = {
		allOf: [{ required: ['id'], properties: { id: { type: 'integer' } } }, articleAllOf[2]],
	};
	// E2. OrderArticleListOption types `price` as a string; the example's "Action price" option has `{amount, rate}`.
	schemas.OrderArticleListOption = {
		properties: {
			list_option_id: { type: 'integer' },
			description: { type: 'string' },
			price: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/TaxPrice' }] },
		},
	};
	// E3. Schemas with properties but no `type` are objects. Without this, ajv refuses `nullable` without `type`
	// (Payment.order.customer.invoiceAddress.street), `oneOf: [TaxPrice[], TaxPrice]` matches an array twice and
	// fails every array price (the example's too), and any non-object passes as such a schema.
	const roots = [
		...Object.values(schemas),
		...Object.values(doc.paths).flatMap((operations) =>
			Object.values(operations).flatMap((operation) =>
				Object.values(operation.responses ?? {}).flatMap((response) =>
					Object.values(response.content ?? {}).map((content) => content.schema),
				),
			),
		),
	];
	for (const root of roots) {
		walkSchema(root, (schema) => {
			const combined = 'allOf' in schema || 'oneOf' in schema || 'anyOf' in schema;
			if (!('type' in schema) && !combined && ('properties' in schema || 'required' in schema))
				schema.type = 'object';
		});
	}
}

export interface SpecValidator {
	/** Errors of a 200 answer of this operation (empty when it matches the spec). */
	response(operationId: string, body: unknown): Promise<SpecError[]>;
	/** Errors of a body against a named schema of components/schemas (e.g. `Error`, `ApiProblem`). */
	schema(name: string, body: unknown): Promise<SpecError[]>;
	close(): void;
}

type Reply = { id: number; errors?: SpecError[]; failure?: string };

export async function loadSpecValidator(
	location: SpecLocation = locateSpec(),
): Promise<SpecValidator> {
	if (!location.found) {
		throw new Error(
			`${location.fromEnv ? SPEC_ENV : 'The default spec path'} names ${location.path}, which does not exist`,
		);
	}
	const definition = yaml.load(readFileSync(location.path, 'utf8')) as SpecDocument;
	applyErrata(definition);
	const worker: ChildProcess = fork(path.join(__dirname, 'spec-worker.js'), [], {
		execArgv: [],
		stdio: 'inherit',
	});
	const waiting = new Map<number, (reply: Reply) => void>();
	worker.on('message', (reply: Reply) => waiting.get(reply.id)?.(reply));
	let next = 0;
	const ask = (message: Record<string, unknown>) =>
		new Promise<SpecError[]>((resolve, reject) => {
			const id = next++;
			waiting.set(id, (reply) => {
				waiting.delete(id);
				if (reply.failure) reject(new Error(reply.failure));
				else resolve(reply.errors ?? []);
			});
			worker.send({ id, ...message });
		});
	const formats = Object.fromEntries(
		Object.entries(FORMATS).map(([name, pattern]) => [
			name,
			{ source: pattern.source, flags: pattern.flags },
		]),
	);
	try {
		await ask({ type: 'init', definition, formats });
	} catch (error) {
		worker.kill();
		throw error;
	}
	return {
		response: (operationId, body) => ask({ type: 'response', operationId, body }),
		schema: (name, body) => ask({ type: 'schema', name, body }),
		close: () => {
			worker.kill();
		},
	};
}
