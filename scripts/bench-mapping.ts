/**
 * Maps 10,000 generated Mijnwebwinkel orders (the property tests' generator, fixed seed) and prints
 * orders per second and peak memory. The drafts are kept, as an n8n execution keeps its output items.
 *
 *   npx tsc -p tsconfig.test.json && node .build/scripts/bench-mapping.js [count] [seed]
 */
import fc from 'fast-check';
import { mapOrderToInvoice, MappingError } from '../index';
import type { InvoiceDraft } from '../index';
import { generatedOrder } from '../test/unit/OrderToInvoice/arbitraries';

const ORDER_COUNT = Number(process.argv[2] ?? 10_000);
const SEED = Number(process.argv[3] ?? 42);
const MEMORY_SAMPLE_EVERY_ORDERS = 100;
const MB = 1024 * 1024;

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
	const { rss, heapUsed } = process.memoryUsage();
	peak.rss = Math.max(peak.rss, rss);
	peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
}

const generated = fc.sample(generatedOrder(), { numRuns: ORDER_COUNT, seed: SEED });
const orders = generated.map(({ order, settings }) => ({ order, settings }));
const before = process.memoryUsage();
sampleMemory();

const drafts: InvoiceDraft[] = [];
let failed = 0;
const started = process.hrtime.bigint();
for (let index = 0; index < orders.length; index++) {
	try {
		drafts.push(mapOrderToInvoice(orders[index].order, orders[index].settings));
	} catch (error) {
		if (!(error instanceof MappingError)) throw error;
		failed++;
	}
	if (index % MEMORY_SAMPLE_EVERY_ORDERS === 0) sampleMemory();
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
sampleMemory();

const items = drafts.reduce((sum, draft) => sum + draft.invoice.items.length, 0);
const mismatches = generated.filter(
	({ totalCents }, index) =>
		Math.round((drafts[index]?.totals.amountInclVat ?? NaN) * 100) !== totalCents,
).length;
console.log(
	`orders mapped:        ${drafts.length} of ${ORDER_COUNT} (seed ${SEED}; MappingErrors: ${failed})`,
);
console.log(`  credit orders:      ${drafts.filter((draft) => draft.kind === 'credit').length}`);
console.log(`  with a warning:     ${drafts.filter((draft) => draft.warnings.length > 0).length}`);
console.log(
	`  invoice items:      ${items} (${(items / Math.max(1, drafts.length)).toFixed(1)} per order)`,
);
console.log(`  totals off:         ${mismatches}`);
console.log(`time:                 ${(seconds * 1000).toFixed(0)} ms`);
console.log(`throughput:           ${Math.round(ORDER_COUNT / seconds)} orders/second`);
console.log(
	`peak memory:          rss ${(peak.rss / MB).toFixed(1)} MB, heap ${(peak.heapUsed / MB).toFixed(1)} MB`,
);
console.log(`heap growth (drafts): ${((peak.heapUsed - before.heapUsed) / MB).toFixed(1)} MB`);
