/**
 * The API-call budget of issue 4: a 1,000-order import with 300 distinct customers through Find or Create
 * Relation → Create Invoice → Book Invoice Payment, counted by the sandbox e-Boekhouden (session included).
 * Run: npx tsc -p tsconfig.test.json && node .build/scripts/bench-eboekhouden.js [orders] [customers] [splitShare]
 * `splitShare` (default 0): the share of orders paid partly with a gift card, booked as two parts (one more call each).
 */
import { performance } from 'node:perf_hooks';

import { EBoekhoudenApi } from '../credentials/EBoekhoudenApi.credentials';
import { registerCredentialType } from '../test/harness';
import { startBooks } from '../test/sandbox';
import { makeDrafts } from '../test/integration/EBoekhouden/drafts';
import { runChain, totalCalls } from '../test/integration/EBoekhouden/chain';

async function main(): Promise<void> {
	const orders = Number(process.argv[2] ?? 1000);
	const customers = Number(process.argv[3] ?? 300);
	const splitShare = Number(process.argv[4] ?? 0);
	registerCredentialType(new EBoekhoudenApi());
	const books = await startBooks();
	try {
		const drafts = makeDrafts(orders, customers, 7, splitShare);
		const started = performance.now();
		const result = await runChain(drafts, {
			eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: books.url },
		});
		const seconds = (performance.now() - started) / 1000;
		const counts = books.counts();
		const calls = totalCalls(counts);
		const state = books.state() as {
			invoices: unknown[];
			relations: unknown[];
			mutations: unknown[];
		};
		console.log(
			`orders ${orders}, distinct customers ${customers}, split over two payments ${Math.round(orders * splitShare)}`,
		);
		console.log(
			`relations ${state.relations.length}, invoices ${state.invoices.length}, mutations ${state.mutations.length}`,
		);
		console.log('calls per endpoint', counts);
		console.log(
			`e-Boekhouden calls ${calls} = ${(calls / orders).toFixed(3)} per order (budget 2.7)`,
		);
		console.log(
			`wall time ${seconds.toFixed(1)} s (${(orders / seconds).toFixed(0)} orders/s incl. three node runs)`,
		);
		const failed = [...result.relations, ...result.invoices, ...result.payments].filter(
			(item) => item.json.error,
		);
		if (failed.length) console.log(`failed items: ${failed.length}`, failed[0].json);
		books.resetCounts();
		const rerunStarted = performance.now();
		await runChain(drafts, result.credentials);
		const rerunCalls = totalCalls(books.counts());
		const after = books.state() as { invoices: unknown[]; mutations: unknown[] };
		console.log(
			`re-run of the same ${orders} orders: ${rerunCalls} calls = ${(rerunCalls / orders).toFixed(3)} per order, ` +
				`${after.invoices.length} invoices and ${after.mutations.length} mutations (nothing new), ` +
				`${((performance.now() - rerunStarted) / 1000).toFixed(1)} s`,
		);
	} finally {
		await books.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
