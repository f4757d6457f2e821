/**
 * Preloaded into an n8n process (`NODE_OPTIONS="--expose-gc --require <this file, compiled>"`) to tell garbage V8
 * has not collected yet from memory something still holds: every `MEMORY_PROBE_INTERVAL_MS` it forces a full
 * garbage collection and appends `process.memoryUsage()` to `<MEMORY_PROBE_DIR>/<pid>.jsonl`. A heap that stays
 * flat after collection while the RSS grows is garbage; one that grows is a live set that something retains.
 * `MEMORY_PROBE_SNAPSHOTS=60,600` also writes heap snapshots that many seconds after start, to compare retainers.
 * Only the process whose command line says `execute` is probed unless `MEMORY_PROBE_ALL=1`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';

const dir = process.env.MEMORY_PROBE_DIR;
const probeAll = process.env.MEMORY_PROBE_ALL === '1';
const command = process.argv.slice(2).join(' ');

if (dir && (probeAll || process.argv.includes('execute'))) {
	const intervalMs = Number(process.env.MEMORY_PROBE_INTERVAL_MS ?? 3_000);
	const snapshotsAt = (process.env.MEMORY_PROBE_SNAPSHOTS ?? '')
		.split(',')
		.filter(Boolean)
		.map(Number);
	const file = path.join(dir, `${process.pid}.jsonl`);
	const started = Date.now();
	// MEMORY_PROBE_GC=0 only watches: the heap as V8 keeps it on its own, beside the RSS.
	const collect =
		process.env.MEMORY_PROBE_GC === '0' ? undefined : (globalThis as { gc?: () => void }).gc;
	fs.mkdirSync(dir, { recursive: true });
	fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, command })}\n`);
	const counts = countExpressionWork();
	const sample = () => {
		const before = process.memoryUsage();
		collect?.();
		const after = process.memoryUsage();
		const seconds = Math.round((Date.now() - started) / 1000);
		const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
		fs.appendFileSync(
			file,
			`${JSON.stringify({
				seconds,
				rssMb: mb(after.rss),
				heapUsedBeforeGcMb: mb(before.heapUsed),
				heapUsedAfterGcMb: mb(after.heapUsed),
				heapTotalMb: mb(after.heapTotal),
				heapLimitMb: mb(v8.getHeapStatistics().heap_size_limit),
				externalMb: mb(after.external),
				arrayBuffersMb: mb(after.arrayBuffers),
				collected: Boolean(collect),
				...counts,
			})}\n`,
		);
		// The expressions evaluated most, to see which ones each order costs.
		fs.writeFileSync(
			path.join(dir, `${process.pid}-expressions.json`),
			JSON.stringify([...byExpression].sort((a, b) => b[1] - a[1]).slice(0, 20), null, 1),
		);
		while (snapshotsAt.length > 0 && seconds >= snapshotsAt[0]) {
			snapshotsAt.shift();
			v8.writeHeapSnapshot(path.join(dir, `${process.pid}-${seconds}s.heapsnapshot`));
		}
	};
	setInterval(sample, intervalMs).unref();
}

/**
 * Counts, in n8n's own expression runtime, the isolates created and the expressions evaluated (the `vm` engine of
 * n8n 2 evaluates every expression in an isolated-vm isolate). Empty when that runtime is not found (n8n 1.x).
 */
const byExpression = new Map<string, number>();

function countExpressionWork(): Record<string, number> {
	const counts = { isolatesCreated: 0, isolatesDisposed: 0, expressionsEvaluated: 0 };
	try {
		const modules = path.resolve(process.argv[1], '..', '..', '..');
		const runtime = require(path.join(modules, '@n8n', 'expression-runtime')) as Record<
			string,
			{ prototype: Record<string, (...args: unknown[]) => unknown> }
		>;
		const wrap = (type: string, method: string, key: keyof typeof counts) => {
			const original = runtime[type]?.prototype[method];
			if (typeof original !== 'function') return;
			runtime[type].prototype[method] = function (this: unknown, ...args: unknown[]) {
				counts[key]++;
				if (key === 'expressionsEvaluated' && typeof args[0] === 'string')
					byExpression.set(args[0], (byExpression.get(args[0]) ?? 0) + 1);
				return original.apply(this, args);
			};
		};
		wrap('IsolatedVmBridge', 'initialize', 'isolatesCreated');
		wrap('IsolatedVmBridge', 'initializeSync', 'isolatesCreated');
		wrap('IsolatedVmBridge', 'dispose', 'isolatesDisposed');
		wrap('ExpressionEvaluator', 'evaluate', 'expressionsEvaluated');
	} catch {
		// not n8n 2's runtime: nothing to count
	}
	return counts;
}
