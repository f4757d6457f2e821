/**
 * The history template run the way a self-hosting user runs it from a terminal: `n8n execute --id=<id>` (it starts
 * at "When Called for One Month", which hands a call without a month to Date Range, so the whole period is booked
 * month by month). Samples the memory of that n8n process and its children while it works.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { N8nProcess } from './n8nProcess';
import { loadRuntime, repoPath } from './repo';
import { tail } from './shell';
import { freePort, waitFor } from './stack';
import { prepareWorkflow, workflowIds, type WorkflowJson } from './workflows';

/** The history template for the period `from`–`to` (yyyy-mm-dd, both included), plus other node overrides. */
export function historyForPeriod(
	from: string,
	to: string,
	overrides: Record<string, Record<string, unknown>> = {},
): WorkflowJson {
	return prepareWorkflow('history', {
		...overrides,
		'Date Range': {
			assignments: {
				assignments: [
					{ id: 'from', name: 'from', type: 'string', value: from },
					{ id: 'to', name: 'to', type: 'string', value: to },
				],
			},
		},
	});
}

/**
 * n8n 2 runs a called workflow's published version unless the caller runs in the editor, and a running main
 * publishes what `publish:workflow` queued (its outbox, polled every 15 s). Waits until the history is published.
 */
export async function waitForPublishedHistory(n8n: N8nProcess, timeoutMs = 90_000): Promise<void> {
	if ((n8n.options.runtime ?? 'default') !== 'default') return;
	const script = repoPath('scripts', 'lib', 'read-published.js');
	await waitFor(
		() =>
			spawnSync(n8n.nodeBin, [script, n8n.n8nModules, workflowIds.history, n8n.databaseFile], {
				encoding: 'utf8',
				env: { ...process.env, ...n8n.options.env },
			}).stdout === '1',
		timeoutMs,
		() => `n8n did not publish the history template\n${n8n.logTail()}`,
		1_000,
	);
}

export interface HistoryRun {
	status: number;
	output: string;
	wallMs: number;
	/** Highest sum of VmRSS over the n8n process and its descendants, sampled every `sampleMs`. */
	peakRssBytes: number;
	/** The sampled tree RSS in MB, one per sample, to see whether it levels off or keeps growing. */
	rssMbSamples: number[];
	/** Highest VmRSS of the `n8n execute` process alone (without its task runner), to tell whose memory it is. */
	peakMainRssBytes: number;
}

/** VmRSS of one process in bytes (Linux /proc); 0 when it is gone. */
function rssBytes(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0; // ended meanwhile
	}
}

/** VmRSS of a process and every descendant, in bytes (Linux /proc); 0 when it is gone. */
export function treeRssBytes(rootPid: number): number {
	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name may hold spaces and parentheses: the parent pid is the 2nd field after the last ")".
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {
			// ended meanwhile
		}
	}
	let total = 0;
	const pending = [rootPid];
	while (pending.length > 0) {
		const pid = pending.pop() as number;
		total += rssBytes(pid);
		pending.push(...(children.get(pid) ?? []));
	}
	return total;
}

/** `n8n execute` of the imported history template, on its own broker port (an `n8n start` may run beside it). */
export async function runHistoryCli(
	n8n: N8nProcess,
	{
		sampleMs = 1_000,
		timeoutMs = 4 * 60 * 60_000,
		stopWhen,
	}: {
		sampleMs?: number;
		timeoutMs?: number;
		/** Checked at every sample: when true, the run is killed (SIGKILL, as a crash would), to test a resume. */
		stopWhen?: () => boolean;
	} = {},
): Promise<HistoryRun> {
	const { n8nMain } = loadRuntime()
		.named(n8n.options.runtime ?? 'default')
		.paths();
	const started = Date.now();
	const child = spawn(n8n.nodeBin, [n8nMain, 'execute', `--id=${workflowIds.history}`], {
		env: n8n.env(await freePort()),
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group, so a stop ends its task runner too.
		detached: true,
	});
	const kill = () => {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	const deadline = setTimeout(kill, timeoutMs);
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output = tail(output + chunk.toString(), 400)));
	child.stderr.on('data', (chunk: Buffer) => (output = tail(output + chunk.toString(), 400)));
	let peakRssBytes = 0;
	let peakMainRssBytes = 0;
	const rssMbSamples: number[] = [];
	const sample = () => {
		if (!child.pid) return;
		const bytes = treeRssBytes(child.pid);
		peakRssBytes = Math.max(peakRssBytes, bytes);
		peakMainRssBytes = Math.max(peakMainRssBytes, rssBytes(child.pid));
		rssMbSamples.push(Math.round(bytes / 1024 / 1024));
		if (stopWhen?.()) kill();
	};
	const timer = setInterval(sample, sampleMs);
	const status = await new Promise<number>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => resolve(code ?? 1));
	});
	clearInterval(timer);
	clearTimeout(deadline);
	return {
		status,
		output,
		wallMs: Date.now() - started,
		peakRssBytes,
		peakMainRssBytes,
		rssMbSamples,
	};
}
