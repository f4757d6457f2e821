/**
 * The product as users scale it out: n8n in queue mode (one main, two workers, PostgreSQL, Redis, all on 127.0.0.1),
 * the packed package installed in every process, the credentials pointed at the sandbox (e-Boekhouden through a
 * proxy that can add network latency), the sync template published and the history template imported.
 *
 * Changed from the shipped templates, for time only:
 * - the poll runs at second 0 of every minute (the template: every 15 minutes);
 * - the recovery pass (the template's most frequent Schedule Trigger) runs at second 30 of every minute instead of
 *   its shipped schedule, so "whole again within the recovery window" takes a minute here, not an hour;
 * - the history template's Date Range is one day (`raceDate`) on which only the race test's orders are placed.
 */
import * as fs from 'node:fs';
import { ensureRuntime, owner } from '../../support/environment';
import { importSinceFor } from '../../../../scripts/lib/demo';
import { itemsOf, readExecutions, type Execution } from '../../../../scripts/lib/executions';
import { ensureTarball } from '../../../../scripts/lib/packageInstall';
import { QueueCluster } from '../../../../scripts/lib/queueCluster';
import { repoPath } from '../../../../scripts/lib/repo';
import { delay } from '../../../../scripts/lib/shell';
import { waitForPublishedHistory } from '../../../../scripts/lib/history';
import { freePort, waitUntilSettled, waitFor } from '../../../../scripts/lib/stack';
import {
	failedOrdersNode,
	loadTemplate,
	prepareWorkflow,
	workflowIds,
} from '../../../../scripts/lib/workflows';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { startLatencyProxy, type LatencyProxy } from './latencyProxy';
import { recoveryTrigger } from './recovery';

export interface QueueE2e {
	sandbox: Sandbox;
	cluster: QueueCluster;
	/** Sits between every n8n process and the books sandbox. */
	network: LatencyProxy;
	/** The one day of the history template's Date Range. */
	raceDate: string;
	/** Seconds each set-up step took: package, services + imports, start, first poll. */
	timings: Record<string, number>;
	/** The Schedule Trigger run every minute here as the recovery pass, and its shipped gap in minutes. */
	recovery: { name: string; gapMinutes: number };
	executions(withData?: boolean): Execution[];
	/** Items that reached "Failed Orders", in any execution so far. */
	failedOrders(): Array<Record<string, unknown>>;
	/** Items that left `node` in executions started by `entry` (the poll, the recovery pass, ...). */
	itemsFrom(node: string, entry: string): Array<Record<string, unknown>>;
	/** `n8n execute` of the history template, beside the running cluster (n8n runs it in its own process). */
	runHistory(): Promise<{ status: number; output: string }>;
	/** No unfinished execution and no sandbox request for a few seconds. */
	settle(timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

const day = 24 * 3600 * 1000;

function dayBefore(date: string, days = 1): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) - days * day).toISOString().slice(0, 10);
}

export const pollCron = '0 * * * * *';
export const recoveryCron = '30 * * * * *';

/** Waits for the wall clock to reach this second of the minute (0–59). */
export async function untilSecond(second: number): Promise<void> {
	const now = new Date();
	const wait = ((second - now.getSeconds() + 60) % 60) * 1000 - now.getMilliseconds();
	await new Promise((resolve) => setTimeout(resolve, wait < 0 ? wait + 60_000 : wait));
}

/**
 * Returns at a moment that is not just before a tick (the poll at second 0, the recovery pass at second 30): orders
 * placed then are read whole by the next tick's execution, within 30 s.
 */
export async function awayFromTick(): Promise<void> {
	const second = new Date().getSeconds() % 30;
	if (second >= 26) await delay((31 - second) * 1000);
}

/** Waits until 4 s before the next tick (the poll at second 0 or the recovery pass at second 30). */
export async function justBeforeTick(): Promise<void> {
	const second = new Date().getSeconds();
	await untilSecond(second < 26 || second >= 56 ? 26 : 56);
}

export async function startQueueE2e(
	name: string,
	shop: SandboxOptions['shop'],
	env: Record<string, string> = {},
): Promise<QueueE2e> {
	const timings: Record<string, number> = {};
	let lap = Date.now();
	const time = (step: string) => {
		timings[step] = Math.round((Date.now() - lap) / 100) / 10;
		lap = Date.now();
	};
	ensureRuntime();
	const tarball = ensureTarball();
	time('package');
	const runDir = repoPath('.e2e', name);
	const sandbox = await startSandbox({ shop });
	let network: LatencyProxy | undefined;
	let cluster: QueueCluster | undefined;
	try {
		network = await startLatencyProxy(sandbox.booksUrl);
		// The race test's orders are placed on a day no other order has: the day before the oldest one.
		const raceDate = importSinceFor(sandbox.shop.orders());
		const importSince = dayBefore(raceDate);
		const template = loadTemplate('sync');
		const recovery = recoveryTrigger(template);
		const sync = prepareWorkflow('sync', {
			mijnwebwinkelTrigger: {
				importSince,
				pollTimes: { item: [{ mode: 'custom', cronExpression: pollCron }] },
			},
			[recovery.name]: {
				rule: { interval: [{ field: 'cronExpression', expression: recoveryCron }] },
			},
		});
		const history = prepareWorkflow('history', {
			'Date Range': {
				assignments: {
					assignments: [
						{ id: 'from', name: 'from', type: 'string', value: raceDate },
						{ id: 'to', name: 'to', type: 'string', value: raceDate },
					],
				},
			},
		});
		cluster = await QueueCluster.create({
			runDir,
			sandbox: { ...sandbox, booksUrl: network.url },
			tarball,
			owner,
			workflows: [
				{ workflow: sync, publish: true },
				// n8n 2 runs a called workflow's published version unless the caller runs in the editor.
				{ workflow: history, publish: true },
			],
			env,
		});
		time('servicesAndImports');
		const before = sandbox.shop.counts()['GET /v1/orders'] ?? 0;
		await cluster.start();
		time('start');
		const started = cluster;
		await waitFor(
			() => (sandbox.shop.counts()['GET /v1/orders'] ?? 0) > before,
			90_000,
			() => `no activation poll reached the shop\n${started.logTails()}`,
		);
		time('firstPoll');
		const running = cluster;
		const proxy = network;
		const executions = (withData = false) => readExecutions(running.main, withData);
		return {
			sandbox,
			cluster: running,
			network: proxy,
			raceDate,
			timings,
			recovery,
			executions,
			failedOrders: () =>
				itemsOf(executions(true), failedOrdersNode) as Array<Record<string, unknown>>,
			itemsFrom: (node, entry) =>
				itemsOf(
					executions(true).filter((execution) => execution.nodes?.[entry]),
					node,
				) as Array<Record<string, unknown>>,
			async runHistory() {
				await waitForPublishedHistory(running.main);
				const result = await running.main.cli(
					['execute', `--id=${workflowIds.history}`],
					await freePort(),
				);
				const output = result.stdout + result.stderr;
				fs.writeFileSync(`${running.main.options.userFolder}/history-${Date.now()}.log`, output);
				return { status: result.status, output };
			},
			settle: (timeoutMs = 120_000) =>
				waitUntilSettled(running.main, sandbox, { quietMs: 3_000, timeoutMs }),
			async close() {
				await running.close();
				await proxy.close();
				await sandbox.close();
			},
		};
	} catch (error) {
		await cluster?.close();
		await network?.close();
		await sandbox.close();
		throw error;
	}
}
