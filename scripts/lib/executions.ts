import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { N8nProcess } from './n8nProcess';
import { loadRuntime, repoPath } from './repo';

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

/**
 * Reads executions straight from n8n's database: its SQLite file (works while n8n runs: it is in WAL mode), or
 * PostgreSQL when the process was given `DB_TYPE=postgresdb` (queue mode).
 */
export function readExecutions(n8n: N8nProcess, withData = false): Execution[] {
	const env = n8n.options.env ?? {};
	if (env.DB_TYPE === 'postgresdb') {
		const script = repoPath('scripts', 'lib', 'read-executions-pg.js');
		const args = [script, n8n.n8nModules, ...(withData ? ['withData'] : [])];
		const result = spawnSync(n8n.nodeBin, args, {
			encoding: 'utf8',
			maxBuffer: 512 * 1024 * 1024,
			env: { ...process.env, ...env },
		});
		if (result.status !== 0) throw new Error(`reading executions failed: ${result.stderr}`);
		return JSON.parse(result.stdout) as Execution[];
	}
	if (!fs.existsSync(n8n.databaseFile)) return [];
	const script = repoPath('scripts', 'lib', 'read-executions.js');
	const args = [script, n8n.databaseFile, n8n.n8nModules, ...(withData ? ['withData'] : [])];
	const result = spawnSync(sqliteReader(n8n), args, {
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`reading executions failed: ${result.stderr}`);
	return JSON.parse(result.stdout) as Execution[];
}

/**
 * read-executions.js needs the built-in node:sqlite of Node >= 22.5: the default runtime's Node 24. An n8n 1.x on its
 * own Node 20 has its database read by that Node 24 when the 2.x runtime is installed beside it.
 */
function sqliteReader(n8n: N8nProcess): string {
	if ((n8n.options.runtime ?? 'default') === 'default') return n8n.nodeBin;
	const main = loadRuntime();
	return main.isInstalled() ? main.paths().nodeBin : n8n.nodeBin;
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
