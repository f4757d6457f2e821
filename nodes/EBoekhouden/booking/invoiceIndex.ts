import type { IExecuteFunctions } from 'n8n-workflow';

import { searchInvoicePages, searchInvoices } from '../api/invoices';
import type { InvoiceListItem } from '../api/schemas';
import {
	BULK_MAX_ITEMS,
	BULK_THRESHOLD_ITEMS,
	DatedListing,
	type DatedSource,
} from './datedListing';
import { LIMITS } from './executionMemory';
import { scopedKey } from './keyLock';

const invoiceSource = (ctx: IExecuteFunctions): DatedSource<InvoiceListItem> => ({
	scope: 'invoice',
	shelf: (memory) => ({ items: memory.invoices, covered: memory.covered, max: LIMITS.invoices }),
	key: (invoiceNumber) => invoiceNumber,
	list: async (filters, paging) => await searchInvoicePages(ctx, filters, paging),
	lookUp: async (invoiceNumber) => (await searchInvoices(ctx, { invoiceNumber }, { max: 1 }))[0],
	numberOf: (invoice) => invoice.invoiceNumber,
	merge: (known, invoice) => ({ ...known, ...invoice }),
	writeKey: (invoiceNumber) => InvoiceIndex.writeKey(ctx, invoiceNumber),
});

/**
 * Invoices by number, shared by every node and batch of the execution (the rule is in datedListing.ts): Find or
 * Create Relation lists a batch's dates to learn which orders are booked already, and Create Invoice and Book
 * Payment answer from that same listing.
 */
export class InvoiceIndex extends DatedListing<InvoiceListItem> {
	constructor(ctx: IExecuteFunctions) {
		super(ctx, invoiceSource(ctx));
	}

	static writeKey(ctx: IExecuteFunctions, invoiceNumber: string): string {
		return scopedKey(ctx, 'invoice', invoiceNumber);
	}

	/** Re-reads the listed facts (totals) of invoices created in this run: one listing, or one call each. */
	async refresh(
		invoices: Array<{ invoiceNumber: string; date?: string }>,
	): Promise<Map<string, InvoiceListItem>> {
		const result = new Map<string, InvoiceListItem>();
		const dates = invoices
			.map((invoice) => invoice.date ?? '')
			.filter((date) => date !== '')
			.sort();
		if (invoices.length >= BULK_THRESHOLD_ITEMS && dates.length === invoices.length) {
			const range = `${dates[0]},${dates[dates.length - 1]}`;
			const page = await searchInvoicePages(
				this.ctx,
				{ 'date[range]': range },
				{ max: BULK_MAX_ITEMS },
			);
			const wanted = new Set(invoices.map((invoice) => invoice.invoiceNumber));
			for (const invoice of page.items)
				if (wanted.has(invoice.invoiceNumber)) result.set(invoice.invoiceNumber, invoice);
		}
		for (const { invoiceNumber } of invoices) {
			if (result.has(invoiceNumber)) continue;
			const [found] = await searchInvoices(this.ctx, { invoiceNumber }, { max: 1 });
			if (found) result.set(invoiceNumber, found);
		}
		for (const invoice of result.values()) await this.remember(invoice);
		return result;
	}
}
