import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { mapOrderToInvoice } from '../../../nodes/OrderToInvoice/mapping';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { runChain } from './chain';
import { openBooks, stateOf, type Books } from './setup';

/**
 * The official spec's example order (docs/api-notes.md, Mijnwebwinkel §6.1): 21% 37.49, 9% 9.96, total 47.45.
 * The drafts come from the Order to Invoice mapping; the expected figures are the order's own, written here by hand.
 */
const golden = (name: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../golden', name), 'utf8')) as { order: unknown };

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());

describe('the official example order booked through the whole chain', () => {
	it.each([
		['official-example-sale.json', 'MWW-27', 1],
		['official-example.json', 'MWW-C-27', -1],
	])(
		'%s: e-Boekhouden’s totals per VAT code and in all match the order',
		async (file, invoiceNumber, sign) => {
			const draft: InvoiceDraft = mapOrderToInvoice(golden(file).order);
			const result = await runChain([draft], books.credentials, true);
			books.credentials = result.credentials;
			expect(result.invoices[0].json).toMatchObject({ invoiceNumber, totalAmount: sign * 47.45 });
			expect(result.invoices[0].json.warnings).toBeUndefined();
			const stored = stateOf(books).invoices.find(
				(invoice) => invoice.invoiceNumber === invoiceNumber,
			) as IDataObject & {
				vatByCode: Record<string, { totalAmount: number }>;
			};
			expect(stored.totalAmount).toBe(sign * 47.45);
			expect(stored.vatByCode.HOOG_VERK_21.totalAmount).toBe(sign * 37.49);
			expect(stored.vatByCode.LAAG_VERK_9.totalAmount).toBe(sign * 9.96);
			expect(result.payments[0].json).toMatchObject({
				booked: true,
				amount: sign * 47.45,
				outstandingAfter: 0,
			});
		},
	);
});
