/**
 * The product as a user runs it: a real n8n 2.x (the cached runtime) with the packed package installed as a
 * community package, both credentials pointed at the sandbox, the shipped templates imported and the sync active
 * (its poll and its nightly catch-up both every minute here).
 * Every check reads the sandbox BOOKS and compares them with figures worked out here from the shop's orders.
 * The steps build on each other, so they run in order against one n8n.
 */
import type { ShopOrder } from '../sandbox/shop/generator';
import { readBooks } from './support/books';
import { bookProblems } from './support/checks';
import { expectationFor, invoiceNumberFor } from './support/expected';
import { startE2e, type E2eEnvironment } from './support/environment';
import { findLeaks, type Secret } from './support/leaks';
import { newCreditOrder, newOrders, recentlyFinishedUnpaid } from './support/orders';
import {
	printedByCli,
	sandboxRequestLogs,
	storedInDatabase,
	writtenToFiles,
} from './support/records';
import { waitFor } from '../../scripts/lib/stack';
import {
	catchUpNode,
	failedOrdersNode,
	pollNode,
	sandboxTokens,
} from '../../scripts/lib/workflows';

const minute = 60_000;
jest.setTimeout(4 * minute);

let e2e: E2eEnvironment;

/** Waits until these orders have their invoices (the next one-minute poll, then the booking chain). */
async function waitForInvoices(orders: unknown[], timeoutMs = 2.5 * minute): Promise<void> {
	const wanted = orders.map(invoiceNumberFor);
	await waitFor(
		() => {
			const booked = new Set(
				readBooks(e2e.sandbox.books).invoices.map((invoice) => invoice.invoiceNumber),
			);
			return wanted.every((invoiceNumber) => booked.has(invoiceNumber));
		},
		timeoutMs,
		() =>
			`invoices ${wanted.join(', ')} not all booked; failed orders: ${JSON.stringify(e2e.failedOrders())}`,
		1_000,
	);
	await e2e.settle();
}

function shopOrders(): ShopOrder[] {
	return e2e.sandbox.shop.orders();
}

function snapshot() {
	const books = readBooks(e2e.sandbox.books);
	return {
		relations: books.relations.length,
		invoices: books.invoices.length,
		mutations: books.mutations.length,
	};
}

beforeAll(async () => {
	e2e = await startE2e('sync', { seed: { count: 60, seed: 20261127, periodDays: 14 } });
	await e2e.settle();
}, 20 * minute);

afterAll(async () => {
	await e2e?.close();
});

test('the first poll books every finished, paid order once, exactly as the order says', () => {
	const orders = shopOrders();
	const books = readBooks(e2e.sandbox.books);
	expect(orders.filter((order) => expectationFor(order) === 'invoice').length).toBeGreaterThan(10);
	expect(orders.filter((order) => expectationFor(order) === 'credit').length).toBeGreaterThan(0);
	expect(bookProblems(orders, books)).toEqual([]);
	expect(e2e.failedOrders()).toEqual([]);
});

// The poll re-checks unpaid orders once an hour, so the late payment may well be booked by the catch-up.
test('new orders and a payment that arrives later are booked by the next poll or catch-up', async () => {
	const unpaid = recentlyFinishedUnpaid(shopOrders());
	const added = newOrders(shopOrders(), 3);
	for (const order of added) {
		e2e.sandbox.shop.addOrder({ ...order, status: 1 });
		e2e.sandbox.shop.setStatus(order.number, 4);
	}
	e2e.sandbox.shop.setPaymentStatus(String(unpaid.number), 'captured');

	await waitForInvoices([...added, e2e.sandbox.shop.order(String(unpaid.number))]);
	expect(bookProblems(shopOrders(), readBooks(e2e.sandbox.books))).toEqual([]);
	expect(e2e.failedOrders()).toEqual([]);
});

test('a restarted n8n books nothing twice', async () => {
	const before = snapshot();
	await e2e.n8n.stop();
	const polls = e2e.sandbox.shop.counts()['GET /v1/orders'] ?? 0;
	await e2e.n8n.start();
	await waitFor(
		() => (e2e.sandbox.shop.counts()['GET /v1/orders'] ?? 0) > polls,
		minute,
		() => 'no poll after restart',
	);
	await e2e.settle();

	expect(snapshot()).toEqual(before);
	expect(bookProblems(shopOrders(), readBooks(e2e.sandbox.books))).toEqual([]);
});

test('the history template over the same period doubles nothing', async () => {
	const before = snapshot();
	const run = await e2e.runHistory();
	expect({ status: run.status, output: run.status === 0 ? '' : run.output }).toEqual({
		status: 0,
		output: '',
	});

	expect(snapshot()).toEqual(before);
	expect(bookProblems(shopOrders(), readBooks(e2e.sandbox.books))).toEqual([]);
	expect(e2e.failedOrders()).toEqual([]);
});

test('429s and 500s from e-Boekhouden for a while are ridden out: every order is booked once', async () => {
	e2e.sandbox.books.faults.add({ status: 429, retryAfterSeconds: 1, times: 3 });
	e2e.sandbox.books.faults.add({ method: 'GET', status: 500, times: 2 });
	const added = newOrders(shopOrders(), 2);
	for (const order of added) {
		e2e.sandbox.shop.addOrder({ ...order, status: 1 });
		e2e.sandbox.shop.setStatus(order.number, 4);
	}

	await waitForInvoices(added);
	const refused = e2e.sandbox.books
		.requestLog()
		.filter((entry) => entry.status === 429 || entry.status === 500);
	expect(refused.length).toBe(5);
	expect(bookProblems(shopOrders(), readBooks(e2e.sandbox.books))).toEqual([]);
	expect(e2e.failedOrders()).toEqual([]);
});

test('an e-Boekhouden outage: failed orders say which and why, and the catch-up books each once after recovery', async () => {
	e2e.sandbox.books.faults.add({ status: 500, times: 10_000 });
	const added = newOrders(shopOrders(), 2);
	const credit = newCreditOrder(shopOrders(), added[1].number + 1);
	for (const order of added) {
		e2e.sandbox.shop.addOrder({ ...order, status: 1 });
		e2e.sandbox.shop.setStatus(order.number, 4);
	}
	e2e.sandbox.shop.addOrder(credit);
	e2e.sandbox.shop.setStatus(credit.number, 10);
	const missed = [...added, credit];
	const numbers = missed.map((order) => String(order.number));
	// The poll emits each order once, so these are never emitted again: only the catch-up can book them now.
	const failedInPoll = () =>
		e2e
			.itemsFrom(failedOrdersNode, pollNode)
			.filter((failed) => numbers.includes(String(failed.orderNumber)));
	await waitFor(
		() =>
			new Set(failedInPoll().map((failed) => String(failed.orderNumber))).size === numbers.length,
		2.5 * minute,
		() => `orders ${numbers.join(', ')} not in Failed Orders: ${JSON.stringify(failedInPoll())}`,
		2_000,
	);
	for (const failed of failedInPoll()) {
		expect(String(failed.reason)).toContain(`Order ${String(failed.orderNumber)}:`);
	}
	const booked = new Set(
		readBooks(e2e.sandbox.books).invoices.map((invoice) => invoice.invoiceNumber),
	);
	expect(missed.map(invoiceNumberFor).filter((number) => booked.has(number))).toEqual([]);

	e2e.sandbox.books.faults.clear();
	await waitForInvoices(missed);
	const createdByCatchUp = e2e
		.itemsFrom('Create Invoice', catchUpNode)
		.filter((invoice) => invoice.created === true)
		.map((invoice) => String(invoice.orderNumber));
	expect(createdByCatchUp).toEqual(expect.arrayContaining(numbers));
	expect(bookProblems(shopOrders(), readBooks(e2e.sandbox.books))).toEqual([]);
});

// Last, so it reads every execution the suite produced, the 429/500 and outage runs included.
test('no token reaches execution data, static data, the log or the output of n8n, even when an API echoes it', async () => {
	const { storeToken, partnerToken, accessToken } = sandboxTokens;
	// Some APIs quote the request in their error: the URL with both tokens, and the token on its own.
	const echo = 'echo-check-7311';
	e2e.sandbox.shop.faults.add({
		method: 'GET',
		path: '/v1/orders',
		status: 400,
		times: 1_000,
		body: {
			message: `${echo}: unknown filter in /v1/orders?token=${storeToken}&partner_token=${partnerToken}&language=nl_NL`,
			description: `Store token ${storeToken} has no such filter.`,
		},
	});
	const run = await e2e.runHistory();
	e2e.sandbox.shop.faults.clear();
	await e2e.settle();
	expect(run.status).not.toBe(0);

	const sessionTokens = e2e.sandbox.books.sessionTokens();
	expect(sessionTokens.length).toBeGreaterThan(0);
	const secrets: Secret[] = [
		{ name: 'Mijnwebwinkel store token', value: storeToken },
		{ name: 'Mijnwebwinkel partner token', value: partnerToken },
		{ name: 'e-Boekhouden API token', value: accessToken },
		...sessionTokens.map((value, index) => ({
			name: `e-Boekhouden session token ${index + 1}`,
			value,
		})),
	];
	const kept = [
		...storedInDatabase(e2e.n8n),
		...writtenToFiles(e2e.n8n),
		...printedByCli(e2e.cliOutputs()),
		...sandboxRequestLogs(e2e.sandbox),
	];

	const sources = new Set(kept.map((record) => record.where.split(' [')[0]));
	expect([...sources]).toEqual(
		expect.arrayContaining([
			'database execution_data.data',
			'database workflow_entity.staticData',
			'file n8n.log',
			'output of n8n CLI run 2',
			'shop sandbox request log',
			'books sandbox request log',
		]),
	);
	// The search does see the places a token would go: the echoed error reached the execution data and the output.
	const echoed = findLeaks(kept, [{ name: 'echo', value: echo }]).map((found) => found.where);
	expect(echoed).toEqual(
		expect.arrayContaining([
			expect.stringMatching(/^database execution_data\.data .*\.description$/),
			expect.stringMatching(/^output of n8n CLI run/),
		]),
	);
	expect(findLeaks(kept, secrets)).toEqual([]);
});
