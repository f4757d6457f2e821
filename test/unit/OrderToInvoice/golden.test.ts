import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { MappingError, mapOrderToInvoice } from '../../../nodes/OrderToInvoice/mapping';
import type { InvoiceDraft, MappingSettings } from '../../../nodes/OrderToInvoice/mapping/types';
import { cents, centsByVatCode, draftTotalsByVatCode, paidCents } from '../../support/cents';

/** Hand-written orders and the bookings expected to the cent (test/golden/*.json, `about` shows the sums). */
interface GoldenCase {
	about: string;
	settings?: Partial<MappingSettings>;
	order: unknown;
	/** The draft, or (for an order that must not be booked) the error it stops with. */
	expected?: InvoiceDraft;
	expectedError?: string;
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

	const drafts = cases.filter(([, golden]) => golden.expected !== undefined) as Array<
		readonly [string, GoldenCase & { expected: InvoiceDraft }]
	>;
	const refusals = cases.filter(([, golden]) => golden.expectedError !== undefined);

	it('has a golden order for every bookkeeping rule of gift cards, split and deferred payments and VAT regions', () => {
		expect(cases.map(([name]) => name)).toEqual(
			expect.arrayContaining([
				'gift-card-sold.json',
				'split-gift-card-and-ideal.json',
				'store-credit-in-payment-order.json',
				'klarna-authorized.json',
				'afterpay-authorized-no-ledger.json',
				'afterpay-captured-later.json',
				'oss-on-before-july-2021.json',
				'oss-off-belgium-21.json',
				'unknown-rate-dutch-order.json',
				'test-order-number.json',
				'test-payment.json',
				'negative-quantity-positive-amount.json',
				'no-orderlines-zero-total.json',
			]),
		);
	});

	it.each(drafts)('%s maps to the booking written by hand', (_name, golden) => {
		expect(mapOrderToInvoice(golden.order, golden.settings)).toEqual(golden.expected);
	});

	it.each(refusals)('%s stops with the error written by hand', (_name, golden) => {
		expect(() => mapOrderToInvoice(golden.order, golden.settings)).toThrow(MappingError);
		expect(() => mapOrderToInvoice(golden.order, golden.settings)).toThrow(golden.expectedError);
	});

	it.each(drafts)('%s: the payments add up to the total to the cent', (_name, golden) => {
		expect(paidCents(golden.expected)).toBe(cents(golden.expected.totals.amountInclVat));
	});

	it.each(drafts)(
		'%s: Σ quantity × price per VAT code is the expected total to the cent',
		(_name, golden) => {
			expect(centsByVatCode(golden.expected.invoice.items)).toEqual(
				draftTotalsByVatCode(golden.expected),
			);
		},
	);
});
