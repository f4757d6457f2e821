/**
 * The shipped history template in a real n8n, run as a self-hosting user runs it from a terminal (`n8n execute`,
 * beside the running n8n): a period of several months is booked one calendar month per execution, an import
 * stopped halfway (killed) is finished by running it again, and a run over a booked period books nothing.
 * Checked in the sandbox books.
 */
import * as fs from 'node:fs';
import { readBooks } from './support/books';
import { bookProblems, failedOrderProblems, type FailedOrder } from './support/checks';
import { ensureRuntime, owner } from './support/environment';
import { expectationFor, invoiceNumberFor } from './support/expected';
import { payLaterAsPaid } from './support/triggerPayLater';
import { importSinceFor } from '../../scripts/lib/demo';
import { itemsOf, readExecutions, type Execution } from '../../scripts/lib/executions';
import {
	historyForPeriod,
	runHistoryCli,
	waitForPublishedHistory,
} from '../../scripts/lib/history';
import type { N8nProcess } from '../../scripts/lib/n8nProcess';
import { ensureTarball } from '../../scripts/lib/packageInstall';
import { repoPath } from '../../scripts/lib/repo';
import { setUpN8n } from '../../scripts/lib/stack';
import { failedOrdersNode, workflowIds } from '../../scripts/lib/workflows';
import { startSandbox, type Sandbox } from '../sandbox';
import { shopToday } from '../../scripts/lib/shopDate';

const minute = 60_000;
jest.setTimeout(10 * minute);

let sandbox: Sandbox;
let n8n: N8nProcess;
let from: string;
const today = shopToday();

/** The seed's recent orders: its pre-2019 ones would make the period years of empty months. */
const recent = () =>
	sandbox.shop
		.orders()
		.filter((order) => String(order.date) >= String(new Date().getFullYear() - 1));
const toBook = () =>
	recent().filter((order) => !['none', 'failed'].includes(expectationFor(order)));

beforeAll(async () => {
	ensureRuntime();
	const tarball = ensureTarball();
	const runDir = repoPath('.e2e', 'history');
	fs.rmSync(runDir, { recursive: true, force: true });
	// About four months of orders, plus one order of every bookkeeping case (some must fail) at the end.
	sandbox = await startSandbox({
		shop: { seed: { count: 70, seed: 20261206, periodDays: 120, cases: true } },
	});
	from = importSinceFor(recent());
	n8n = await setUpN8n({
		runDir,
		sandbox,
		tarball,
		owner,
		workflows: [{ workflow: historyForPeriod(from, today), publish: true }],
	});
	await n8n.start();
	await waitForPublishedHistory(n8n);
}, 10 * minute);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

function newSince(before: Set<number>): Execution[] {
	return readExecutions(n8n, true).filter((execution) => !before.has(execution.id));
}

const ids = () => new Set(readExecutions(n8n).map((execution) => execution.id));
const months = () => {
	const seen = new Set<string>();
	for (
		const day = new Date(`${from}T00:00:00Z`);
		day <= new Date(`${today}T00:00:00Z`);
		day.setUTCDate(day.getUTCDate() + 1)
	)
		seen.add(day.toISOString().slice(0, 7));
	return seen.size;
};

test('an import stopped after its first month is finished by running it again: each order booked once, one execution per month', async () => {
	const before = ids();
	const monthsDone = () =>
		readExecutions(n8n).filter(
			(execution) =>
				!before.has(execution.id) &&
				execution.mode === 'integrated' &&
				execution.status === 'success',
		).length;
	const stopped = await runHistoryCli(n8n, { stopWhen: () => monthsDone() >= 1 });
	expect(stopped.status).not.toBe(0);
	const halfway = readBooks(sandbox.books).invoices.length;
	expect(halfway).toBeGreaterThan(0);
	expect(halfway).toBeLessThan(toBook().length);

	const resumedFrom = ids();
	const resumed = await runHistoryCli(n8n);
	expect({ status: resumed.status, output: resumed.status === 0 ? '' : resumed.output }).toEqual({
		status: 0,
		output: '',
	});
	const orders = recent();
	const books = readBooks(sandbox.books);
	// Pay-later orders count as paid, as the booking nodes take them (see sync.test.ts).
	expect(bookProblems(payLaterAsPaid(orders), books)).toEqual([]);
	const numbers = books.invoices.map((invoice) => invoice.invoiceNumber);
	expect(new Set(numbers).size).toBe(numbers.length);
	expect(numbers).toEqual(expect.arrayContaining(toBook().map(invoiceNumberFor)));
	expect(toBook().length).toBeGreaterThan(20);

	const executions = newSince(resumedFrom);
	const perMonth = executions.filter((execution) => execution.mode === 'integrated');
	expect(perMonth).toHaveLength(months());
	expect(months()).toBeGreaterThanOrEqual(4);
	expect(perMonth.filter((execution) => execution.status !== 'success')).toEqual([]);

	// The run that started it all keeps one small line per month, not the orders.
	const parent = executions.find((execution) => execution.mode === 'cli');
	expect(parent).toMatchObject({ status: 'success', workflowId: workflowIds.history });
	const lines = itemsOf(parent ? [parent] : [], 'Import Each Month') as Array<
		Record<string, unknown>
	>;
	expect(lines.length).toBeGreaterThan(0);
	expect(lines.length).toBeLessThanOrEqual(months());
	const keys = new Set(lines.flatMap((line) => Object.keys(line)));
	expect(keys.size).toBeLessThanOrEqual(4);

	// Failed Orders still names each order that cannot be booked, in its month's execution.
	const failed = itemsOf(perMonth, failedOrdersNode) as FailedOrder[];
	expect(failedOrderProblems(orders, failed)).toEqual([]);
	const mustFail = orders
		.filter((order) => expectationFor(order) === 'failed')
		.map((order) => String(order.number));
	expect(mustFail.length).toBeGreaterThan(0);
	expect(failed.map((item) => String(item.orderNumber)).sort()).toEqual(mustFail.sort());
});

test('a run over a period that is booked writes nothing to e-Boekhouden', async () => {
	const writes = () =>
		Object.entries(sandbox.books.counts())
			.filter(([route]) => !route.startsWith('GET'))
			.reduce((sum, [, count]) => sum + count, 0);
	const before = readBooks(sandbox.books);
	const writesBefore = writes();
	const run = await runHistoryCli(n8n);
	expect(run.status).toBe(0);
	expect(writes()).toBe(writesBefore);
	expect(readBooks(sandbox.books)).toEqual(before);
});
