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
			})}\n`,
		);
		while (snapshotsAt.length > 0 && seconds >= snapshotsAt[0]) {
			snapshotsAt.shift();
			v8.writeHeapSnapshot(path.join(dir, `${process.pid}-${seconds}s.heapsnapshot`));
		}
	};
	setInterval(sample, intervalMs).unref();
}
