/**
 * The sliced history template on n8n 1.123.50 (Node 20): the same workflow calls itself once per calendar month
 * through Execute Workflow, run with `n8n execute` as on 2.x (1.x calls a workflow whether it is active or not).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { readBooks } from '../support/books';
import { bookProblems } from '../support/checks';
import { ensureRuntime, owner } from '../support/environment';
import { expectationFor, invoiceNumberFor } from '../support/expected';
import { payLaterAsPaid } from '../support/triggerPayLater';
import { importSinceFor } from '../../../scripts/lib/demo';
import { readExecutions } from '../../../scripts/lib/executions';
import { historyForPeriod, runHistoryCli } from '../../../scripts/lib/history';
import type { N8nProcess } from '../../../scripts/lib/n8nProcess';
import { ensureTarball } from '../../../scripts/lib/packageInstall';
import { loadRuntime, repoPath } from '../../../scripts/lib/repo';
import { setUpN8n } from '../../../scripts/lib/stack';
import { startSandbox, type Sandbox } from '../../sandbox';
import { shopToday } from '../../../scripts/lib/shopDate';

const minute = 60_000;
jest.setTimeout(6 * minute);

let sandbox: Sandbox | undefined;
let n8n: N8nProcess | undefined;

beforeAll(async () => {
	ensureRuntime();
	if (!loadRuntime().named('1x').isInstalled()) {
		const install = spawnSync(
			process.execPath,
			[repoPath('scripts', 'install-n8n.js'), '--runtime=1x'],
			{ stdio: 'inherit' },
		);
		if (install.status !== 0) throw new Error('installing the n8n 1.x runtime failed');
	}
	const runDir = repoPath('.e2e', 'v1-history');
	fs.rmSync(runDir, { recursive: true, force: true });
	sandbox = await startSandbox({ shop: { seed: { count: 30, seed: 20261207, periodDays: 75 } } });
	const recent = sandbox.shop.orders().filter((order) => String(order.date) >= '2020');
	n8n = await setUpN8n({
		runDir,
		sandbox,
		tarball: ensureTarball(),
		owner,
		runtime: '1x',
		workflows: [
			{
				workflow: historyForPeriod(importSinceFor(recent), shopToday()),
				publish: false,
			},
		],
	});
}, 10 * minute);

afterAll(async () => {
	await sandbox?.close();
});

test('n8n 1.x books a period of three months one month per execution, each order once', async () => {
	const run = await runHistoryCli(n8n!);
	expect({ status: run.status, output: run.status === 0 ? '' : run.output }).toEqual({
		status: 0,
		output: '',
	});
	const orders = sandbox!.shop.orders().filter((order) => String(order.date) >= '2020');
	const books = readBooks(sandbox!.books);
	expect(bookProblems(payLaterAsPaid(orders), books)).toEqual([]);
	const wanted = orders.filter((order) => expectationFor(order) === 'invoice');
	expect(wanted.length).toBeGreaterThan(5);
	expect(books.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(
		expect.arrayContaining(wanted.map(invoiceNumberFor)),
	);
	const months = readExecutions(n8n!).filter((execution) => execution.mode === 'integrated');
	expect(months.length).toBeGreaterThanOrEqual(3);
	expect(months.filter((execution) => execution.status !== 'success')).toEqual([]);
});
