/**
 * Reconcile's call budget (issue 16): books N orders through the sync's chain (as bench-eboekhouden.ts does), then
 * reconciles the period twice, counted by the sandbox e-Boekhouden (session included): with the books whole, and
 * with 1% of the invoices changed by hand (each such invoice is read once for its VAT codes) and 1% of the payments
 * gone.
 * Run: npx tsc -p tsconfig.test.json && node .build/scripts/bench-reconcile.js [orders…]   (default 1000 10000)
 */
import { performance } from 'node:perf_hooks';
import type { IDataObject } from 'n8n-workflow';

import { EBoekhoudenApi } from '../credentials/EBoekhoudenApi.credentials';
import { EBoekhouden } from '../nodes/EBoekhouden/EBoekhouden.node';
import { executeNode, registerCredentialType, type HarnessCredentials } from '../test/harness';
import { startBooks } from '../test/sandbox';
import { captureStores, changeLinePrice, removePayments } from '../test/sandbox/books/tamper';
import { makeDrafts } from '../test/integration/EBoekhouden/drafts';
import { runChain, totalCalls } from '../test/integration/EBoekhouden/chain';

async function reconcile(drafts: IDataObject[], credentials: HarnessCredentials) {
	const started = performance.now();
	const result = await executeNode(new EBoekhouden(), {
		parameters: { resource: 'reconciliation', operation: 'reconcile' },
		items: drafts.map((json) => ({ json })),
		credentials,
	});
	const seconds = (performance.now() - started) / 1000;
	const summary = result.output[0].find((item) => item.json.kind === 'summary')?.json;
	return { seconds, summary, credentials: result.credentials };
}

async function bench(orders: number): Promise<void> {
	registerCredentialType(new EBoekhoudenApi());
	const capture = captureStores();
	const books = await startBooks();
	capture.release();
	const [store] = capture.stores;
	try {
		const drafts = makeDrafts(orders, Math.ceil(orders * 0.3), 7, 0.1);
		const booking = performance.now();
		const chain = await runChain(drafts, {
			eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: books.url },
		});
		console.log(
			`${orders} orders booked through the chain in ${((performance.now() - booking) / 1000).toFixed(1)} s`,
		);
		const items = drafts as unknown as IDataObject[];
		books.resetCounts();
		const whole = await reconcile(items, chain.credentials);
		const wholeCalls = totalCalls(books.counts());
		console.log(
			`  books whole: ${wholeCalls} calls (${JSON.stringify(books.counts())}), ${whole.seconds.toFixed(2)} s, ` +
				`differences ${String(whole.summary?.differences)}`,
		);
		const planted = Math.max(1, Math.round(orders / 100));
		for (let index = 0; index < planted; index++) {
			changeLinePrice(store, drafts[index * 2].invoice.invoiceNumber, 0, 1.23);
			removePayments(store, drafts[index * 2 + 1].invoice.invoiceNumber);
		}
		books.resetCounts();
		const tampered = await reconcile(items, whole.credentials);
		const tamperedCalls = totalCalls(books.counts());
		console.log(
			`  ${planted} amounts changed, ${planted} payments removed: ${tamperedCalls} calls ` +
				`(${JSON.stringify(books.counts())}), ${tampered.seconds.toFixed(2)} s, counts ${JSON.stringify(tampered.summary?.counts)}`,
		);
	} finally {
		await books.close();
	}
}

async function main(): Promise<void> {
	const sizes = process.argv.slice(2).map(Number);
	for (const orders of sizes.length ? sizes : [1000, 10000]) await bench(orders);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
