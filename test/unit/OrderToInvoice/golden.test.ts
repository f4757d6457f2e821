import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { mapOrderToInvoice } from '../../../nodes/OrderToInvoice/mapping';
import type { InvoiceDraft, MappingSettings } from '../../../nodes/OrderToInvoice/mapping/types';

/** Hand-written orders and the bookings expected to the cent (test/golden/*.json, `about` shows the sums). */
interface GoldenCase {
	about: string;
	settings?: Partial<MappingSettings>;
	order: unknown;
	expected: InvoiceDraft;
}

const GOLDEN_DIR = join(__dirname, '../../golden');
const cases = readdirSync(GOLDEN_DIR)
	.filter((name) => name.endsWith('.json'))
	.map(
		(name) =>
			[name, JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8')) as GoldenCase] as const,
	);

describe('golden orders', () => {
	it('has the official spec example, the live shape and every VAT case', () => {
		expect(cases.map(([name]) => name)).toEqual(
			expect.arrayContaining([
				'official-example.json',
				'official-example-sale.json',
				'live-shape.json',
				'eu-reverse-charge.json',
				'export-outside-eu.json',
				'oss-distance-sale.json',
			]),
		);
	});

	it.each(cases)('%s maps to the booking written by hand', (_name, golden) => {
		expect(mapOrderToInvoice(golden.order, golden.settings)).toEqual(golden.expected);
	});

	it.each(cases)(
		'%s: Σ quantity × price per VAT code is the expected total to the cent',
		(_name, golden) => {
			const byCode: Record<string, number> = {};
			for (const item of golden.expected.invoice.items) {
				byCode[item.vatCode] =
					(byCode[item.vatCode] ?? 0) + Math.round(item.quantity * item.pricePerUnit * 100);
			}
			const expectedCents = Object.fromEntries(
				Object.entries(golden.expected.totals.byVatCode).map(([code, euros]) => [
					code,
					Math.round((euros ?? 0) * 100),
				]),
			);
			expect(byCode).toEqual(expectedCents);
		},
	);
});
