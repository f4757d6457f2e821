import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { importSinceFor } from '../../../scripts/lib/demo';
import { itemsOf, readExecutions } from '../../../scripts/lib/executions';
import type { N8nProcess, Owner } from '../../../scripts/lib/n8nProcess';
import { ensureTarball } from '../../../scripts/lib/packageInstall';
import { loadRuntime, repoPath } from '../../../scripts/lib/repo';
import {
	freePort,
	setUpN8n,
	startAndWaitForPoll,
	waitUntilSettled,
} from '../../../scripts/lib/stack';
import { failedOrdersNode, prepareWorkflow, workflowIds } from '../../../scripts/lib/workflows';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

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
	/** The history template's run via `n8n execute`, on its own broker port beside the running n8n. */
	runHistory(): Promise<{ status: number; output: string }>;
	settle(): Promise<void>;
	/** What each `runHistory()` printed, in order. */
	cliOutputs(): string[];
	/** Order numbers that reached "Failed Orders" in any execution so far. */
	failedOrders(): Array<Record<string, unknown>>;
	/** Items that left `node` (output 0) in the executions `entry` started (the poll or the catch-up). */
	itemsFrom(node: string, entry: string): Array<Record<string, unknown>>;
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
 * The sandbox (started first: n8n's activation poll must reach it), then a fresh n8n with the packed package, both
 * credentials, the sync template published (one-minute poll, history since the oldest order, the nightly catch-up
 * every minute) and the history template imported for the date range of the whole shop.
 */
export async function startE2e(
	name: string,
	shop: SandboxOptions['shop'],
): Promise<E2eEnvironment> {
	ensureRuntime();
	const tarball = ensureTarball();
	const runDir = repoPath('.e2e', name);
	fs.rmSync(runDir, { recursive: true, force: true });
	const sandbox = await startSandbox({ shop });
	const importSince = importSinceFor(sandbox.shop.orders());
	const today = new Date().toISOString().slice(0, 10);
	const sync = prepareWorkflow('sync', {
		mijnwebwinkelTrigger: { importSince, pollTimes: { item: [{ mode: 'everyMinute' }] } },
		scheduleTrigger: { rule: { interval: [{ field: 'cronExpression', expression: '* * * * *' }] } },
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
				{ workflow: history, publish: false },
			],
			// n8n then logs every error it serialises, so the token check reads the most n8n ever writes.
			env: { N8N_LOG_LEVEL: 'debug' },
		});
		await startAndWaitForPoll(n8n, sandbox);
	} catch (error) {
		await n8n?.stop();
		await sandbox.close();
		throw error;
	}
	const running = n8n;
	const cliOutputs: string[] = [];
	return {
		sandbox,
		n8n: running,
		importSince,
		async runHistory() {
			const result = await running.cli(
				[`execute`, `--id=${workflowIds.history}`],
				await freePort(),
			);
			const output = result.stdout + result.stderr;
			cliOutputs.push(output);
			return { status: result.status, output };
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
		async close() {
			await running.stop();
			await sandbox.close();
		},
	};
}
