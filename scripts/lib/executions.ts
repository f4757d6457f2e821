import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { N8nProcess } from './n8nProcess';
import { repoPath } from './repo';

/** One execution as n8n stored it; with data, each node's output items per run (runs → outputs → items). */
export interface Execution {
	id: number;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string | null;
	stoppedAt: string | null;
	error?: string;
	nodes?: Record<string, unknown[][][]>;
}

const unfinished = new Set(['new', 'running', 'waiting']);

/** Reads executions straight from n8n's SQLite database (works while n8n runs: it is in WAL mode). */
export function readExecutions(n8n: N8nProcess, withData = false): Execution[] {
	if (!fs.existsSync(n8n.databaseFile)) return [];
	const script = repoPath('scripts', 'lib', 'read-executions.js');
	const args = [script, n8n.databaseFile, n8n.n8nModules, ...(withData ? ['withData'] : [])];
	const result = spawnSync(n8n.nodeBin, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`reading executions failed: ${result.stderr}`);
	return JSON.parse(result.stdout) as Execution[];
}

export function isUnfinished(execution: Execution): boolean {
	return unfinished.has(execution.status);
}

/** Items that reached `nodeName` in any run of these executions (output 0). */
export function itemsOf(executions: Execution[], nodeName: string): unknown[] {
	return executions.flatMap((execution) =>
		(execution.nodes?.[nodeName] ?? []).flatMap((run) => run[0] ?? []),
	);
}
