#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the whole product on this machine, against the sandbox. Builds the package, starts the sandbox shop
 * (generated demo orders) and the sandbox e-Boekhouden, starts n8n with the package installed, both credentials set
 * and the "Sync paid orders" template active, then prints where to look. Ctrl-C stops everything.
 *
 *   npm start -- [--port 5678] [--shop-port 18081] [--books-port 18082] [--count 60] [--seed 42]
 *     [--latency-ms 150] [--jitter-ms 30]   (every answer of both sandbox servers that much later, as on a real
 *     network; --shop-latency-ms, --books-latency-ms, --shop-jitter-ms, --books-jitter-ms for one server)
 */
const { prepare, parseArgs, port } = require('./lib/prepare');

const log = (line) => process.stdout.write(`${line}\n`);

function welcome(demo, summary) {
	const { n8n, sandbox, owner } = demo;
	const lines = [
		'',
		'n8n is running with the Mijnwebwinkel → e-Boekhouden sync active (polls the sandbox shop every minute).',
		'',
		`  Editor         ${n8n.baseUrl}`,
		`  Sign in        ${owner.email}  /  ${owner.password}`,
		`  The sync       ${n8n.baseUrl}/workflow/mwwSyncPaidOrder   (executions: its Executions tab)`,
		`  Booked         ${sandbox.booksUrl}/__admin/state   (sandbox e-Boekhouden: relations, invoices, mutations)`,
		`  Shop orders    ${sandbox.shopUrl}/__admin/state   (sandbox Mijnwebwinkel)`,
		'',
		summary,
		'',
		'Press Ctrl-C to stop n8n and the sandbox.',
	];
	log(lines.join('\n'));
}

async function main() {
	const args = parseArgs(process.argv.slice(2), []);
	const lib = prepare(log);
	const demo = await lib.startDemo({
		seed: { count: Number(args.count ?? 60), seed: Number(args.seed ?? 42) },
		n8nPort: port(args.port, 5678),
		shopPort: port(args['shop-port'], 18081),
		booksPort: port(args['books-port'], 18082),
		latency: lib.latencyFromArgs(args),
		log,
	});
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the sandbox…');
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);

	try {
		log('The first poll reached the shop; waiting for the bookings…');
		const outcome = await lib.waitForSync(demo);
		const state = demo.sandbox.books.state();
		welcome(
			demo,
			`  Booked so far: ${state.invoices.length} invoices, ${state.relations.length} relations, ` +
				`${state.mutations.length} mutations; ${outcome.failedOrders.length} order(s) in "Failed Orders".`,
		);
	} catch (error) {
		await demo.stop();
		throw error;
	}
}

main().catch((error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
