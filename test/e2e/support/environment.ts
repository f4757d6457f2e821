import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importSinceFor } from '../../../scripts/lib/demo';
import { itemsOf, readExecutions, type Execution } from '../../../scripts/lib/executions';
import type { N8nProcess, Owner } from '../../../scripts/lib/n8nProcess';
import { ensureTarball } from '../../../scripts/lib/packageInstall';
import { loadRuntime, repoPath } from '../../../scripts/lib/repo';
import {
	freePort,
	setUpN8n,
	startAndWaitForPoll,
	waitUntilSettled,
} from '../../../scripts/lib/stack';
import { waitForPublishedHistory } from '../../../scripts/lib/history';
import { failedOrdersNode, prepareWorkflow, workflowIds } from '../../../scripts/lib/workflows';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { shopToday } from '../../../scripts/lib/shopDate';

export const owner: Owner = {
	email: 'e2e@example.com',
	password: 'E2e-Passw0rd',
	firstName: 'E2E',
	lastName: 'Owner',
};

export interface E2eEnvironment {
	sandbox: Sandbox;
	n8n: N8nProcess;
	importSince: string;
	/**
	 * The history template's run via `n8n execute`, on its own broker port beside the running n8n, with the
	 * execution n8n stored for it (mode `cli`), when it stored one.
	 */
	runHistory(): Promise<{
		status: number;
		output: string;
		execution?: Execution;
		/** Every execution the run stored: the one `n8n execute` started and one per month it called. */
		executions: Execution[];
	}>;
	settle(): Promise<void>;
	/** What each `runHistory()` printed, in order. */
	cliOutputs(): string[];
	/** Order numbers that reached "Failed Orders" in any execution so far. */
	failedOrders(): Array<Record<string, unknown>>;
	/** Items that left `node` (output 0) in the executions `entry` started (the poll or the catch-up). */
	itemsFrom(node: string, entry: string): Array<Record<string, unknown>>;
	/** Every execution n8n stored so far, with each node's output. */
	executions(): Execution[];
	/** The shop's own `/__admin/` HTTP routes, as a test or a shop owner's script drives them. */
	shopAdmin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
	close(): Promise<void>;
}

/** The cached n8n runtime; installed here when a test file is run on its own before `npm run test:e2e`. */
export function ensureRuntime(): void {
	if (loadRuntime().isInstalled()) return;
	const install = spawnSync(process.execPath, [repoPath('scripts', 'install-n8n.js')], {
		stdio: 'inherit',
	});
	if (install.status !== 0) throw new Error('installing the n8n runtime failed');
}

/**
 * Claims `.e2e/<name>` for this process: a second run of the same suite in the same tree (another engineer, another
 * terminal) would wipe the folder, and its n8n's database, under the first, whose checks would then read the
 * other's executions. Refused with the owner's pid while that process lives.
 */
function claimRunDir(runDir: string): () => void {
	const lock = `${runDir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	const holder = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8').trim()) : NaN;
	if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
		throw new Error(
			`${runDir} is in use by another e2e run (pid ${holder}); wait for it to end, or end that run`,
		);
	}
	fs.writeFileSync(lock, String(process.pid));
	return () => {
		if (fs.existsSync(lock) && fs.readFileSync(lock, 'utf8').trim() === String(process.pid))
			fs.rmSync(lock, { force: true });
	};
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * The sandbox (started first: n8n's activation poll must reach it), then a fresh n8n with the packed package, both
 * credentials, the sync template published (one-minute poll, history since the oldest order, the nightly catch-up
 * every minute) and the history template imported for the date range of the whole shop.
 */
export async function startE2e(
	name: string,
	shop: SandboxOptions['shop'],
	/** Parameters of the sync template's nodes by type or name (e.g. `{ orderToInvoice: { bookingMode } }`). */
	syncOverrides: Record<string, Record<string, unknown>> = {},
): Promise<E2eEnvironment> {
	ensureRuntime();
	const tarball = ensureTarball();
	const runDir = repoPath('.e2e', name);
	const releaseRunDir = claimRunDir(runDir);
	fs.rmSync(runDir, { recursive: true, force: true });
	const sandbox = await startSandbox({ shop });
	const importSince = importSinceFor(sandbox.shop.orders());
	const today = shopToday();
	const sync = prepareWorkflow('sync', {
		mijnwebwinkelTrigger: { importSince, pollTimes: { item: [{ mode: 'everyMinute' }] } },
		scheduleTrigger: { rule: { interval: [{ field: 'cronExpression', expression: '* * * * *' }] } },
		...syncOverrides,
	});
	const history = prepareWorkflow('history', {
		'Date Range': {
			assignments: {
				assignments: [
					{ id: 'from', name: 'from', type: 'string', value: importSince },
					{ id: 'to', name: 'to', type: 'string', value: today },
				],
			},
		},
	});
	let n8n: N8nProcess | undefined;
	try {
		n8n = await setUpN8n({
			runDir,
			sandbox,
			tarball,
			owner,
			workflows: [
				{ workflow: sync, publish: true },
				// n8n 2 runs a called workflow's published version unless the caller runs in the editor.
				{ workflow: history, publish: true },
			],
			// n8n then logs every error it serialises, so the token check reads the most n8n ever writes.
			env: { N8N_LOG_LEVEL: 'debug' },
		});
		await startAndWaitForPoll(n8n, sandbox);
	} catch (error) {
		await n8n?.stop();
		await sandbox.close();
		releaseRunDir();
		throw error;
	}
	const running = n8n;
	const cliOutputs: string[] = [];
	return {
		sandbox,
		n8n: running,
		importSince,
		async runHistory() {
			await waitForPublishedHistory(running);
			const before = new Set(readExecutions(running).map((execution) => execution.id));
			const result = await running.cli(
				[`execute`, `--id=${workflowIds.history}`],
				await freePort(),
			);
			const output = result.stdout + result.stderr;
			cliOutputs.push(output);
			const executions = readExecutions(running, true).filter(
				(candidate) => ['cli', 'integrated'].includes(candidate.mode) && !before.has(candidate.id),
			);
			const execution = executions.filter((candidate) => candidate.mode === 'cli').pop();
			return { status: result.status, output, execution, executions };
		},
		settle: () => waitUntilSettled(running, sandbox),
		cliOutputs: () => [...cliOutputs],
		failedOrders: () =>
			itemsOf(readExecutions(running, true), failedOrdersNode) as Array<Record<string, unknown>>,
		itemsFrom: (node, entry) =>
			itemsOf(
				readExecutions(running, true).filter((execution) => execution.nodes?.[entry]),
				node,
			) as Array<Record<string, unknown>>,
		executions: () => readExecutions(running, true),
		async shopAdmin(method, path, body) {
			const response = await fetch(`${sandbox.shop.url}/__admin${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const answer: unknown = await response.json();
			if (!response.ok)
				throw new Error(`${method} /__admin${path}: ${response.status} ${JSON.stringify(answer)}`);
			return answer;
		},
		async close() {
			await running.stop();
			await sandbox.close();
			releaseRunDir();
		},
	};
}
