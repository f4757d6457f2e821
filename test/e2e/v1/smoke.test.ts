/**
 * The same product on n8n 1.x, for users who have not upgraded: n8n 1.123.50 on its own Node 20 (the runtime in
 * test/e2e/runtime-1x/, cached outside the clone), SQLite, one process. The packed package is installed as a
 * community package, the shipped sync template imported and activated the 1.x way (`update:workflow --active=true`;
 * 1.x has no `publish:workflow`), and a small shop is booked by the activation poll. Checked in the sandbox books.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { readBooks } from '../support/books';
import { bookProblems } from '../support/checks';
import { emailOf, expectationFor, invoiceNumberFor } from '../support/expected';
import { ensureRuntime, owner } from '../support/environment';
import { importSinceFor } from '../../../scripts/lib/demo';
import { readExecutions } from '../../../scripts/lib/executions';
import type { N8nProcess } from '../../../scripts/lib/n8nProcess';
import { ensureTarball } from '../../../scripts/lib/packageInstall';
import { loadRuntime, repoPath } from '../../../scripts/lib/repo';
import { setUpN8n, startAndWaitForPoll, waitUntilSettled } from '../../../scripts/lib/stack';
import { prepareWorkflow, workflowIds } from '../../../scripts/lib/workflows';
import { startSandbox, type Sandbox } from '../../sandbox';

const minute = 60_000;
jest.setTimeout(3 * minute);

const runtime = loadRuntime().named('1x');
let sandbox: Sandbox | undefined;
let n8n: N8nProcess | undefined;

/** Installs the 1.x runtime when this file runs before `npm test` did (idempotent: a marker says it is there). */
function ensureRuntime1x(): void {
	if (runtime.isInstalled()) return;
	const install = spawnSync(
		process.execPath,
		[repoPath('scripts', 'install-n8n.js'), '--runtime=1x'],
		{ stdio: 'inherit' },
	);
	if (install.status !== 0) throw new Error('installing the n8n 1.x runtime failed');
}

beforeAll(async () => {
	// The 2.x runtime too: its Node 24 reads the 1.x SQLite database (node:sqlite), Node 20 cannot.
	ensureRuntime();
	ensureRuntime1x();
	const tarball = ensureTarball();
	const runDir = repoPath('.e2e', 'v1');
	fs.rmSync(runDir, { recursive: true, force: true });
	sandbox = await startSandbox({ shop: { seed: { count: 25, seed: 20261206, periodDays: 10 } } });
	const sync = prepareWorkflow('sync', {
		mijnwebwinkelTrigger: {
			importSince: importSinceFor(sandbox.shop.orders()),
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		},
	});
	n8n = await setUpN8n({
		runDir,
		sandbox,
		tarball,
		owner,
		runtime: '1x',
		workflows: [{ workflow: sync, publish: true }],
	});
	await startAndWaitForPoll(n8n, sandbox);
	await waitUntilSettled(n8n, sandbox);
}, 10 * minute);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

test('n8n 1.123.50 on Node 20 loads the package and runs the activated sync template', async () => {
	const active = n8n!;
	const version = await active.cli(['--version']);
	expect(version.stdout.trim().split('\n').pop()).toBe(runtime.n8nVersion);
	expect(runtime.n8nVersion).toMatch(/^1\./);
	const node = spawnSync(active.nodeBin, ['--version'], { encoding: 'utf8' });
	expect(node.stdout.trim()).toMatch(/^v20\./);

	const executions = readExecutions(active, true);
	expect(executions.length).toBeGreaterThan(0);
	expect(
		executions.map(({ workflowId, mode, status }) => ({ workflowId, mode, status })),
	).toContainEqual({ workflowId: workflowIds.sync, mode: 'trigger', status: 'success' });
	expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
	expect(active.logTail(400)).not.toMatch(/Unrecognized node type/);
});

test('a small shop is booked right: an invoice per finished, paid order with its totals, its payment, one relation per e-mail', () => {
	const orders = sandbox!.shop.orders();
	const books = readBooks(sandbox!.books);
	const expected = orders.filter((order) => expectationFor(order) !== 'none');
	expect(expected.length).toBeGreaterThan(5);
	expect(books.invoices.map((invoice) => invoice.invoiceNumber).sort()).toEqual(
		expected.map(invoiceNumberFor).sort(),
	);
	expect(new Set(books.relations.map((relation) => relation.emailAddress?.toLowerCase()))).toEqual(
		new Set(expected.map(emailOf)),
	);
	expect(bookProblems(orders, books)).toEqual([]);
});
