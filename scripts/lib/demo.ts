import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSandbox } from '../../test/sandbox';
import {
	applyLatency,
	describeLatency,
	readLatency,
	type LatencyOptions,
} from '../../test/sandbox/cli';
import { isUnfinished, itemsOf, readExecutions, type Execution } from './executions';
import { historyForPeriod, runHistoryCli, waitForPublishedHistory } from './history';
import type { N8nProcess, Owner } from './n8nProcess';
import { ensureTarball } from './packageInstall';
import { repoPath } from './repo';
import { setUpN8n, startAndWaitForPoll, waitUntilSettled } from './stack';
import { failedOrdersNode, prepareWorkflow } from './workflows';
import { shopToday } from './shopDate';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface DemoOptions {
	/** Orders to serve instead of the generated demo shop. */
	orders?: unknown[];
	seed?: { count: number; seed: number };
	n8nPort: number;
	shopPort: number;
	booksPort: number;
	/** Latency added to every answer of the sandbox servers (`--latency-ms`, `--jitter-ms`, per server too). */
	latency?: LatencyOptions;
	/** Order to Invoice's Booking Mode in both templates (`--booking-mode`); unset: the templates' own default. */
	bookingMode?: BookingModeValue;
	/**
	 * Which shipped template books the orders (`--template`): `sync` (default: published, its poll brings them in) or
	 * `history` (published, the sync only imported; `runHistory` books the period of the shop's orders month by month).
	 */
	template?: DemoTemplate;
	log: (line: string) => void;
}

export type DemoTemplate = 'sync' | 'history';

/** `--template sync|history`; a clear error for anything else. */
export function templateFromArgs(args: Record<string, string | boolean>): DemoTemplate {
	const flag = args.template ?? 'sync';
	if (flag !== 'sync' && flag !== 'history')
		throw new Error(`--template must be sync or history (got "${String(flag)}")`);
	return flag;
}

type BookingModeValue = 'invoice' | 'journalEntry' | 'cashSale';
const BOOKING_MODE_FLAGS: Record<string, BookingModeValue> = {
	invoice: 'invoice',
	journal: 'journalEntry',
	cash: 'cashSale',
};

/** `--booking-mode invoice|journal|cash` as Order to Invoice's parameter value; a clear error for anything else. */
export function bookingModeFromArgs(
	args: Record<string, string | boolean>,
): BookingModeValue | undefined {
	const flag = args['booking-mode'];
	if (flag === undefined) return undefined;
	const mode = BOOKING_MODE_FLAGS[String(flag)];
	if (!mode)
		throw new Error(`--booking-mode must be invoice, journal or cash (got "${String(flag)}")`);
	return mode;
}

/** The sandbox latency from `npm start`/`npm run demo` arguments (`--latency-ms 150 --jitter-ms 30`, ...). */
export function latencyFromArgs(args: Record<string, string | boolean>): LatencyOptions {
	return readLatency(args);
}

export interface Demo {
	sandbox: Sandbox;
	n8n: N8nProcess;
	owner: Owner;
	template: DemoTemplate;
	stop(): Promise<void>;
}

export const demoOwner: Owner = {
	email: 'demo@example.com',
	password: 'Sandbox-demo-1',
	firstName: 'Demo',
	lastName: 'Shop owner',
};

/** The day before the oldest order, so "Import Orders Since" brings in every order of the shop. */
export function importSinceFor(orders: unknown[]): string {
	const days = orders
		.map((order) => (order as Record<string, unknown>)?.date)
		.filter((date): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date))
		.sort();
	const oldest = days.length ? new Date(`${days[0].slice(0, 10)}T00:00:00Z`) : new Date();
	oldest.setUTCDate(oldest.getUTCDate() - 1);
	return oldest.toISOString().slice(0, 10);
}

/** Sandbox first (n8n's activation poll must reach it), then n8n with the package, credentials and the sync active. */
export async function startDemo(options: DemoOptions): Promise<Demo> {
	const { log } = options;
	const runDir = repoPath('.demo', 'run');
	fs.rmSync(runDir, { recursive: true, force: true });
	fs.mkdirSync(runDir, { recursive: true });

	log('Building and packing the package…');
	const tarball = ensureTarball();
	const sandbox = await startSandbox({
		shop: options.orders
			? { port: options.shopPort, orders: options.orders }
			: { port: options.shopPort, seed: options.seed },
		books: { port: options.booksPort },
	});
	let n8n: N8nProcess | undefined;
	const stop = async () => {
		await n8n?.stop();
		await sandbox.close();
	};
	try {
		if (options.latency) {
			await applyLatency(sandbox, options.latency);
			log(
				`Sandbox latency: shop ${describeLatency(options.latency.shop)}, e-Boekhouden ${describeLatency(options.latency.books)}`,
			);
		}
		const bookingMode: Record<string, Record<string, unknown>> = options.bookingMode
			? { orderToInvoice: { bookingMode: options.bookingMode } }
			: {};
		const sync = prepareWorkflow('sync', {
			...bookingMode,
			mijnwebwinkelTrigger: {
				// A full date-time, as the editor's date picker writes it, so the panel shows the date.
				importSince: `${importSinceFor(sandbox.shop.orders())}T00:00:00`,
				// Every minute instead of the template's 15, so a demo shows its result while you watch; the
				// per-poll limit stays the template's default (250), so the calls counted are what users pay.
				pollTimes: { item: [{ mode: 'everyMinute' }] },
			},
		});
		const template = options.template ?? 'sync';
		// The history template over the period of the shop's orders; published, so `n8n execute` may call it.
		const history =
			template === 'history'
				? historyForPeriod(importSinceFor(sandbox.shop.orders()), shopToday(), bookingMode)
				: prepareWorkflow('history', bookingMode);
		log('Installing the package into n8n and importing the templates…');
		n8n = await setUpN8n({
			runDir,
			sandbox,
			tarball,
			owner: demoOwner,
			port: options.n8nPort,
			workflows: [
				{ workflow: sync, publish: template === 'sync' },
				{ workflow: history, publish: template === 'history' },
			],
		});
		log('Starting n8n…');
		if (template === 'sync') await startAndWaitForPoll(n8n, sandbox);
		else {
			await n8n.start();
			await waitForPublishedHistory(n8n);
		}
		return { sandbox, n8n, owner: demoOwner, template, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

export interface SyncOutcome {
	executions: Execution[];
	failedOrders: unknown[];
	failedExecutions: Execution[];
}

/** Waits until the poll's executions are done and reports what failed (executions and orders). */
export async function waitForSync(demo: Demo): Promise<SyncOutcome> {
	await waitUntilSettled(demo.n8n, demo.sandbox, { quietMs: 3_000, timeoutMs: 600_000 });
	const executions = readExecutions(demo.n8n, true);
	return {
		executions,
		failedOrders: itemsOf(executions, failedOrdersNode),
		failedExecutions: executions.filter(
			(execution) => !isUnfinished(execution) && execution.status !== 'success',
		),
	};
}

/**
 * The history template run once over the period of the shop's orders (`n8n execute`, one execution per month), then
 * what failed, as waitForSync reports it.
 */
export async function runHistory(demo: Demo): Promise<SyncOutcome> {
	const run = await runHistoryCli(demo.n8n);
	const executions = readExecutions(demo.n8n, true);
	const failedExecutions = executions.filter(
		(execution) => !isUnfinished(execution) && execution.status !== 'success',
	);
	if (run.status !== 0 && failedExecutions.length === 0)
		throw new Error(`n8n execute of the history template exited ${run.status}:\n${run.output}`);
	return {
		executions,
		failedOrders: itemsOf(executions, failedOrdersNode),
		failedExecutions,
	};
}

/** The sandbox books in e-Boekhouden's own field names, plus the calls each sandbox received per endpoint. */
export function booksReport(sandbox: Sandbox): Record<string, unknown> {
	const state = sandbox.books.state();
	return {
		relations: state.relations,
		invoices: state.invoices,
		mutations: state.mutations,
		requests: { mijnwebwinkel: sandbox.shop.counts(), eBoekhouden: sandbox.books.counts() },
	};
}

export function writeReport(file: string, report: Record<string, unknown>): void {
	fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
