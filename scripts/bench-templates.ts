/**
 * Issue 15, "Calls near the floor, as users really run it": e-Boekhouden calls per order counted by the sandbox
 * while the SHIPPED TEMPLATES run in a real n8n at their defaults (250 orders per poll, Requests in Parallel, one
 * month per history execution), for each Booking Mode:
 *   1. first import through the sync template (its poll, every minute instead of 15 so the run is short);
 *   2. an idle minute after it (the poll's shop calls, e-Boekhouden calls);
 *   3. the nightly catch-up and the hourly recovery when everything is booked (their own schedule triggers);
 *   4. a re-run of the whole period through the history template when everything is booked;
 *   5. first import through the history template, in a fresh n8n and fresh books.
 * The shop holds N finished, paid orders (default 1,000) of C customers (default 300) placed in the last 6 days, so
 * the 7-day catch-up sees all of them, beside the generator's unpaid, cancelled and test orders, which every
 * template rightly skips. Prints calls per booked order, writes and reads per endpoint.
 *
 *   npx tsc -p tsconfig.test.json && node .build/scripts/bench-templates.js \
 *     [--orders 1000] [--customers 300] [--modes invoice,journal,cash,cashWithoutRelations] [--skip-history]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox, type Sandbox } from '../test/sandbox';
import { categorizeOrder, generateOrders, type ShopOrder } from '../test/sandbox/shop/generator';
import { importSinceFor } from './lib/demo';
import { isUnfinished, itemsOf, readExecutions } from './lib/executions';
import { historyForPeriod, runHistoryCli, waitForPublishedHistory } from './lib/history';
import type { N8nProcess, Owner } from './lib/n8nProcess';
import { ensureTarball } from './lib/packageInstall';
import { repoPath } from './lib/repo';
import { setUpN8n, startAndWaitForPoll, waitFor, waitUntilSettled } from './lib/stack';
import { failedOrdersNode, prepareWorkflow, type WorkflowJson } from './lib/workflows';
import { shopToday } from './lib/shopDate';

const owner: Owner = {
	email: 'bench@example.com',
	password: 'Bench-Passw0rd',
	firstName: 'Bench',
	lastName: 'Owner',
};

const MODES = {
	invoice: { bookingMode: 'invoice' },
	journal: { bookingMode: 'journalEntry' },
	cash: { bookingMode: 'cashSale' },
	cashWithoutRelations: { bookingMode: 'cashSale', cashSaleRelation: false },
} as const;
type ModeName = keyof typeof MODES;

type Counts = Record<string, number>;

/** A seeded shuffle, so every run serves the same shop. */
function shuffled<T>(items: T[], seed: number): T[] {
	const out = [...items];
	let state = seed >>> 0;
	const next = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	for (let index = out.length - 1; index > 0; index--) {
		const other = Math.floor(next() * (index + 1));
		[out[index], out[other]] = [out[other], out[index]];
	}
	return out;
}

const total = (order: ShopOrder) =>
	Number(((order as Record<string, unknown>).price as { total?: string } | undefined)?.total ?? 0);

/**
 * Exactly `count` finished, paid orders with a total above zero, of exactly `customers` e-mail addresses (each used
 * at least once), placed in the last 6 days; the generator's other orders (not bookable) stay beside them. Credit
 * orders and orders before the period are left out, so every template books the same `count` orders.
 */
export function benchShop(count: number, customers: number, seed = 20261207): ShopOrder[] {
	const generated = generateOrders({ count: Math.ceil(count / 0.45), seed, periodDays: 6 });
	const since = Date.now() - 6.5 * 86_400_000;
	const recent = generated.filter(
		(order) =>
			new Date(String(order.date)).getTime() >= since && categorizeOrder(order) !== 'credit',
	);
	const bookable = recent.filter(
		(order) => categorizeOrder(order) === 'finishedPaid' && total(order) > 0,
	);
	if (bookable.length < count)
		throw new Error(`the generator gave ${bookable.length} bookable orders, fewer than ${count}`);
	const kept = new Set(bookable.slice(0, count));
	const addresses = shuffled(
		Array.from({ length: count }, (_, index) => index % customers),
		seed,
	);
	let next = 0;
	return recent
		.filter((order) => !bookable.includes(order) || kept.has(order))
		.map((order) =>
			kept.has(order)
				? {
						...order,
						debtor: {
							...(order.debtor as Record<string, unknown>),
							email: `customer${String(addresses[next++]).padStart(4, '0')}@example.nl`,
						},
					}
				: order,
		);
}

function sum(counts: Counts, keep: (route: string) => boolean = () => true): number {
	return Object.entries(counts)
		.filter(([route]) => keep(route))
		.reduce((all, [, value]) => all + value, 0);
}

const isRead = (route: string) => route.startsWith('GET');
/** The session call is e-Boekhouden's login, neither a read nor a write of the books. */
const isWrite = (route: string) => !isRead(route) && route !== 'POST /v1/session';

function describe(label: string, counts: Counts, orders: number, shop: Counts): string {
	const calls = sum(counts);
	const perEndpoint = Object.entries(counts)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([route, value]) => `${route} ${value}`)
		.join(', ');
	return [
		`  ${label}: ${calls} e-Boekhouden calls = ${(calls / orders).toFixed(3)} per order (writes ${sum(counts, isWrite)}, reads ${sum(counts, isRead)}, sessions ${counts['POST /v1/session'] ?? 0}); shop calls ${sum(shop)}`,
		`    ${perEndpoint || 'no e-Boekhouden calls'}`,
	].join('\n');
}

/** Distinct invoice numbers in the books: invoices, and type 2 / type 5 mutations (journal and cash modes). */
function bookedNumbers(sandbox: Sandbox): Set<string> {
	const state = sandbox.books.state() as unknown as {
		invoices: Array<{ invoiceNumber: string }>;
		mutations: Array<{ type: number; invoiceNumber?: string }>;
	};
	return new Set([
		...state.invoices.map((invoice) => invoice.invoiceNumber),
		...state.mutations
			.filter((mutation) => mutation.type === 2 || mutation.type === 5)
			.map((mutation) => mutation.invoiceNumber ?? ''),
	]);
}

/** Bookable orders of the shop with no entry in the books, with their date, to see why. */
function missing(sandbox: Sandbox, shopOrders: ShopOrder[]): string[] {
	const booked = [...bookedNumbers(sandbox)].join(' ');
	return shopOrders
		.filter((order) => categorizeOrder(order) === 'finishedPaid' && total(order) > 0)
		.filter((order) => !new RegExp(`\\D${String(order.number)}(\\s|$)`).test(` ${booked}`))
		.map((order) => `    not booked: order ${String(order.number)} of ${String(order.date)}`);
}

function counted(sandbox: Sandbox): { books: Counts; shop: Counts } {
	return { books: { ...sandbox.books.counts() }, shop: { ...sandbox.shop.counts() } };
}

function resetCounts(sandbox: Sandbox): void {
	sandbox.books.resetCounts();
	sandbox.shop.resetCounts();
}

function failures(n8n: N8nProcess): string[] {
	const executions = readExecutions(n8n, true);
	const failedExecutions = executions
		.filter((execution) => !isUnfinished(execution) && execution.status !== 'success')
		.map((execution) => `execution ${execution.id} ${execution.status}: ${execution.error ?? ''}`);
	const failedOrders = itemsOf(executions, failedOrdersNode).map(
		(item) => `order ${JSON.stringify(item).slice(0, 300)}`,
	);
	return [...failedExecutions, ...failedOrders];
}

/** The sync template with the poll every minute; `catchUpOnly` disables the poll and runs both schedules every minute. */
function syncTemplate(
	mode: ModeName,
	importSince: string,
	{ catchUpOnly = false } = {},
): WorkflowJson {
	const workflow = prepareWorkflow('sync', {
		orderToInvoice: { ...MODES[mode] },
		mijnwebwinkelTrigger: {
			importSince: `${importSince}T00:00:00`,
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		},
		...(catchUpOnly
			? {
					'Catch Up Missed Orders': {
						rule: { interval: [{ field: 'cronExpression', expression: '* * * * *' }] },
					},
					'Recover Within the Hour': {
						rule: { interval: [{ field: 'cronExpression', expression: '* * * * *' }] },
					},
				}
			: {}),
	});
	if (catchUpOnly)
		for (const node of workflow.nodes as Array<{ type: string; disabled?: boolean }>)
			if (node.type.endsWith('mijnwebwinkelTrigger')) node.disabled = true;
	return workflow;
}

let packed: string | undefined;

/**
 * The package packed once per run and copied aside, so every n8n of the run installs the same code even when the
 * sources change meanwhile, and two runs side by side never repack each other's tarball.
 */
function packageTarball(): string {
	if (packed) return packed;
	const copy = path.join(os.tmpdir(), `bench-templates-${process.pid}.tgz`);
	fs.copyFileSync(ensureTarball(), copy);
	packed = copy;
	return copy;
}

async function withN8n<T>(
	name: string,
	sandbox: Sandbox,
	workflows: Array<{ workflow: WorkflowJson; publish: boolean }>,
	use: (n8n: N8nProcess) => Promise<T>,
): Promise<T> {
	const runDir = repoPath('.e2e', `bench-templates-${name}`);
	fs.rmSync(runDir, { recursive: true, force: true });
	const n8n = await setUpN8n({ runDir, sandbox, tarball: packageTarball(), owner, workflows });
	try {
		return await use(n8n);
	} finally {
		await n8n.stop();
	}
}

/** Waits until `expected` orders are booked, or until nothing new was booked for `stallMs`. */
async function waitForBooked(sandbox: Sandbox, expected: number, stallMs = 150_000): Promise<void> {
	let last = -1;
	let since = Date.now();
	await waitFor(
		() => {
			const booked = bookedNumbers(sandbox).size;
			if (booked >= expected) return true;
			if (booked !== last) {
				last = booked;
				since = Date.now();
			}
			return Date.now() - since > stallMs;
		},
		60 * 60_000,
		() => `booked ${bookedNumbers(sandbox).size} of ${expected}`,
		1_000,
	);
}

async function benchMode(
	mode: ModeName,
	shopOrders: ShopOrder[],
	orders: number,
	skipHistory: boolean,
): Promise<string[]> {
	const lines: string[] = [`Booking Mode ${mode} (${JSON.stringify(MODES[mode])})`];
	const importSince = importSinceFor(shopOrders);
	const today = shopToday();
	const history = historyForPeriod(importSince, today, { orderToInvoice: { ...MODES[mode] } });
	const sandbox = await startSandbox({ shop: { orders: shopOrders } });
	try {
		await withN8n(
			`${mode}-sync`,
			sandbox,
			[{ workflow: syncTemplate(mode, importSince), publish: true }],
			async (n8n) => {
				resetCounts(sandbox);
				const started = Date.now();
				await startAndWaitForPoll(n8n, sandbox);
				await waitForBooked(sandbox, orders);
				await waitUntilSettled(n8n, sandbox, { quietMs: 3_000, timeoutMs: 600_000 });
				const first = counted(sandbox);
				const booked = bookedNumbers(sandbox).size;
				lines.push(
					`  sync template, first import: ${booked} of ${orders} orders booked in ${((Date.now() - started) / 1000).toFixed(0)} s`,
					describe('first import (sync template)', first.books, booked, first.shop),
					...failures(n8n).map((line) => `    failed: ${line}`),
					...missing(sandbox, shopOrders),
				);
				resetCounts(sandbox);
				await new Promise((resolve) => setTimeout(resolve, 65_000));
				const idle = counted(sandbox);
				const polls = readExecutions(n8n).length;
				lines.push(
					`  idle polls over 65 s (a poll a minute): e-Boekhouden calls ${sum(idle.books)}, shop calls ${sum(idle.shop)} ${JSON.stringify(idle.shop)}; executions in all ${polls}`,
					...sandbox.shop.requestLog().map((entry) => `    ${JSON.stringify(entry).slice(0, 400)}`),
				);
			},
		);
		await withN8n(
			`${mode}-catchup`,
			sandbox,
			[{ workflow: syncTemplate(mode, importSince, { catchUpOnly: true }), publish: true }],
			async (n8n) => {
				resetCounts(sandbox);
				await n8n.start();
				await waitFor(
					() => readExecutions(n8n).filter((execution) => !isUnfinished(execution)).length >= 2,
					180_000,
					() => 'no catch-up and recovery executions',
					1_000,
				);
				await waitUntilSettled(n8n, sandbox, { quietMs: 2_000 });
				const runs = readExecutions(n8n).filter((execution) => !isUnfinished(execution)).length;
				const catchUp = counted(sandbox);
				lines.push(
					describe(
						`nightly catch-up (7 days) + hourly recovery (2 days) when all is booked, ${runs} executions together`,
						catchUp.books,
						orders,
						catchUp.shop,
					),
				);
			},
		);
		await withN8n(`${mode}-rerun`, sandbox, [{ workflow: history, publish: true }], async (n8n) => {
			await n8n.start();
			await waitForPublishedHistory(n8n);
			resetCounts(sandbox);
			const run = await runHistoryCli(n8n);
			const rerun = counted(sandbox);
			lines.push(
				describe(
					`re-run of the period, history template, all booked (exit ${run.status}, ${(run.wallMs / 1000).toFixed(0)} s)`,
					rerun.books,
					orders,
					rerun.shop,
				),
			);
		});
	} finally {
		await sandbox.close();
	}
	if (skipHistory) return lines;
	const fresh = await startSandbox({ shop: { orders: shopOrders } });
	try {
		await withN8n(`${mode}-history`, fresh, [{ workflow: history, publish: true }], async (n8n) => {
			await n8n.start();
			await waitForPublishedHistory(n8n);
			resetCounts(fresh);
			const run = await runHistoryCli(n8n);
			const first = counted(fresh);
			const booked = bookedNumbers(fresh).size;
			lines.push(
				`  history template, first import: ${booked} of ${orders} orders booked in ${(run.wallMs / 1000).toFixed(0)} s (exit ${run.status})`,
				describe('first import (history template)', first.books, booked, first.shop),
				...failures(n8n).map((line) => `    failed: ${line}`),
				...missing(fresh, shopOrders),
			);
		});
	} finally {
		await fresh.close();
	}
	return lines;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			orders: { type: 'string', default: '1000' },
			customers: { type: 'string', default: '300' },
			modes: { type: 'string', default: Object.keys(MODES).join(',') },
			'skip-history': { type: 'boolean', default: false },
		},
	});
	const orders = Number(values.orders);
	const customers = Number(values.customers);
	const modes = String(values.modes).split(',') as ModeName[];
	for (const mode of modes) if (!(mode in MODES)) throw new Error(`unknown mode ${mode}`);
	const shopOrders = benchShop(orders, customers);
	packageTarball();
	console.log(
		`${orders} finished, paid orders of ${customers} customers (${shopOrders.length} shop orders in all), floor: 2 writes per order (1 in Cash Sale) + 2 relation calls per customer = ${(2 + (2 * customers) / orders).toFixed(2)} (${(1 + (2 * customers) / orders).toFixed(2)} in Cash Sale, 1.00 without relations)`,
	);
	for (const mode of modes) {
		const lines = await benchMode(mode, shopOrders, orders, values['skip-history'] === true);
		console.log(lines.join('\n'));
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
