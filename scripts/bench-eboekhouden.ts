/**
 * The API-call budget: an import with distinct customers through Find or Create Relation → Create Invoice → Book
 * Invoice Payment, in one node run each, counted by the sandbox e-Boekhouden (session included), first import and
 * re-run of the same orders.
 * Run: npx tsc -p tsconfig.test.json && node .build/scripts/bench-eboekhouden.js [orders] [customers] [splitShare]
 *   [--booking-mode invoice|journal|cash] [--no-relations] [--polls N]
 * `splitShare` (default 0): the share of orders paid partly with a gift card, booked as two parts (one more call
 * each; refused in Cash Sale). `--no-relations`: Cash Sale with Book Customer as Relation off. `--polls N`: the
 * orders in N separate executions of equal slices, as N polls of the sync template (nothing one execution learned
 * reaches the next); the re-run is then one more execution.
 */
import { performance } from 'node:perf_hooks';

import { EBoekhoudenApi } from '../credentials/EBoekhoudenApi.credentials';
import type { BookingMode } from '../nodes/OrderToInvoice/mapping/types';
import { registerCredentialType } from '../test/harness';
import { startBooks } from '../test/sandbox';
import { makeDrafts } from '../test/integration/EBoekhouden/drafts';
import { runChain, totalCalls } from '../test/integration/EBoekhouden/chain';
import { runPolls } from '../test/integration/EBoekhouden/executions';

const MODES: Record<string, BookingMode> = {
	invoice: 'invoice',
	journal: 'journalEntry',
	cash: 'cashSale',
};

function option(name: string): string | undefined {
	const at = process.argv.indexOf(name);
	return at === -1 ? undefined : process.argv[at + 1];
}

/** Calls per endpoint, split into writes (POST/PATCH) and reads, each with its count per order. */
function breakdown(counts: Record<string, number>, orders: number): string {
	const lines = Object.entries(counts)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(
			([call, count]) =>
				`  ${call.padEnd(44)} ${String(count).padStart(6)}  ${(count / orders).toFixed(3)}`,
		);
	const writes = Object.entries(counts)
		.filter(([call]) => /^(POST|PATCH|PUT|DELETE) /.test(call) && call !== 'POST /v1/session')
		.reduce((sum, [, count]) => sum + count, 0);
	const all = totalCalls(counts);
	return [
		...lines,
		`  writes ${writes} (${(writes / orders).toFixed(3)} per order), reads and session ${all - writes} (${((all - writes) / orders).toFixed(3)} per order)`,
	].join('\n');
}

async function main(): Promise<void> {
	const positional = process.argv.slice(2).filter((arg, index, all) => {
		const previous = all[index - 1] ?? '';
		return !arg.startsWith('--') && previous !== '--booking-mode' && previous !== '--polls';
	});
	const orders = Number(positional[0] ?? 1000);
	const customers = Number(positional[1] ?? 300);
	const splitShare = Number(positional[2] ?? 0);
	const modeName = option('--booking-mode') ?? 'invoice';
	const bookingMode = MODES[modeName];
	if (!bookingMode)
		throw new Error(`--booking-mode must be one of ${Object.keys(MODES).join(', ')}`);
	const bookRelation = !process.argv.includes('--no-relations');
	const polls = Number(option('--polls') ?? 1);
	registerCredentialType(new EBoekhoudenApi());
	const books = await startBooks();
	try {
		const drafts = makeDrafts(orders, customers, 7, splitShare).map((draft) => ({
			...draft,
			bookingMode,
			bookRelation: bookingMode === 'cashSale' ? bookRelation : true,
		}));
		const started = performance.now();
		const credentials = {
			eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: books.url },
		};
		const result =
			polls > 1
				? await runPolls(drafts, credentials, polls)
				: await runChain(drafts, credentials, true);
		const seconds = (performance.now() - started) / 1000;
		const counts = books.counts();
		const calls = totalCalls(counts);
		const state = books.state() as {
			invoices: unknown[];
			relations: unknown[];
			mutations: unknown[];
		};
		console.log(
			`booking mode ${bookingMode}${bookingMode === 'cashSale' && !bookRelation ? ' without relations' : ''}, ` +
				`orders ${orders}, distinct customers ${customers}, split over two payments ${Math.round(orders * splitShare)}, ` +
				`${polls > 1 ? `${polls} executions of ${Math.ceil(orders / polls)}` : 'one execution'}`,
		);
		console.log(
			`relations ${state.relations.length}, invoices ${state.invoices.length}, mutations ${state.mutations.length}`,
		);
		console.log(
			`first import, calls per endpoint (count, per order):\n${breakdown(counts, orders)}`,
		);
		console.log(`e-Boekhouden calls ${calls} = ${(calls / orders).toFixed(3)} per order`);
		console.log(
			`wall time ${seconds.toFixed(1)} s (${(orders / seconds).toFixed(0)} orders/s incl. three node runs)`,
		);
		const failed = [...result.relations, ...result.invoices, ...result.payments].filter(
			(item) => item.json.error,
		);
		if (failed.length) console.log(`failed items: ${failed.length}`, failed[0].json);
		books.resetCounts();
		const rerunStarted = performance.now();
		if (polls > 1) await runPolls(drafts, result.credentials, 1);
		else await runChain(drafts, result.credentials, true);
		const rerun = books.counts();
		const rerunCalls = totalCalls(rerun);
		const after = books.state() as { invoices: unknown[]; mutations: unknown[] };
		console.log(`re-run, calls per endpoint (count, per order):\n${breakdown(rerun, orders)}`);
		console.log(
			`re-run of the same ${orders} orders: ${rerunCalls} calls = ${(rerunCalls / orders).toFixed(3)} per order, ` +
				`${after.invoices.length} invoices and ${after.mutations.length} mutations ` +
				`(${after.mutations.length === state.mutations.length ? 'nothing new' : 'NEW BOOKINGS'}), ` +
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
