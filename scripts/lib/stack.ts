import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { isUnfinished, readExecutions } from './executions';
import { N8nProcess, type Owner } from './n8nProcess';
import { delay } from './shell';
import { installIntoN8n } from './packageInstall';
import type { RuntimeName } from './runtime';
import { sandboxCredentials, type WorkflowJson } from './workflows';

/** What the n8n side needs from the sandbox (test/sandbox startSandbox's result). */
export interface SandboxLike {
	shopUrl: string;
	booksUrl: string;
	shop: { counts(): Record<string, number> };
	books: { counts(): Record<string, number> };
}

export interface N8nSetup {
	/** A fresh folder for this n8n: its user folder, logs and import files. */
	runDir: string;
	sandbox: SandboxLike;
	tarball: string;
	owner: Owner;
	workflows: Array<{ workflow: WorkflowJson; publish: boolean }>;
	port?: number;
	brokerPort?: number;
	/** Fixed per run dir: n8n writes it into .n8n/config on first use and refuses another later. */
	encryptionKey?: string;
	env?: Record<string, string>;
	/** Which pinned runtime: the default n8n 2.x, or `1x`. */
	runtime?: RuntimeName;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Installs the package, imports both credentials and the workflows, publishes the ones asked for. n8n stays stopped. */
export async function setUpN8n(setup: N8nSetup): Promise<N8nProcess> {
	const userFolder = path.join(setup.runDir, 'n8n');
	const n8n = new N8nProcess({
		userFolder,
		port: setup.port || (await freePort()),
		brokerPort: setup.brokerPort || (await freePort()),
		encryptionKey: setup.encryptionKey ?? 'sandbox-only-encryption-key-0001',
		owner: setup.owner,
		env: setup.env,
		runtime: setup.runtime,
	});
	installIntoN8n(userFolder, setup.tarball);
	const importDir = path.join(setup.runDir, 'import');
	fs.mkdirSync(importDir, { recursive: true });
	const credentialsFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify(sandboxCredentials(setup.sandbox.shopUrl, setup.sandbox.booksUrl)),
	);
	await n8n.cliOrThrow(['import:credentials', `--input=${credentialsFile}`]);
	await importWorkflows(n8n, importDir, setup.workflows);
	return n8n;
}

/**
 * `import:workflow` deactivates what it imports, so publishing always comes after it. n8n 1.x has no
 * `publish:workflow`: there `update:workflow --active=true` (n8n stopped) activates at the next start.
 */
export async function importWorkflows(
	n8n: N8nProcess,
	importDir: string,
	workflows: Array<{ workflow: WorkflowJson; publish: boolean }>,
): Promise<void> {
	const workflowsFile = path.join(importDir, `workflows-${Date.now()}.json`);
	fs.writeFileSync(workflowsFile, JSON.stringify(workflows.map(({ workflow }) => workflow)));
	await n8n.cliOrThrow(['import:workflow', `--input=${workflowsFile}`]);
	for (const { workflow, publish } of workflows) {
		if (!publish) continue;
		await n8n.cliOrThrow(
			n8n.options.runtime === '1x'
				? ['update:workflow', `--id=${workflow.id}`, '--active=true']
				: ['publish:workflow', `--id=${workflow.id}`],
		);
	}
}

function total(counts: Record<string, number>): number {
	return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/**
 * Starts n8n and waits until the shop sees the activation poll: /healthz answers before the workflows are
 * active, so the only reliable signal is the poll itself (docs/api-notes.md, n8n End to end §5).
 */
export async function startAndWaitForPoll(
	n8n: N8nProcess,
	sandbox: SandboxLike,
	timeoutMs = 90_000,
): Promise<void> {
	const before = total(sandbox.shop.counts());
	await n8n.start();
	await waitFor(
		() => total(sandbox.shop.counts()) > before,
		timeoutMs,
		() => `no poll reached the shop\n${n8n.logTail()}`,
	);
}

export async function waitFor(
	check: () => boolean | Promise<boolean>,
	timeoutMs: number,
	describe: () => string,
	intervalMs = 250,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs / 1000} s: ${describe()}`);
		await delay(intervalMs);
	}
}

/**
 * Waits until n8n is idle: no unfinished execution and neither sandbox has received a request for `quietMs`.
 */
export async function waitUntilSettled(
	n8n: N8nProcess,
	sandbox: SandboxLike,
	{ quietMs = 2_000, timeoutMs = 120_000 } = {},
): Promise<void> {
	const signature = () => `${total(sandbox.shop.counts())}/${total(sandbox.books.counts())}`;
	let last = signature();
	let quietSince = Date.now();
	await waitFor(
		() => {
			const now = signature();
			if (now !== last) {
				last = now;
				quietSince = Date.now();
				return false;
			}
			if (Date.now() - quietSince < quietMs) return false;
			return !readExecutions(n8n).some(isUnfinished);
		},
		timeoutMs,
		() => `n8n did not settle (requests ${signature()})\n${n8n.logTail()}`,
	);
}
