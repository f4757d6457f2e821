import type { IExecuteFunctions } from 'n8n-workflow';

import { searchInvoicePages, searchInvoices } from '../../api/invoices';
import type { InvoiceListItem } from '../../api/schemas';
import { currentGeneration, scopedKey, writtenSince } from './concurrency';

/** A batch checks its invoice numbers with one listing by date range instead of one call per order. */
export const BULK_THRESHOLD_ITEMS = 2;
/** Up to 5 pages of 2000: beyond that, single look-ups are cheaper than reading the whole year. */
export const BULK_MAX_ITEMS = 10_000;

interface Coverage {
	from: string;
	to: string;
	generation: number;
}

export class InvoiceIndex {
	private readonly known = new Map<string, InvoiceListItem>();
	private coverage?: Coverage;

	constructor(private readonly ctx: IExecuteFunctions) {}

	static writeKey(ctx: IExecuteFunctions, invoiceNumber: string): string {
		return scopedKey(ctx, 'invoice', invoiceNumber);
	}

	/** Lists every invoice dated within the batch's dates; a complete listing answers "absent" for free. */
	async prefetch(dates: string[]): Promise<void> {
		const sorted = dates.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).sort();
		if (sorted.length < BULK_THRESHOLD_ITEMS) return;
		const from = sorted[0];
		const to = sorted[sorted.length - 1];
		const generation = currentGeneration();
		const page = await searchInvoicePages(
			this.ctx,
			{ 'date[range]': `${from},${to}` },
			{ max: BULK_MAX_ITEMS },
		);
		for (const invoice of page.items) this.known.set(invoice.invoiceNumber, invoice);
		if (page.complete) this.coverage = { from, to, generation };
	}

	/** The invoice with this number, if e-Boekhouden has it; `date` lets a prefetched listing answer. */
	async find(invoiceNumber: string, date?: string): Promise<InvoiceListItem | undefined> {
		const known = this.known.get(invoiceNumber);
		if (known) return known;
		const coverage = this.coverage;
		const stale =
			coverage && writtenSince(InvoiceIndex.writeKey(this.ctx, invoiceNumber), coverage.generation);
		if (coverage && date && date >= coverage.from && date <= coverage.to && !stale)
			return undefined;
		const [found] = await searchInvoices(this.ctx, { invoiceNumber }, { max: 1 });
		if (found) this.known.set(invoiceNumber, found);
		return found;
	}

	remember(invoice: InvoiceListItem): void {
		this.known.set(invoice.invoiceNumber, invoice);
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
		for (const invoice of result.values()) this.remember(invoice);
		return result;
	}
}
