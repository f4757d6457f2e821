/**
 * Runs both sandbox servers until Ctrl+C (SIGINT) or SIGTERM:
 *   npm run sandbox -- --shop-port 18081 --books-port 18082 [--orders FILE | --count 200 --seed 42] [--include-oss]
 *     [--latency-ms 150 --jitter-ms 30 | --books-latency-ms 150 --shop-latency-ms 80 ...]
 * FILE is a JSON array of orders (or `{ "orders": [...] }`), served exactly as written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { setLatency, type Latency } from './common';
import { startSandbox, type SandboxOptions } from './index';

export const DEFAULT_SHOP_PORT = 18081;
export const DEFAULT_BOOKS_PORT = 18082;
export const SANDBOX_API_TOKEN = 'sandbox-api-token';
const DEFAULT_SEED = { count: 200, seed: 42 };

const USAGE = `Usage: npm run sandbox -- [options]
  --shop-port N     Mijnwebwinkel shop port (default ${DEFAULT_SHOP_PORT}; 0 = any free port)
  --books-port N    e-Boekhouden port (default ${DEFAULT_BOOKS_PORT}; 0 = any free port)
  --orders FILE     serve exactly the orders in this JSON file
  --count N         generate N orders (default ${DEFAULT_SEED.count})
  --seed N          seed for the generated orders (default ${DEFAULT_SEED.seed})
  --include-oss     add B2C orders to other EU countries at their own VAT rates
  --period-days N   spread generated orders over the last N days (default 60)
  --latency-ms N    answer every request of both servers N ms later, as a real network does (default 0)
  --jitter-ms N     each answer up to N ms faster or slower than --latency-ms (default 0)
  --shop-latency-ms N, --shop-jitter-ms N, --books-latency-ms N, --books-jitter-ms N
                    the same for one server (wins over the two above)
  Change it while running: POST /__admin/latency {"latencyMs":150,"jitterMs":30} on either server.`;

export interface LatencyOptions {
	shop: Partial<Latency>;
	books: Partial<Latency>;
}

const LATENCY_FLAGS = [
	'latency-ms',
	'jitter-ms',
	'shop-latency-ms',
	'shop-jitter-ms',
	'books-latency-ms',
	'books-jitter-ms',
] as const;

/** Latency per server from `--latency-ms`/`--jitter-ms` and their `--shop-`/`--books-` forms; only what was given. */
export function readLatency(values: Partial<Record<string, string | boolean>>): LatencyOptions {
	const number = (name: string): number | undefined => {
		const raw = values[name];
		if (raw === undefined) return undefined;
		if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > 60_000)
			throw new Error(
				`--${name} must be a whole number of milliseconds from 0 to 60000, got "${String(raw)}"`,
			);
		return Number(raw);
	};
	const forServer = (server: 'shop' | 'books'): Partial<Latency> => {
		const latencyMs = number(`${server}-latency-ms`) ?? number('latency-ms');
		const jitterMs = number(`${server}-jitter-ms`) ?? number('jitter-ms');
		return {
			...(latencyMs !== undefined ? { latencyMs } : {}),
			...(jitterMs !== undefined ? { jitterMs } : {}),
		};
	};
	return { shop: forServer('shop'), books: forServer('books') };
}

/** Sets the latency of both running servers (through their admin endpoints); the ones given none stay as they are. */
export async function applyLatency(
	urls: { shopUrl: string; booksUrl: string },
	latency: LatencyOptions,
): Promise<void> {
	if (Object.keys(latency.shop).length) await setLatency(urls.shopUrl, latency.shop);
	if (Object.keys(latency.books).length) await setLatency(urls.booksUrl, latency.books);
}

/** "150 ± 30 ms", for a banner. */
export function describeLatency(latency: Partial<Latency>): string {
	if (!latency.latencyMs && !latency.jitterMs) return 'no added latency';
	return `${latency.latencyMs ?? 0} ± ${latency.jitterMs ?? 0} ms per answer`;
}

export interface CliOptions {
	help: boolean;
	sandbox: SandboxOptions;
	/** What the shop serves, for the banner. */
	describeOrders: string;
	latency: LatencyOptions;
}

function whole(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}"`);
	return Number(value);
}

function readOrders(file: string): unknown[] {
	const parsed: unknown = JSON.parse(readFileSync(resolve(file), 'utf8'));
	const orders = Array.isArray(parsed) ? parsed : (parsed as { orders?: unknown } | null)?.orders;
	if (!Array.isArray(orders))
		throw new Error(`${file} must hold a JSON array of orders or { "orders": [...] }`);
	return orders;
}

export function parseCliOptions(argv: string[]): CliOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			help: { type: 'boolean', short: 'h' },
			'shop-port': { type: 'string' },
			'books-port': { type: 'string' },
			orders: { type: 'string' },
			count: { type: 'string' },
			seed: { type: 'string' },
			'include-oss': { type: 'boolean' },
			'period-days': { type: 'string' },
			...Object.fromEntries(LATENCY_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
		},
		strict: true,
	});
	const shopPort = whole('shop-port', values['shop-port'], DEFAULT_SHOP_PORT);
	const booksPort = whole('books-port', values['books-port'], DEFAULT_BOOKS_PORT);
	const books = { port: booksPort, apiToken: SANDBOX_API_TOKEN };
	const latency = readLatency(values);
	if (values.orders !== undefined) {
		const orders = readOrders(values.orders);
		const sandbox = { shop: { port: shopPort, orders }, books };
		return {
			help: values.help ?? false,
			sandbox,
			describeOrders: `${orders.length} orders from ${values.orders}`,
			latency,
		};
	}
	const seed = {
		count: whole('count', values.count, DEFAULT_SEED.count),
		seed: whole('seed', values.seed, DEFAULT_SEED.seed),
		includeOss: values['include-oss'] ?? false,
		periodDays: whole('period-days', values['period-days'], 60),
	};
	const describeOrders = `${seed.count} generated orders (seed ${seed.seed}${seed.includeOss ? ', with OSS' : ''})`;
	return {
		help: values.help ?? false,
		sandbox: { shop: { port: shopPort, seed }, books },
		describeOrders,
		latency,
	};
}

async function main(): Promise<void> {
	let options: CliOptions;
	try {
		options = parseCliOptions(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (options.help) {
		console.log(USAGE);
		return;
	}
	const sandbox = await startSandbox(options.sandbox);
	await applyLatency(sandbox, options.latency);
	console.log(
		[
			'Sandbox running. Stop with Ctrl+C.',
			'',
			`Mijnwebwinkel shop   ${sandbox.shopUrl}   (${options.describeOrders})`,
			`  store token        ${sandbox.shop.storeToken}`,
			`  partner token      ${sandbox.shop.partnerToken}`,
			`  admin              ${sandbox.shopUrl}/__admin/state   ${sandbox.shopUrl}/__admin/requests`,
			`  latency            ${describeLatency(options.latency.shop)}`,
			`e-Boekhouden         ${sandbox.booksUrl}`,
			`  API token          ${SANDBOX_API_TOKEN}`,
			`  admin              ${sandbox.booksUrl}/__admin/state   ${sandbox.booksUrl}/__admin/requests`,
			`  latency            ${describeLatency(options.latency.books)}`,
		].join('\n'),
	);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`The sandbox could not start: ${error.message}`);
		process.exit(1);
	});
}
