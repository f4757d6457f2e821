/**
 * Reconcile's call budget (issue 16): books N orders through the sync's chain (as bench-eboekhouden.ts does), then
 * reconciles the period twice, counted by the sandbox e-Boekhouden (session included): with the books whole, and
 * with 1% of the entries changed by hand (an invoice is then read once for its VAT codes; a journal entry or cash
 * sale is read once in any case) and 1% of the payments gone (Cash Sale: 1% of the sales gone).
 * Run: npx tsc -p tsconfig.test.json && node .build/scripts/bench-reconcile.js [--mode invoice|journal|cash] [orders…]
 * (default: Invoice, 1000 and 10000 orders)
 */
import { performance } from 'node:perf_hooks';
import type { IDataObject } from 'n8n-workflow';

import { EBoekhoudenApi } from '../credentials/EBoekhoudenApi.credentials';
import { EBoekhouden } from '../nodes/EBoekhouden/EBoekhouden.node';
import { executeNode, registerCredentialType, type HarnessCredentials } from '../test/harness';
import { startBooks } from '../test/sandbox';
import type { BooksStore } from '../test/sandbox/books/store';
import { captureStores, changeLinePrice, removePayments } from '../test/sandbox/books/tamper';
import type { InvoiceDraft } from '../nodes/OrderToInvoice/mapping/types';
import { makeDrafts } from '../test/integration/EBoekhouden/drafts';
import { runChain, totalCalls } from '../test/integration/EBoekhouden/chain';
import {
	changeRow,
	entryOf,
	removeEntryPayments,
} from '../test/integration/EBoekhouden/reconcileEntries';

type Mode = InvoiceDraft['bookingMode'];
const MODES: Record<string, Mode> = {
	invoice: 'invoice',
	journal: 'journalEntry',
	cash: 'cashSale',
};

/** One hand edit of each planted kind, in the books of the mode. */
function plant(store: BooksStore, mode: Mode, changed: string, gone: string): void {
	if (mode === 'invoice') {
		changeLinePrice(store, changed, 0, 1.23);
		removePayments(store, gone);
		return;
	}
	const type = mode === 'journalEntry' ? 2 : 5;
	changeRow(store, changed, type, 0, { amount: entryOf(store, changed, type).rows[0].amount + 1 });
	if (mode === 'journalEntry') removeEntryPayments(store, gone);
	else store.mutations = store.mutations.filter((mutation) => mutation.invoiceNumber !== gone);
}

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

async function bench(orders: number, mode: Mode): Promise<void> {
	registerCredentialType(new EBoekhoudenApi());
	const capture = captureStores();
	const books = await startBooks();
	capture.release();
	const [store] = capture.stores;
	try {
		// A cash sale takes orders paid in one go only.
		const drafts = makeDrafts(
			orders,
			Math.ceil(orders * 0.3),
			7,
			mode === 'cashSale' ? 0 : 0.1,
		).map((draft) => ({ ...draft, bookingMode: mode }));
		const booking = performance.now();
		const chain = await runChain(drafts, {
			eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: books.url },
		});
		console.log(
			`${orders} orders (${mode}) booked through the chain in ${((performance.now() - booking) / 1000).toFixed(1)} s`,
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
			const number = (at: number) => drafts[at].invoice.invoiceNumber;
			plant(store, mode, number(index * 2), number(index * 2 + 1));
		}
		books.resetCounts();
		const tampered = await reconcile(items, whole.credentials);
		const tamperedCalls = totalCalls(books.counts());
		console.log(
			`  ${planted} amounts changed, ${planted} ${mode === 'cashSale' ? 'sales' : 'payments'} removed: ${tamperedCalls} calls ` +
				`(${JSON.stringify(books.counts())}), ${tampered.seconds.toFixed(2)} s, counts ${JSON.stringify(tampered.summary?.counts)}`,
		);
	} finally {
		await books.close();
	}
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const at = args.indexOf('--mode');
	const mode = at === -1 ? 'invoice' : MODES[args[at + 1]];
	if (!mode) throw new Error('--mode takes invoice, journal or cash');
	const sizes = args
		.filter((_, index) => at === -1 || (index !== at && index !== at + 1))
		.map(Number);
	for (const orders of sizes.length ? sizes : [1000, 10000]) await bench(orders, mode);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
