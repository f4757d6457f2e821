/**
 * The product as a user runs it: a real n8n 2.x (the cached runtime) with the packed package installed as a
 * community package, both credentials pointed at the sandbox, the shipped templates imported and the sync active
 * (its poll and its catch-ups every minute here).
 * The shop holds a random mix of orders plus one order of every bookkeeping case (gift card sold and redeemed,
 * store credit, Klarna and Afterpay authorised (invoiced at once: the sync counts authorised payments as paid), Belgian
 * VAT with OSS off, an order from before the OSS); poison
 * orders are planted while the sync runs.
 * Every check reads the sandbox BOOKS and compares them with figures worked out here from the shop's orders and,
 * for the cases, written out by hand (support/expected.ts), never with the package's mapping.
 * The steps build on each other, so they run in order against one n8n.
 */
import { BOOKKEEPING_CASES, caseOf, type CaseName } from '../sandbox/shop/cases';
import type { ShopOrder } from '../sandbox/shop/generator';
import { toShopLocal } from '../sandbox/shop/time';
import { ledgerCode, paidCents, paymentsFor, readBooks, type Books } from './support/books';
import { bookProblems, failedOrderProblems, type FailedOrder } from './support/checks';
import { caseBooks, cents, expectationFor, invoiceNumberFor } from './support/expected';
import { startE2e, type E2eEnvironment } from './support/environment';
import { findLeaks, type Secret } from './support/leaks';
import { newCreditOrder, newOrders, recentlyFinishedUnpaid } from './support/orders';
import { payLaterAsPaid, rivertyAuthorized } from './support/triggerPayLater';
import {
	printedByCli,
	sandboxRequestLogs,
	storedInDatabase,
	writtenToFiles,
} from './support/records';
import { waitFor } from '../../scripts/lib/stack';
import { isUnfinished, itemsOf, type Execution } from '../../scripts/lib/executions';
import {
	failedOrdersNode,
	loadTemplate,
	pollNode,
	sandboxTokens,
} from '../../scripts/lib/workflows';

const minute = 60_000;
jest.setTimeout(4 * minute);

let e2e: E2eEnvironment;

/**
 * The sync's scheduled entries besides the poll: the nightly catch-up and the recovery pass (every minute here),
 * each a Schedule Trigger feeding a Get Many into the same booking chain.
 */
const catchUpEntries = loadTemplate('sync')
	.nodes.filter((node) => node.type === 'n8n-nodes-base.scheduleTrigger')
	.map((node) => node.name);

/** Executions one of the catch-up entries started. */
function catchUpRuns(): Execution[] {
	return e2e
		.executions()
		.filter((execution) => catchUpEntries.some((entry) => execution.nodes?.[entry]));
}

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

/** The shop's order of this planted case (the seed plants one of each bookkeeping case; poison ones are planted later). */
function caseOrder(name: CaseName): ShopOrder {
	const found = shopOrders().filter((order) => caseOf(order) === name);
	if (found.length !== 1) throw new Error(`the shop holds ${found.length} orders of case ${name}`);
	return found[0];
}

/** Everything the books hold about an order's invoice number: invoices and what was booked against them. */
function bookedFor(books: Books, order: ShopOrder) {
	const invoiceNumber = `MWW-${String(order.number)}`;
	return {
		invoices: books.invoices.filter((invoice) => invoice.invoiceNumber === invoiceNumber).length,
		mutations: books.mutations.filter(
			(mutation) =>
				mutation.invoiceNumber === invoiceNumber ||
				mutation.rows.some((row) => row.invoiceNumber === invoiceNumber),
		).length,
	};
}

/** Failed Orders items of every execution so far that are not expected (the planted failing cases are). */
function unexpectedFailures(): string[] {
	return failedOrderProblems(shopOrders(), e2e.failedOrders());
}

/** Executions n8n marked failed (a poll, a catch-up or a booking run stopped as a whole). */
function failedExecutions() {
	return e2e
		.executions()
		.filter((execution) => execution.status === 'error' || execution.status === 'crashed')
		.map((execution) => ({
			id: execution.id,
			status: execution.status,
			entry: Object.keys(execution.nodes ?? {})[0],
			error: execution.error,
		}));
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
	e2e = await startE2e('sync', {
		seed: { count: 60, seed: 20261127, periodDays: 14, cases: true },
	});
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
	expect(orders.map(caseOf).filter(Boolean).sort()).toEqual([...BOOKKEEPING_CASES].sort());
	expect(bookProblems(payLaterAsPaid(orders), books)).toEqual([]);
	expect(unexpectedFailures()).toEqual([]);
});

test('gift cards, store credit and an order from before the OSS are in the books as a bookkeeper books them', () => {
	const books = readBooks(e2e.sandbox.books);
	const seen: Record<string, unknown> = {};
	const wanted: Record<string, unknown> = {};
	for (const name of ['giftCardSale', 'giftCardRedemption', 'storeCredit', 'beforeOss'] as const) {
		const order = caseOrder(name);
		const invoiceNumber = invoiceNumberFor(order);
		const invoice = books.invoices.find((candidate) => candidate.invoiceNumber === invoiceNumber);
		const expected = caseBooks[name]!;
		// The hand-written figures must be this order's: the items add up to its total, and so do the payments.
		const total = cents((order.price as { total?: unknown }).total);
		expect({ name, items: Object.values(expected.items).reduce((a, b) => a + b, 0) }).toEqual({
			name,
			items: total,
		});
		expect({ name, paid: expected.payments.reduce((sum, part) => sum + part.cents, 0) }).toEqual({
			name,
			paid: total,
		});
		wanted[name] = {
			items: Object.fromEntries(
				Object.entries(expected.items).map(([key, cents]) => [key, cents / 100]),
			),
			payments: expected.payments
				.map((part) => `type ${part.type} on ${part.ledgerCode}: ${(part.cents / 100).toFixed(2)}`)
				.sort(),
			open: 0,
		};
		const items: Record<string, number> = {};
		for (const item of invoice?.items ?? []) {
			const key = `${ledgerCode(books, item.ledgerId)} ${item.vatCode}`;
			items[key] = Math.round(((items[key] ?? 0) + item.quantity * item.pricePerUnit) * 100) / 100;
		}
		seen[name] = {
			items,
			payments: paymentsFor(books, invoiceNumber)
				.map(
					(payment) =>
						`type ${payment.type} on ${ledgerCode(books, payment.ledgerId)}: ${(paidCents(payment, invoiceNumber) / 100).toFixed(2)}`,
				)
				.sort(),
			open: books.outstanding
				.filter((item) => item.invoiceNumber === invoiceNumber)
				.reduce((sum, item) => sum + item.outstandingAmount, 0),
		};
	}
	expect(seen).toEqual(wanted);
	// A sold gift card is no revenue: nothing of it on a revenue (8xxx) ledger, no VAT on it.
	const sale = books.invoices.find(
		(invoice) => invoice.invoiceNumber === invoiceNumberFor(caseOrder('giftCardSale')),
	);
	const voucher = sale?.items.filter((item) => /cadeaubon/i.test(item.description)) ?? [];
	expect(voucher.map((item) => `${ledgerCode(books, item.ledgerId)} ${item.vatCode}`)).toEqual([
		'1620 GEEN',
	]);
});

test('Belgian VAT with OSS off is refused in Failed Orders, naming region, rate and OSS; authorised Klarna and Afterpay orders are invoiced at once, paid on their pay-later ledgers', () => {
	const books = readBooks(e2e.sandbox.books);
	const belgian = caseOrder('belgium21');
	const failed = e2e
		.failedOrders()
		.filter((item) => String(item.orderNumber) === String(belgian.number));
	expect(failed.length).toBeGreaterThan(0);
	expect(failedOrderProblems(shopOrders(), failed)).toEqual([]);
	expect(bookedFor(books, belgian)).toEqual({ invoices: 0, mutations: 0 });
	// Authorised is not money on the bank: the payment goes on the method's Pay Later Ledger (the template's
	// Order to Invoice: klarna 1040, afterpay 1050), dated on the authorisation.
	const seen = (['klarnaAuthorized', 'afterpayAuthorized'] as const).map((name) => {
		const order = caseOrder(name);
		const invoiceNumber = invoiceNumberFor(order);
		return {
			name,
			paymentStatus: order.payment_status,
			invoices: bookedFor(books, order).invoices,
			payments: paymentsFor(books, invoiceNumber).map(
				(payment) =>
					`type ${payment.type} on ${ledgerCode(books, payment.ledgerId)}: ${(paidCents(payment, invoiceNumber) / 100).toFixed(2)}`,
			),
			failed: e2e.failedOrders().filter((item) => String(item.orderNumber) === String(order.number))
				.length,
		};
	});
	expect(seen).toEqual([
		{
			name: 'klarnaAuthorized',
			paymentStatus: 'authorized',
			invoices: 1,
			payments: ['type 3 on 1040: 54.90'],
			failed: 0,
		},
		{
			name: 'afterpayAuthorized',
			paymentStatus: 'authorized',
			invoices: 1,
			payments: ['type 3 on 1050: 74.45'],
			failed: 0,
		},
	]);
});

test(
	'pay later captured: the poll emits each order once more and nothing is booked twice; without a pay-later ledger the payment is booked at the capture, once',
	async () => {
		const number = Math.max(...shopOrders().map((order) => Number(order.number))) + 1;
		const riverty = e2e.sandbox.shop.addOrder(rivertyAuthorized(number));
		const invoiceNumber = invoiceNumberFor(riverty);
		await waitForInvoices([riverty]);
		// The recovery pass (every minute here) may book it before the next poll sees it; this test is about the poll
		// emitting it at authorisation and once more at capture, so the capture waits for that first emission.
		const emittedAuthorised = () =>
			e2e
				.itemsFrom(pollNode, pollNode)
				.some(
					(item) =>
						String(item.number) === String(riverty.number) && item.payment_status === 'authorized',
				);
		await waitFor(
			emittedAuthorised,
			2.5 * minute,
			() => `the poll did not emit ${String(riverty.number)} while authorised`,
			2_000,
		);
		await e2e.settle();
		// Riverty has no Pay Later Ledger: invoiced, nothing booked as paid while only authorised.
		expect(paymentsFor(readBooks(e2e.sandbox.books), invoiceNumber)).toEqual([]);

		const authorised = [caseOrder('klarnaAuthorized'), caseOrder('afterpayAuthorized'), riverty];
		const numbers = authorised.map((order) => String(order.number));
		const before = readBooks(e2e.sandbox.books);
		const paymentsBefore = Object.fromEntries(
			authorised.map((order) => [
				String(order.number),
				paymentsFor(before, invoiceNumberFor(order)).length,
			]),
		);
		for (const order of numbers) await e2e.shopAdmin('POST', `/orders/${order}/capture`);
		const capturedOn = toShopLocal(new Date()).date;
		const capturedByPoll = () =>
			new Set(
				e2e
					.itemsFrom(pollNode, pollNode)
					.filter((item) => item.payment_status === 'captured')
					.map((item) => String(item.number))
					.filter((emitted) => numbers.includes(emitted)),
			);
		await waitFor(
			() => capturedByPoll().size === numbers.length,
			2.5 * minute,
			() =>
				`the poll emitted only ${[...capturedByPoll()].join(', ')} of ${numbers.join(', ')} once captured`,
			2_000,
		);
		await waitFor(
			() => paymentsFor(readBooks(e2e.sandbox.books), invoiceNumber).length > 0,
			2.5 * minute,
			() => `no payment booked for ${invoiceNumber} after its capture`,
			2_000,
		);
		// Every path that could book them again runs once more: the polls and the catch-ups (every minute here).
		const runs = () => catchUpRuns().length;
		const catchUpsBefore = runs();
		await waitFor(
			() => runs() > catchUpsBefore + 1,
			3 * minute,
			() => 'no catch-up ran after the capture',
			2_000,
		);
		await e2e.settle();

		const books = readBooks(e2e.sandbox.books);
		const rivertyPayments = paymentsFor(books, invoiceNumber).map((payment) => ({
			type: payment.type,
			ledger: ledgerCode(books, payment.ledgerId),
			amount: paidCents(payment, invoiceNumber) / 100,
			date: payment.date.slice(0, 10),
		}));
		expect(rivertyPayments).toEqual([{ type: 3, ledger: '1010', amount: 74.45, date: capturedOn }]);
		for (const order of authorised.slice(0, 2)) {
			expect({
				number: String(order.number),
				payments: paymentsFor(books, invoiceNumberFor(order)).length,
				invoices: bookedFor(books, order).invoices,
			}).toEqual({
				number: String(order.number),
				payments: paymentsBefore[String(order.number)],
				invoices: 1,
			});
		}
		// Emitted once at authorisation and once at capture, never more.
		const emittedByPoll = e2e
			.itemsFrom(pollNode, pollNode)
			.map((item) => String(item.number))
			.filter((emitted) => numbers.includes(emitted));
		const timesOf = (order: string) => emittedByPoll.filter((emitted) => emitted === order).length;
		if (numbers.some((order) => timesOf(order) !== 2)) {
			// Which executions carried these orders, in which status, for a reader of a failure in CI.
			const seen = e2e.executions().flatMap((execution) =>
				itemsOf([execution], pollNode)
					.map((item) => item as Record<string, unknown>)
					.filter((item) => numbers.includes(String(item.number)))
					.map((item) => ({
						execution: execution.id,
						mode: execution.mode,
						status: execution.status,
						startedAt: execution.startedAt,
						order: String(item.number),
						paymentStatus: item.payment_status,
					})),
			);
			console.log(`pay-later emissions by the poll: ${JSON.stringify(seen, null, 1)}`);
		}
		for (const order of numbers)
			expect({ order, times: timesOf(order) }).toEqual({ order, times: 2 });
		expect(bookProblems(payLaterAsPaid(shopOrders()), books)).toEqual([]);
		expect(unexpectedFailures()).toEqual([]);
	},
	8 * minute,
);

test(
	'poison orders planted while the sync runs: each is in Failed Orders once per run with its number and field, every other order is booked, no poll fails',
	async () => {
		const logFrom = e2e.sandbox.shop.requestLog().length;
		const added = newOrders(shopOrders(), 2);
		for (const order of added) {
			e2e.sandbox.shop.addOrder({ ...order, status: 1 });
			e2e.sandbox.shop.setStatus(order.number, 4);
		}
		const poison: Record<string, string> = {};
		for (const name of ['poisonTotal', 'poisonLine'] as const) {
			const planted = (await e2e.shopAdmin('POST', '/cases', { case: name })) as {
				order: { number: number };
			};
			poison[String(planted.order.number)] = name;
		}
		const numbers = Object.keys(poison);
		// Runs created from now on listed the shop after the poison orders were planted.
		const executionsBefore = new Set(e2e.executions().map((execution) => execution.id));
		const failedIn = (entry: string) =>
			e2e
				.itemsFrom(failedOrdersNode, entry)
				.filter((item) => numbers.includes(String(item.orderNumber)));
		await waitFor(
			() =>
				new Set(failedIn(pollNode).map((item) => String(item.orderNumber))).size === numbers.length,
			2.5 * minute,
			() =>
				`poison orders ${numbers.join(', ')} not in the poll's Failed Orders: ${JSON.stringify(failedIn(pollNode))}`,
			2_000,
		);
		await waitForInvoices(added);

		// A later order is still emitted by the poll itself: the poison ones stop no poll.
		const [later] = newOrders(shopOrders(), 1);
		e2e.sandbox.shop.addOrder({ ...later, status: 1 });
		e2e.sandbox.shop.setStatus(later.number, 4);
		await waitFor(
			() =>
				e2e
					.itemsFrom(pollNode, pollNode)
					.some((item) => String(item.number) === String(later.number)),
			2.5 * minute,
			() => `the poll did not emit order ${later.number} after the poison orders`,
			2_000,
		);
		await waitForInvoices([later]);

		// The poll emits each order once, so each poison order is in its Failed Orders once, with number and field.
		const inPoll = failedIn(pollNode);
		expect(inPoll.map((item) => String(item.orderNumber)).sort()).toEqual([...numbers].sort());
		const poisonOrders = shopOrders().filter((order) => numbers.includes(String(order.number)));
		expect(failedOrderProblems(poisonOrders, inPoll)).toEqual([]);
		// The catch-ups list them again on every run: once per run, never the whole run failing.
		const laterRuns = catchUpRuns().filter(
			(execution) => !executionsBefore.has(execution.id) && !isUnfinished(execution),
		);
		expect(laterRuns.length).toBeGreaterThan(0);
		for (const run of laterRuns) {
			const failed = (
				(run.nodes?.[failedOrdersNode] ?? []).flatMap((output) => output[0] ?? []) as Array<{
					orderNumber?: unknown;
				}>
			).map((item) => String(item.orderNumber));
			for (const number of numbers)
				expect({ run: run.id, number, times: failed.filter((n) => n === number).length }).toEqual({
					run: run.id,
					number,
					times: 1,
				});
		}
		expect(failedExecutions()).toEqual([]);
		const refused = e2e.sandbox.shop
			.requestLog()
			.slice(logFrom)
			.filter((entry) => entry.status >= 400)
			.map((entry) => `${entry.route} ${entry.status}`);
		expect(refused).toEqual([]);

		const books = readBooks(e2e.sandbox.books);
		for (const number of numbers) {
			expect({ number, ...bookedFor(books, e2e.sandbox.shop.order(number) as ShopOrder) }).toEqual({
				number,
				invoices: 0,
				mutations: 0,
			});
		}
		expect(bookProblems(payLaterAsPaid(shopOrders()), books)).toEqual([]);
		expect(unexpectedFailures()).toEqual([]);
	},
	8 * minute,
);

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
	expect(bookProblems(payLaterAsPaid(shopOrders()), readBooks(e2e.sandbox.books))).toEqual([]);
	expect(unexpectedFailures()).toEqual([]);
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
	expect(bookProblems(payLaterAsPaid(shopOrders()), readBooks(e2e.sandbox.books))).toEqual([]);
});

test('the history template over the same period doubles nothing', async () => {
	const before = snapshot();
	const run = await e2e.runHistory();
	expect({ status: run.status, output: run.status === 0 ? '' : run.output }).toEqual({
		status: 0,
		output: '',
	});

	expect(snapshot()).toEqual(before);
	expect(bookProblems(payLaterAsPaid(shopOrders()), readBooks(e2e.sandbox.books))).toEqual([]);
	// The import stops for no single order: each one that cannot be booked is in its month's Failed Orders, once.
	expect(run.execution?.status).toBe('success');
	expect(run.executions.filter((execution) => execution.status !== 'success')).toEqual([]);
	const failed = itemsOf(run.executions, failedOrdersNode) as FailedOrder[];
	expect(failedOrderProblems(shopOrders(), failed)).toEqual([]);
	const mustFail = shopOrders()
		.filter((order) => expectationFor(order) === 'failed')
		.map((order) => String(order.number));
	expect(failed.map((item) => String(item.orderNumber)).sort()).toEqual(mustFail.sort());
	expect(unexpectedFailures()).toEqual([]);
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
	expect(bookProblems(payLaterAsPaid(shopOrders()), readBooks(e2e.sandbox.books))).toEqual([]);
	expect(unexpectedFailures()).toEqual([]);
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
	const createdByCatchUp = itemsOf(catchUpRuns(), 'Create Invoice')
		.map((item) => item as Record<string, unknown>)
		.filter((invoice) => invoice.created === true)
		.map((invoice) => String(invoice.orderNumber));
	expect(createdByCatchUp).toEqual(expect.arrayContaining(numbers));
	expect(bookProblems(payLaterAsPaid(shopOrders()), readBooks(e2e.sandbox.books))).toEqual([]);
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
