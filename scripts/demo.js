#!/usr/bin/env node
'use strict';
/**
 * `npm run demo -- --orders FILE --once --report OUT.json [--template sync|history]`
 *   --orders FILE   serve these orders (a JSON array of Mijnwebwinkel orders, sandbox status table) instead of the
 *                   generated demo shop
 *   --once          wait until n8n has booked them, then stop and exit (non-zero if n8n or the sync failed)
 *   --report FILE   write the sandbox books as { relations, invoices, mutations, requests } (e-Boekhouden's field
 *                   names; requests = calls per endpoint of each sandbox)
 *   --latency-ms N, --jitter-ms N   every answer of both sandbox servers N ms (± jitter) later, as on a real
 *                   network (--shop-latency-ms, --books-latency-ms, ... for one server)
 *   --booking-mode invoice|journal|cash   Order to Invoice's Booking Mode in the imported templates (default: the
 *                   templates' own, Invoice)
 *   --template sync|history   which shipped template books the orders, each at its own defaults: sync (default; its
 *                   poll, every minute instead of 15, at the default 250 orders per poll) or history (the period of
 *                   the given orders, one month per execution, run once with `n8n execute` beside the running n8n)
 * Without --once it stays up like `npm start`. Ports: --port, --shop-port, --books-port (default: free ones with
 * --once, else 5678 / 18081 / 18082).
 */
const fs = require('node:fs');
const { prepare, parseArgs, port } = require('./lib/prepare');

const log = (line) => process.stdout.write(`${line}\n`);

function readOrders(file) {
	const orders = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (!Array.isArray(orders)) throw new Error(`${file} must hold a JSON array of orders`);
	return orders;
}

function summarise(outcome, state) {
	log(
		`Booked: ${state.invoices.length} invoices, ${state.relations.length} relations, ${state.mutations.length} mutations.`,
	);
	for (const execution of outcome.failedExecutions) {
		log(`Execution ${execution.id} ${execution.status}: ${execution.error ?? 'no message'}`);
	}
	for (const failed of outcome.failedOrders) {
		log(
			`Failed order ${failed.orderNumber ?? '?'}: ${failed.reason ?? failed.error ?? JSON.stringify(failed)}`,
		);
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2), ['once']);
	const once = args.once === true;
	const lib = prepare(log);
	const demo = await lib.startDemo({
		orders: args.orders ? readOrders(args.orders) : undefined,
		seed: { count: Number(args.count ?? 60), seed: Number(args.seed ?? 42) },
		n8nPort: port(args.port, once ? 0 : 5678),
		shopPort: port(args['shop-port'], once ? 0 : 18081),
		booksPort: port(args['books-port'], once ? 0 : 18082),
		latency: lib.latencyFromArgs(args),
		bookingMode: lib.bookingModeFromArgs(args),
		template: lib.templateFromArgs(args),
		log,
	});
	let exitCode = 0;
	try {
		log(
			`n8n: ${demo.n8n.baseUrl} (${demo.owner.email} / ${demo.owner.password}); books: ${demo.sandbox.booksUrl}/__admin/state`,
		);
		const outcome =
			demo.template === 'history' ? await lib.runHistory(demo) : await lib.waitForSync(demo);
		const state = demo.sandbox.books.state();
		summarise(outcome, state);
		if (args.report) {
			lib.writeReport(args.report, lib.booksReport(demo.sandbox));
			log(`Report written to ${args.report}`);
		}
		if (outcome.failedExecutions.length > 0 || outcome.failedOrders.length > 0) exitCode = 2;
	} catch (error) {
		await demo.stop();
		throw error;
	}
	if (once) {
		await demo.stop();
		process.exit(exitCode);
	}
	log('Press Ctrl-C to stop n8n and the sandbox.');
	const shutdown = () => demo.stop().then(() => process.exit(exitCode));
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error) => {
	process.stderr.write(`npm run demo failed: ${error.message}\n`);
	process.exit(1);
});
