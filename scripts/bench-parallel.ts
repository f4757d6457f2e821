/**
 * Issue 17: how long a real import takes on a real network. Books orders through the HISTORY TEMPLATE in a real n8n
 * (the cached runtime, `n8n execute`, as a user's "Execute workflow") against the sandbox with a latency on every
 * answer of both APIs, once with one request in flight and once with the template's own Requests in Parallel, and
 * prints wall time, orders per second, e-Boekhouden calls per order and the peak RSS of the n8n process.
 * Optionally the sync template too (one poll bringing in all orders, n8n start).
 *
 *   npx tsc -p tsconfig.test.json && node .build/scripts/bench-parallel.js \
 *     [--orders 2000] [--serial-orders 500] [--latency-ms 150] [--jitter-ms 0] [--shop-latency-ms 150]
 *     [--sync-orders 1000] [--skip-serial] [--skip-default] [--width N (instead of what the template sets: 16 on the history template, 8 on the sync)]
 *
 * `--orders` is the number of orders to book (finished and paid); the shop holds more (unpaid, cancelled, test
 * orders, which the template rightly skips). `--serial-orders` books fewer at one request in flight, which otherwise
 * takes a quarter of an hour. Builds and packs the package first (npm run build wipes dist/).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { startSandbox, type Sandbox } from '../test/sandbox';
import { setLatency } from '../test/sandbox/common';
import { importSinceFor } from './lib/demo';
import { isUnfinished, itemsOf, readExecutions } from './lib/executions';
import type { N8nProcess, Owner } from './lib/n8nProcess';
import { waitForPublishedHistory } from './lib/history';
import { ensureTarball } from './lib/packageInstall';
import { loadRuntime, repoPath } from './lib/repo';
import { freePort, setUpN8n, startAndWaitForPoll, waitFor } from './lib/stack';
import { failedOrdersNode, prepareWorkflow, workflowIds } from './lib/workflows';
import { shopToday } from './lib/shopDate';

const owner: Owner = {
	email: 'bench@example.com',
	password: 'Bench-Passw0rd',
	firstName: 'Bench',
	lastName: 'Owner',
};

/** Share of generated shop orders that are finished and paid (measured on the generator's default mix). */
const BOOKABLE_SHARE = 0.62;
const WRITING_NODES = ['Find or Create Relation', 'Create Invoice', 'Book Payment'];

interface Result {
	label: string;
	/** From the first to the last request each API received: the time spent reading the shop / booking. */
	shopSeconds: number;
	booksSeconds: number;
	width: string;
	orders: number;
	wallSeconds: number;
	executionSeconds?: number;
	booksCalls: number;
	shopCalls: number;
	peakRssMb: number;
	/** CPU time of the n8n process (user + system), to tell waiting on the network from a busy CPU. */
	cpuSeconds: number;
	/** Seconds each node ran, summed over its runs (from n8n's execution data). */
	nodeSeconds: Record<string, { seconds: number; runs: number }>;
	booksRoutes: Record<string, number>;
	shopRoutes: Record<string, number>;
	failedOrders: number;
	duplicateInvoices: number;
	duplicatePayments: number;
}

interface BooksState {
	invoices: Array<{ invoiceNumber: string }>;
	mutations: Array<{ type: number; invoiceNumber?: string; paymentReference?: string }>;
	relations: unknown[];
}

const total = (counts: Record<string, number>) =>
	Object.values(counts).reduce((sum, count) => sum + count, 0);

function duplicates(values: string[]): number {
	return values.length - new Set(values).size;
}

/** The most memory a process has held (VmHWM) and the CPU time it used, sampled until it exits. */
function watchProcess(pid: number): { stop(): { peakRssMb: number; cpuSeconds: number } } {
	let peakKb = 0;
	let cpuTicks = 0;
	const sample = () => {
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const match = /VmHWM:\s+(\d+) kB/.exec(status);
			if (match) peakKb = Math.max(peakKb, Number(match[1]));
			// Fields after the command name: utime and stime are the 12th and 13th (clock ticks, 100 per second).
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
		} catch {
			// gone
		}
	};
	sample();
	const timer = setInterval(sample, 200);
	return {
		stop: () => {
			clearInterval(timer);
			return { peakRssMb: Math.round(peakKb / 1024), cpuSeconds: cpuTicks / 100 };
		},
	};
}

/** Seconds each node ran, summed over its runs, read from n8n's database with the runtime's own Node. */
function nodeSecondsOf(n8n: N8nProcess): Record<string, { seconds: number; runs: number }> {
	if (!fs.existsSync(n8n.databaseFile)) return {};
	const script = `
		const path = require('node:path');
		const { DatabaseSync } = require('node:sqlite');
		const [file, modules] = process.argv.slice(1);
		const flatted = require(path.join(modules, 'flatted'));
		const db = new DatabaseSync(file, { readOnly: true });
		const sums = {};
		for (const row of db.prepare('SELECT data FROM execution_data').all()) {
			const runData = (flatted.parse(row.data).resultData || {}).runData || {};
			for (const [name, runs] of Object.entries(runData)) {
				const sum = (sums[name] = sums[name] || { seconds: 0, runs: 0 });
				for (const run of runs) { sum.seconds += (run.executionTime || 0) / 1000; sum.runs += 1; }
			}
		}
		process.stdout.write(JSON.stringify(sums));`;
	const result = spawnSync(n8n.nodeBin, ['-e', script, n8n.databaseFile, n8n.n8nModules], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) return {};
	return JSON.parse(result.stdout) as Record<string, { seconds: number; runs: number }>;
}

/** When each API was first and last asked something (sampled), to tell reading the shop from booking. */
function watchActivity(sandbox: Sandbox) {
	const spans = {
		shop: { first: 0, last: 0, seen: -1 },
		books: { first: 0, last: 0, seen: -1 },
	};
	const sample = () => {
		const now = performance.now();
		for (const [name, counts] of [
			['shop', total(sandbox.shop.counts())],
			['books', total(sandbox.books.counts())],
		] as const) {
			const span = spans[name];
			if (span.seen === -1) span.seen = 0;
			if (counts !== span.seen) {
				if (span.first === 0) span.first = now;
				span.last = now;
				span.seen = counts;
			}
		}
	};
	const timer = setInterval(sample, 100);
	return {
		stop: () => {
			clearInterval(timer);
			sample();
			const seconds = (span: { first: number; last: number }) =>
				span.first ? (span.last - span.first) / 1000 : 0;
			return { shopSeconds: seconds(spans.shop), booksSeconds: seconds(spans.books) };
		},
	};
}

interface BenchLatency {
	latencyMs: number;
	jitterMs: number;
	/** The shop's own latency (default: the same). */
	shopLatencyMs: number;
}

async function openShop(orders: number, latency: BenchLatency): Promise<Sandbox> {
	const sandbox = await startSandbox({
		shop: { seed: { count: Math.ceil(orders / BOOKABLE_SHARE), seed: 42, periodDays: 90 } },
	});
	await setLatency(sandbox.booksUrl, { latencyMs: latency.latencyMs, jitterMs: latency.jitterMs });
	await setLatency(sandbox.shopUrl, {
		latencyMs: latency.shopLatencyMs,
		jitterMs: Math.min(latency.jitterMs, latency.shopLatencyMs),
	});
	return sandbox;
}

/** Requests in Parallel set on the three writing nodes; undefined leaves the template's default. */
function widthOverrides(width: number | undefined): Record<string, Record<string, unknown>> {
	if (width === undefined) return {};
	return Object.fromEntries(
		WRITING_NODES.map((name) => [name, { options: { requestsInParallel: width } }]),
	);
}

function check(sandbox: Sandbox) {
	const state = sandbox.books.state() as unknown as BooksState;
	const payments = state.mutations.filter((mutation) => mutation.type === 3 || mutation.type === 7);
	return {
		invoices: state.invoices.length,
		duplicateInvoices: duplicates(state.invoices.map((invoice) => invoice.invoiceNumber)),
		duplicatePayments: duplicates(
			payments.map((mutation) => mutation.paymentReference ?? `${mutation.invoiceNumber}`),
		),
	};
}

async function historyRun(
	label: string,
	orders: number,
	width: number | undefined,
	latency: BenchLatency,
	tarball: string,
): Promise<Result> {
	const sandbox = await openShop(orders, latency);
	let running: N8nProcess | undefined;
	try {
		const importSince = importSinceFor(sandbox.shop.orders());
		const history = prepareWorkflow('history', {
			'Date Range': {
				assignments: {
					assignments: [
						{ id: 'from', name: 'from', type: 'string', value: importSince },
						{ id: 'to', name: 'to', type: 'string', value: shopToday() },
					],
				},
			},
			...widthOverrides(width),
		});
		const runDir = repoPath('.e2e', `bench-parallel-${label}`);
		fs.rmSync(runDir, { recursive: true, force: true });
		const n8n = await setUpN8n({
			runDir,
			sandbox,
			tarball,
			owner,
			// n8n 2 runs a called workflow (each month of the history) only when published; a running main publishes it.
			workflows: [{ workflow: history, publish: true }],
		});
		running = n8n;
		await n8n.start();
		await waitForPublishedHistory(n8n);
		sandbox.books.resetCounts();
		sandbox.shop.resetCounts();
		const { n8nMain } = loadRuntime().named('default').paths();
		const started = performance.now();
		const child = spawn(n8n.nodeBin, [n8nMain, 'execute', `--id=${workflowIds.history}`], {
			env: n8n.env(await freePort()),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const watched = watchProcess(child.pid ?? 0);
		const activity = watchActivity(sandbox);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
		child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
		const status = await new Promise<number>((resolve) =>
			child.on('close', (code) => resolve(code ?? 1)),
		);
		const wallSeconds = (performance.now() - started) / 1000;
		const usage = watched.stop();
		const spans = activity.stop();
		if (status !== 0) console.log(`n8n execute exited ${status}:\n${output}`);
		return { ...summarise(label, width, sandbox, n8n, wallSeconds, usage), ...spans };
	} finally {
		await running?.stop();
		await sandbox.close();
	}
}

function summarise(
	label: string,
	width: number | undefined,
	sandbox: Sandbox,
	n8n: N8nProcess,
	wallSeconds: number,
	usage: { peakRssMb: number; cpuSeconds: number },
): Omit<Result, 'shopSeconds' | 'booksSeconds'> {
	const executions = readExecutions(n8n, true);
	const timed = executions.filter((execution) => execution.startedAt && execution.stoppedAt);
	const executionSeconds = timed.length
		? (Math.max(...timed.map((execution) => Date.parse(`${execution.stoppedAt}`))) -
				Math.min(...timed.map((execution) => Date.parse(`${execution.startedAt}`)))) /
			1000
		: undefined;
	const checked = check(sandbox);
	return {
		label,
		width: width === undefined ? 'as the template sets it' : String(width),
		orders: checked.invoices,
		wallSeconds,
		executionSeconds,
		booksCalls: total(sandbox.books.counts()),
		shopCalls: total(sandbox.shop.counts()),
		...usage,
		nodeSeconds: nodeSecondsOf(n8n),
		booksRoutes: sandbox.books.counts(),
		shopRoutes: sandbox.shop.counts(),
		failedOrders: itemsOf(executions, failedOrdersNode).length,
		duplicateInvoices: checked.duplicateInvoices,
		duplicatePayments: checked.duplicatePayments,
	};
}

/**
 * The sync template as it runs for a shop owner: n8n start, the trigger polling every minute from the oldest order
 * (each poll emits what its time budget lets it read payments for), until e-Boekhouden has been quiet for 90 s.
 */
async function syncRun(orders: number, latency: BenchLatency, tarball: string): Promise<Result> {
	const sandbox = await openShop(orders, latency);
	let n8n: N8nProcess | undefined;
	try {
		const never = { rule: { interval: [{ field: 'cronExpression', expression: '0 0 4 1 1 *' }] } };
		const sync = prepareWorkflow('sync', {
			mijnwebwinkelTrigger: {
				importSince: `${importSinceFor(sandbox.shop.orders())}T00:00:00`,
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				options: { maxOrdersPerPoll: 1000 },
			},
			'Catch Up Missed Orders': never,
			'Recover Within the Hour': never,
		});
		const runDir = repoPath('.e2e', 'bench-parallel-sync');
		fs.rmSync(runDir, { recursive: true, force: true });
		n8n = await setUpN8n({
			runDir,
			sandbox,
			tarball,
			owner,
			workflows: [{ workflow: sync, publish: true }],
		});
		sandbox.books.resetCounts();
		sandbox.shop.resetCounts();
		const started = performance.now();
		const activity = watchActivity(sandbox);
		await startAndWaitForPoll(n8n, sandbox);
		const watched = watchProcess(n8n.pid ?? 0);
		let seen = -1;
		let changedAt = performance.now();
		const running = n8n;
		await waitFor(
			() => {
				const calls = total(sandbox.books.counts());
				if (calls !== seen) {
					seen = calls;
					changedAt = performance.now();
				}
				return (
					calls > 0 &&
					performance.now() - changedAt > 90_000 &&
					!readExecutions(running).some(isUnfinished)
				);
			},
			40 * 60_000,
			() => 'the sync did not settle',
			1_000,
		);
		const wallSeconds = (changedAt - started) / 1000;
		const usage = watched.stop();
		const spans = activity.stop();
		return { ...summarise('sync', undefined, sandbox, n8n, wallSeconds, usage), ...spans };
	} finally {
		await n8n?.stop();
		await sandbox.close();
	}
}

/** Route counts, most first, divided by `per` (orders) when that is not 1. */
function perOrder(routes: Record<string, number>, per: number): string {
	return Object.entries(routes)
		.sort(([, a], [, b]) => b - a)
		.map(([route, count]) => `${route} ${per === 1 ? count : (count / per).toFixed(2)}`)
		.join(', ');
}

function print(result: Result): void {
	const seconds = result.executionSeconds ?? result.wallSeconds;
	console.log(
		[
			`${result.label}: ${result.orders} orders booked, requests in parallel ${result.width}`,
			`  wall time ${result.wallSeconds.toFixed(1)} s (n8n execution ${result.executionSeconds?.toFixed(1) ?? '?'} s)`,
			`  ${(result.orders / seconds).toFixed(2)} orders/s (by execution time), ${(result.orders / result.wallSeconds).toFixed(2)} by wall time`,
			`  reading the shop ${result.shopSeconds.toFixed(1)} s (first to last shop call), booking ${result.booksSeconds.toFixed(1)} s (first to last e-Boekhouden call) = ${(result.orders / Math.max(result.booksSeconds, 0.001)).toFixed(2)} orders/s`,
			`  e-Boekhouden calls ${result.booksCalls} = ${(result.booksCalls / result.orders).toFixed(2)} per order; shop calls ${result.shopCalls}`,
			`  peak RSS of the n8n process ${result.peakRssMb} MB, its CPU time ${result.cpuSeconds.toFixed(1)} s`,
			`  time per node (summed over runs): ${Object.entries(result.nodeSeconds)
				.filter(([, { seconds }]) => seconds >= 0.5)
				.sort(([, a], [, b]) => b.seconds - a.seconds)
				.map(([name, { seconds, runs }]) => `${name} ${seconds.toFixed(1)} s (${runs} runs)`)
				.join(', ')}`,
			`  e-Boekhouden calls per order by route: ${perOrder(result.booksRoutes, result.orders)}`,
			`  shop calls by route: ${perOrder(result.shopRoutes, 1)}`,
			`  failed orders ${result.failedOrders}, duplicate invoices ${result.duplicateInvoices}, duplicate payments ${result.duplicatePayments}`,
			`  machine load after the run (1, 5, 15 min): ${os
				.loadavg()
				.map((load) => load.toFixed(2))
				.join(', ')}`,
		].join('\n'),
	);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			orders: { type: 'string', default: '2000' },
			'serial-orders': { type: 'string' },
			'latency-ms': { type: 'string', default: '150' },
			'jitter-ms': { type: 'string', default: '0' },
			'shop-latency-ms': { type: 'string' },
			'sync-orders': { type: 'string', default: '0' },
			'skip-serial': { type: 'boolean', default: false },
			'skip-default': { type: 'boolean', default: false },
			width: { type: 'string' },
		},
	});
	const orders = Number(values.orders);
	const serialOrders = Number(values['serial-orders'] ?? orders);
	const latency: BenchLatency = {
		latencyMs: Number(values['latency-ms']),
		jitterMs: Number(values['jitter-ms']),
		shopLatencyMs: Number(values['shop-latency-ms'] ?? values['latency-ms']),
	};
	console.log(
		`Latency ${latency.latencyMs} ± ${latency.jitterMs} ms on every e-Boekhouden answer, ${latency.shopLatencyMs} ms on every shop answer.`,
	);
	console.log(
		`Machine load before: ${os
			.loadavg()
			.map((load) => load.toFixed(2))
			.join(', ')} (${os.cpus().length} CPUs)`,
	);
	const tarball = ensureTarball();
	const results: Result[] = [];
	if (!values['skip-default']) {
		const width = values.width === undefined ? undefined : Number(values.width);
		const label = width === undefined ? 'history-default' : `history-${width}`;
		const result = await historyRun(label, orders, width, latency, tarball);
		print(result);
		results.push(result);
	}
	if (!values['skip-serial']) {
		const result = await historyRun('history-serial', serialOrders, 1, latency, tarball);
		print(result);
		results.push(result);
	}
	const [fast, slow] = [results[0], results[1]];
	if (fast && slow) {
		const perOrder = (result: Result) =>
			(result.executionSeconds ?? result.wallSeconds) / result.orders;
		const bookingPerOrder = (result: Result) => result.booksSeconds / result.orders;
		console.log(
			`speed-up per order: ${(perOrder(slow) / perOrder(fast)).toFixed(2)}× overall (n8n execution), ` +
				`${(bookingPerOrder(slow) / bookingPerOrder(fast)).toFixed(2)}× while booking`,
		);
	}
	const syncOrders = Number(values['sync-orders']);
	if (syncOrders > 0) print(await syncRun(syncOrders, latency, tarball));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
