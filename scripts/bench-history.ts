/**
 * Issue 15, "History of any size": books N sandbox orders through the shipped HISTORY TEMPLATE in a real n8n (the
 * cached runtime; `n8n execute` beside a running n8n, as a self-hosting user runs it from a terminal), one calendar
 * month per execution, at 0 ms latency, and prints wall time, orders per second, e-Boekhouden calls per order and
 * the peak RSS of the n8n process that does the work (its task runner and other children included).
 *
 *   npx tsc -p tsconfig.test.json && node .build/scripts/bench-history.js [--orders 20000] [--quick]
 *     [--orders-per-month 800] [--max-old-space-mb N] [--probe-memory | --watch-memory] [--heap-snapshots 60,600]
 *     [--env KEY=VALUE ...] [--label name]
 *
 * `--quick` books 2,000 instead of 20,000. The shop holds more orders than that (unpaid, cancelled, test orders,
 * which the template rightly skips) spread so that about `--orders-per-month` finished, paid orders fall in each
 * month, as in a shop with years of history: the memory of a month does not depend on the length of the period.
 * `--max-old-space-mb` gives n8n `NODE_OPTIONS=--max-old-space-size=N` (as a user may set it), to tell a heap
 * that Node lets grow from one that must. `--probe-memory` preloads scripts/lib/memoryProbe.ts into `n8n execute`: a
 * full garbage collection every 3 s and the heap left after it (the live set), so garbage not yet collected is told
 * from memory something keeps; `--watch-memory` logs the heap as V8 keeps it, without collecting; both count the
 * expressions n8n evaluated and the isolates it made for them. `--env` passes any other setting to n8n (e.g.
 * `N8N_EXPRESSION_ENGINE=legacy`); `--label` keeps runs apart under .e2e/. Builds and packs the package first
 * (npm run build wipes dist/).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox } from '../test/sandbox';
import { importSinceFor } from './lib/demo';
import { readExecutions } from './lib/executions';
import { historyForPeriod, runHistoryCli, waitForPublishedHistory } from './lib/history';
import type { Owner } from './lib/n8nProcess';
import { ensureTarball } from './lib/packageInstall';
import { repoPath } from './lib/repo';
import { setUpN8n } from './lib/stack';
import { shopToday } from './lib/shopDate';

const owner: Owner = {
	email: 'bench@example.com',
	password: 'Bench-Passw0rd',
	firstName: 'Bench',
	lastName: 'Owner',
};

/** Share of generated shop orders that are finished and paid (measured on the generator's default mix). */
const BOOKABLE_SHARE = 0.62;
const DAYS_PER_MONTH = 30.44;

interface BooksState {
	invoices: Array<{ invoiceNumber: string }>;
	mutations: unknown[];
	relations: unknown[];
}

const sum = (counts: Record<string, number>, keep: (route: string) => boolean = () => true) =>
	Object.entries(counts)
		.filter(([route]) => keep(route))
		.reduce((total, [, count]) => total + count, 0);

/** The highest sample in each tenth of the run. */
function tenths(samples: number[]): number[] {
	const size = Math.max(1, Math.ceil(samples.length / 10));
	const result: number[] = [];
	for (let start = 0; start < samples.length; start += size)
		result.push(Math.max(...samples.slice(start, start + size)));
	return result;
}

interface ProbeSample {
	seconds: number;
	rssMb: number;
	heapUsedAfterGcMb: number;
	heapTotalMb: number;
	externalMb: number;
	collected: boolean;
}

/** What scripts/lib/memoryProbe.ts logged in the `n8n execute` process: the live heap after a forced collection. */
function probeSummary(probeDir: string): string {
	const files = fs.existsSync(probeDir)
		? fs.readdirSync(probeDir).filter((name) => name.endsWith('.jsonl'))
		: [];
	return files
		.map((name) => {
			const [, ...lines] = fs.readFileSync(path.join(probeDir, name), 'utf8').trim().split('\n');
			const samples = lines.map((line) => JSON.parse(line) as ProbeSample);
			const pick = (key: Exclude<keyof ProbeSample, 'collected'>) =>
				tenths(samples.map((sample) => sample[key]));
			const collected = samples.some((one) => one.collected);
			const when = collected ? 'after GC' : 'as V8 keeps it';
			return [
				`  memory probe of process ${name.replace('.jsonl', '')} (${samples.length} samples${collected ? ', full GC before each' : ', no forced GC'}):`,
				`    heap used ${when} in each tenth (highest, MB): ${pick('heapUsedAfterGcMb').join(' ')}`,
				`    heap reserved (heapTotal) in each tenth (highest, MB): ${pick('heapTotalMb').join(' ')}`,
				`    external in each tenth (highest, MB): ${pick('externalMb').join(' ')}`,
				`    RSS in each tenth (highest, MB): ${pick('rssMb').join(' ')}`,
			].join('\n');
		})
		.join('\n');
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			orders: { type: 'string' },
			quick: { type: 'boolean', default: false },
			'orders-per-month': { type: 'string', default: '800' },
			'max-old-space-mb': { type: 'string' },
			'probe-memory': { type: 'boolean', default: false },
			'watch-memory': { type: 'boolean', default: false },
			env: { type: 'string', multiple: true, default: [] },
			label: { type: 'string' },
			'heap-snapshots': { type: 'string' },
		},
	});
	const orders = Number(values.orders ?? (values.quick ? 2_000 : 20_000));
	const perMonth = Number(values['orders-per-month']);
	const periodDays = Math.max(1, Math.ceil((orders / perMonth) * DAYS_PER_MONTH));
	const tarball = ensureTarball();
	const sandbox = await startSandbox({
		shop: { seed: { count: Math.ceil(orders / BOOKABLE_SHARE), seed: 42, periodDays } },
	});
	const heap = values['max-old-space-mb'];
	const label = values.label ? `-${values.label}` : '';
	const runDir = repoPath('.e2e', `bench-history-${orders}${heap ? `-heap${heap}` : ''}${label}`);
	fs.rmSync(runDir, { recursive: true, force: true });
	const collect = values['probe-memory'] || values['heap-snapshots'] !== undefined;
	const probe = collect || values['watch-memory'];
	const probeDir = path.join(runDir, 'memory');
	const nodeOptions = [
		...(heap ? [`--max-old-space-size=${Number(heap)}`] : []),
		...(collect ? ['--expose-gc'] : []),
		...(probe ? [`--require=${path.join(__dirname, 'lib', 'memoryProbe.js')}`] : []),
	];
	const env: Record<string, string> = {
		...(nodeOptions.length > 0 ? { NODE_OPTIONS: nodeOptions.join(' ') } : {}),
		...(probe ? { MEMORY_PROBE_DIR: probeDir, MEMORY_PROBE_GC: collect ? '1' : '0' } : {}),
		...(values['heap-snapshots'] ? { MEMORY_PROBE_SNAPSHOTS: values['heap-snapshots'] } : {}),
		// `--env KEY=VALUE` (repeatable): any other setting for n8n, e.g. N8N_EXPRESSION_ENGINE or MALLOC_ARENA_MAX.
		...Object.fromEntries(
			values.env.map((pair) => [
				pair.slice(0, pair.indexOf('=')),
				pair.slice(pair.indexOf('=') + 1),
			]),
		),
	};
	const today = shopToday();
	const from = importSinceFor(sandbox.shop.orders());
	const n8n = await setUpN8n({
		runDir,
		sandbox,
		tarball,
		owner,
		workflows: [{ workflow: historyForPeriod(from, today), publish: true }],
		env,
	});
	try {
		await n8n.start();
		await waitForPublishedHistory(n8n);
		sandbox.books.resetCounts();
		sandbox.shop.resetCounts();
		if (env.NODE_OPTIONS) console.log(`n8n runs with NODE_OPTIONS=${env.NODE_OPTIONS}.`);
		console.log(
			`${sandbox.shop.orders().length} shop orders, about ${perMonth} finished and paid per month over the last ${periodDays} days (plus the seed's pre-2019 orders); period ${from} – ${today}.`,
		);
		const run = await runHistoryCli(n8n);
		if (run.status !== 0) console.log(`n8n execute exited ${run.status}:\n${run.output}`);
		const state = sandbox.books.state() as unknown as BooksState;
		const booked = state.invoices.length;
		const numbers = state.invoices.map((invoice) => invoice.invoiceNumber);
		const booksCounts = sandbox.books.counts();
		const executions = readExecutions(n8n);
		const months = executions.filter((execution) => execution.mode === 'integrated');
		const seconds = run.wallMs / 1000;
		console.log(
			[
				`history template, ${booked} orders booked (${months.length} month executions, ${months.filter((execution) => execution.status !== 'success').length} not successful)`,
				`  wall time ${seconds.toFixed(1)} s = ${(booked / seconds).toFixed(1)} orders/s`,
				`  e-Boekhouden calls ${sum(booksCounts)} = ${(sum(booksCounts) / booked).toFixed(2)} per order (writes ${sum(booksCounts, (route) => !route.startsWith('GET'))}, reads ${sum(booksCounts, (route) => route.startsWith('GET'))}); shop calls ${sum(sandbox.shop.counts())}`,
				`  e-Boekhouden calls per endpoint ${JSON.stringify(booksCounts)}`,
				`  peak RSS of the n8n process doing the import (n8n execute and its children) ${Math.round(run.peakRssBytes / 1024 / 1024)} MB; n8n execute alone ${Math.round(run.peakMainRssBytes / 1024 / 1024)} MB`,
				`  RSS in each tenth of the run (highest sample, MB): ${tenths(run.rssMbSamples).join(' ')}`,
				...(probe ? [probeSummary(probeDir)] : []),
				`  duplicate invoices ${numbers.length - new Set(numbers).size}`,
				`  load average at the end ${os
					.loadavg()
					.map((load) => load.toFixed(2))
					.join(' ')}`,
			].join('\n'),
		);
		if (run.status !== 0) process.exitCode = 1;
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
