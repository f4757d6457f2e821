/**
 * Reconcile as a user runs it: the sync books the shop in a real n8n 2.x, n8n is stopped, the sandbox books are
 * edited by hand (tamper.ts) and through the API, and the "Check shop against books" template is run with
 * `n8n execute`. Its report must name exactly the planted differences; run with Fix, the books must be whole
 * again (the missing order and the missing payment booked once), and a second run must find only what Fix leaves to
 * the bookkeeper. The expected differences are the planted ones, written out here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { itemsOf, readExecutions } from '../../scripts/lib/executions';
import { repoPath } from '../../scripts/lib/repo';
import { freePort, importWorkflows } from '../../scripts/lib/stack';
import type { WorkflowJson } from '../../scripts/lib/workflows';
import type { BooksStore } from '../sandbox/books/store';
import {
	captureStores,
	changeLinePrice,
	deleteInvoice,
	removePayments,
} from '../sandbox/books/tamper';
import type { BookingMode } from '../../nodes/OrderToInvoice/mapping/types';
import { importSinceFor } from '../../scripts/lib/demo';
import type { N8nProcess } from '../../scripts/lib/n8nProcess';
import { ensureTarball } from '../../scripts/lib/packageInstall';
import { setUpN8n, startAndWaitForPoll, waitUntilSettled } from '../../scripts/lib/stack';
import { prepareWorkflow } from '../../scripts/lib/workflows';
import { startSandbox, type Sandbox } from '../sandbox';
import {
	changeRow,
	deleteEntry,
	entryOf,
	removeEntryPayments,
} from '../integration/EBoekhouden/reconcileEntries';
import { readBooks } from './support/books';
import { ensureRuntime, owner, startE2e, type E2eEnvironment } from './support/environment';
import { shopToday } from '../../scripts/lib/shopDate';

const minute = 60_000;
jest.setTimeout(6 * minute);

const WORKFLOW_ID = 'mwwCheckShopBooks';
let e2e: E2eEnvironment;
let store: BooksStore;
let planted: Record<'missing' | 'amountDiffers' | 'unpaid' | 'bookedTwice', string>;

/** Where the template runs: the n8n (stopped; `n8n execute` runs it) and the first day of its shop's orders. */
interface Target {
	n8n: N8nProcess;
	importSince: string;
	bookingMode?: BookingMode;
}

/** The template as shipped, its period set to the whole seeded shop, Fix and Booking Mode as asked. */
function template(fix: boolean, target: Target): WorkflowJson {
	const workflow = JSON.parse(
		fs.readFileSync(repoPath('workflows', 'check-shop-against-books.json'), 'utf8'),
	) as WorkflowJson;
	const today = shopToday();
	for (const node of workflow.nodes) {
		if (node.name === 'Last Month') {
			node.parameters.assignments = {
				assignments: [
					{ id: 'from', name: 'from', type: 'string', value: target.importSince.slice(0, 10) },
					{ id: 'to', name: 'to', type: 'string', value: today },
				],
			};
		}
		if (node.name === 'Reconcile') node.parameters.fix = fix;
		if (node.name === 'Order to Invoice' && target.bookingMode)
			node.parameters.bookingMode = target.bookingMode;
	}
	return { ...workflow, id: WORKFLOW_ID };
}

async function runTemplate(fix: boolean, target: Target = e2e) {
	const mode = target.bookingMode ?? 'invoice';
	const importDir = repoPath('.e2e', 'reconcile', `import-${mode}-${fix ? 'fix' : 'check'}`);
	fs.mkdirSync(importDir, { recursive: true });
	await importWorkflows(target.n8n, importDir, [
		{ workflow: template(fix, target), publish: false },
	]);
	const result = await target.n8n.cli(['execute', `--id=${WORKFLOW_ID}`], await freePort());
	const output = result.stdout + result.stderr;
	fs.writeFileSync(path.join(importDir, 'output.txt'), output);
	expect({ status: result.status, tail: output.slice(-300) }).toMatchObject({ status: 0 });
	// The run as n8n stored it (the CLI prints it only as a coloured log line under debug logging).
	const [run] = readExecutions(target.n8n, true)
		.filter((execution) => execution.workflowId === WORKFLOW_ID)
		.sort((a, b) => b.id - a.id);
	const items = (node: string) => itemsOf([run], node) as Array<Record<string, unknown>>;
	const report = items('Reconcile');
	const html = items('Summary as HTML');
	return {
		differences: report
			.filter((item) => item.kind === 'difference')
			.map((item) => `${String(item.status)} ${String(item.invoiceNumber)}`)
			.sort(),
		summary: report.find((item) => item.kind === 'summary'),
		html: String(html[0]?.html ?? ''),
		failed: items('Failed Orders'),
	};
}

/** A session on the sandbox books, as any API client opens one (docs/api-notes.md, e-Boekhouden §2.1). */
async function api(
	method: string,
	route: string,
	body?: unknown,
): Promise<Record<string, unknown>> {
	const url = e2e.sandbox.books.url;
	const session = (await (
		await fetch(`${url}/v1/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ accessToken: 'sandbox-api-token', source: 'e2e' }),
		})
	).json()) as { token: string };
	const response = await fetch(`${url}${route}`, {
		method,
		headers: { 'content-type': 'application/json', authorization: session.token },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const answer = (await response.json()) as Record<string, unknown>;
	if (!response.ok)
		throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(answer)}`);
	return answer;
}

describe('in Booking Mode Invoice', () => {
	beforeAll(async () => {
		const capture = captureStores();
		try {
			e2e = await startE2e('reconcile', { seed: { count: 30, seed: 20261206, periodDays: 14 } });
		} finally {
			capture.release();
		}
		store = capture.stores[0];
		await e2e.settle();
		await e2e.n8n.stop();
	}, 20 * minute);

	afterAll(async () => {
		await e2e?.close();
	});

	test('the template reports exactly the differences planted in the books', async () => {
		const books = readBooks(e2e.sandbox.books);
		const sales = books.invoices
			.filter((invoice) => /^MWW-\d+$/.test(invoice.invoiceNumber) && invoice.totalAmount > 0)
			.map((invoice) => invoice.invoiceNumber);
		expect(sales.length).toBeGreaterThan(5);
		planted = {
			missing: sales[0],
			amountDiffers: sales[1],
			unpaid: sales[2],
			bookedTwice: sales[3],
		};
		const before = await runTemplate(false);
		expect(before.differences).toEqual([]);

		deleteInvoice(store, planted.missing);
		changeLinePrice(store, planted.amountDiffers, 0, 1.23);
		removePayments(store, planted.unpaid);
		const twin = books.invoices.find((invoice) => invoice.invoiceNumber === planted.bookedTwice)!;
		const state = e2e.sandbox.books.state() as { ledgers: Array<{ id: number; code: string }> };
		const ledger = (code: string) => state.ledgers.find((each) => each.code === code)!.id;
		const invoice = (invoiceNumber: string, date: string, price: number) =>
			api('POST', '/v1/invoice', {
				invoiceNumber,
				relationId: twin.relationId,
				templateId: 752296,
				termOfPayment: 14,
				date,
				inExVat: 'IN',
				items: [
					{
						description: 'Artikel',
						quantity: 1,
						pricePerUnit: price,
						vatCode: 'HOOG_VERK_21',
						ledgerId: ledger('8000'),
					},
				],
				mutation: { ledgerId: ledger('1300'), description: invoiceNumber },
			});
		await invoice(`${planted.bookedTwice}-2`, twin.date, twin.totalAmount);
		await invoice('MWW-99999', twin.date, 8.47);

		const report = await runTemplate(false);
		expect(report.differences).toEqual(
			[
				`amountDiffers ${planted.amountDiffers}`,
				`bookedTwice ${planted.bookedTwice}`,
				`missing ${planted.missing}`,
				'notInShop MWW-99999',
				`unpaid ${planted.unpaid}`,
			].sort(),
		);
		expect(report.summary).toMatchObject({
			counts: {
				missing: 1,
				amountDiffers: 1,
				unpaid: 1,
				bookedTwice: 1,
				notInShop: 1,
				vatDiffers: 0,
				paymentDiffers: 0,
			},
		});
		expect(report.failed).toEqual([]);
		expect(report.html).toContain(planted.missing);
		expect(report.html).toContain('Per VAT code');
	});

	test('with Fix the missing order and payment are booked once, and a second run finds only what is left to the bookkeeper', async () => {
		const fixed = await runTemplate(true);
		expect(fixed.summary).toMatchObject({ fixed: { invoices: 1, failed: 0 } });
		const books = readBooks(e2e.sandbox.books);
		expect(
			books.invoices.filter((invoice) => invoice.invoiceNumber === planted.missing),
		).toHaveLength(1);
		const open = (invoiceNumber: string) =>
			books.outstanding.find((item) => item.invoiceNumber === invoiceNumber)?.outstandingAmount ??
			0;
		expect(open(planted.missing)).toBe(0);
		expect(open(planted.unpaid)).toBe(0);
		const counts = { invoices: books.invoices.length, mutations: books.mutations.length };

		const again = await runTemplate(true);
		expect(again.differences).toEqual(
			[
				`amountDiffers ${planted.amountDiffers}`,
				`bookedTwice ${planted.bookedTwice}`,
				'notInShop MWW-99999',
			].sort(),
		);
		expect(again.summary).toMatchObject({
			fixed: { invoices: 0, entries: 0, payments: 0, failed: 0 },
		});
		const after = readBooks(e2e.sandbox.books);
		expect({ invoices: after.invoices.length, mutations: after.mutations.length }).toEqual(counts);
	});
});

describe('in Booking Mode Journal Entry', () => {
	let sandbox: Sandbox;
	let target: Target;
	let journalStore: BooksStore;
	let numbers: Record<'missing' | 'amountDiffers' | 'unpaid', string>;

	/** A fresh sandbox and n8n whose sync books in Journal Entry mode (as bookingModes.test.ts starts one). */
	beforeAll(async () => {
		ensureRuntime();
		const tarball = ensureTarball();
		const runDir = repoPath('.e2e', 'reconcile-journal');
		fs.rmSync(runDir, { recursive: true, force: true });
		const capture = captureStores();
		try {
			sandbox = await startSandbox({
				shop: { seed: { count: 30, seed: 20261207, periodDays: 10, cases: false } },
			});
		} finally {
			capture.release();
		}
		journalStore = capture.stores[0];
		const importSince = importSinceFor(sandbox.shop.orders());
		const sync = prepareWorkflow('sync', {
			mijnwebwinkelTrigger: { importSince, pollTimes: { item: [{ mode: 'everyMinute' }] } },
			scheduleTrigger: {
				rule: { interval: [{ field: 'cronExpression', expression: '* * * * *' }] },
			},
			orderToInvoice: { bookingMode: 'journalEntry' },
		});
		const n8n = await setUpN8n({
			runDir,
			sandbox,
			tarball,
			owner,
			workflows: [{ workflow: sync, publish: true }],
		});
		target = { n8n, importSince, bookingMode: 'journalEntry' };
		try {
			await startAndWaitForPoll(n8n, sandbox);
			await waitUntilSettled(n8n, sandbox);
		} finally {
			await n8n.stop();
		}
	}, 20 * minute);

	afterAll(async () => {
		await target?.n8n.stop();
		await sandbox?.close();
	});

	test('the template reports the journal entries planted wrong, and nothing for books the sync made', async () => {
		const books = readBooks(sandbox.books);
		expect(books.invoices).toEqual([]);
		const sales = books.mutations
			.filter(
				(mutation) =>
					mutation.type === 2 &&
					/^MWW-\d+$/.test(String(mutation.invoiceNumber)) &&
					mutation.rows.reduce((sum, row) => sum + row.amount, 0) > 0,
			)
			.map((mutation) => String(mutation.invoiceNumber));
		expect(sales.length).toBeGreaterThan(3);
		numbers = { missing: sales[0], amountDiffers: sales[1], unpaid: sales[2] };
		const whole = await runTemplate(false, target);
		expect(whole.failed).toEqual([]);
		expect(whole.differences).toEqual([]);

		deleteEntry(journalStore, numbers.missing, 2);
		const row = entryOf(journalStore, numbers.amountDiffers, 2).rows[0];
		changeRow(journalStore, numbers.amountDiffers, 2, 0, { amount: row.amount + 100 });
		removeEntryPayments(journalStore, numbers.unpaid);
		const report = await runTemplate(false, target);
		expect(report.differences).toEqual(
			[
				`amountDiffers ${numbers.amountDiffers}`,
				`missing ${numbers.missing}`,
				`unpaid ${numbers.unpaid}`,
			].sort(),
		);
		expect(report.html).toContain('Journal entry');
	});

	test('with Fix the missing journal entry and the payments are booked once; a second Fix books nothing', async () => {
		const fixed = await runTemplate(true, target);
		expect(fixed.summary).toMatchObject({ fixed: { invoices: 0, entries: 1, failed: 0 } });
		const books = readBooks(sandbox.books);
		const entries = books.mutations.filter(
			(mutation) => mutation.type === 2 && mutation.invoiceNumber === numbers.missing,
		);
		expect(entries).toHaveLength(1);
		const open = (invoiceNumber: string) =>
			books.outstanding.find((item) => item.invoiceNumber === invoiceNumber)?.outstandingAmount ??
			0;
		expect(open(numbers.missing)).toBe(0);
		expect(open(numbers.unpaid)).toBe(0);

		const again = await runTemplate(true, target);
		expect(again.differences).toEqual([`amountDiffers ${numbers.amountDiffers}`]);
		expect(again.summary).toMatchObject({
			fixed: { invoices: 0, entries: 0, payments: 0, failed: 0 },
		});
		expect(readBooks(sandbox.books).mutations).toHaveLength(books.mutations.length);
	});
});
