import type { IExecuteFunctions } from 'n8n-workflow';

import { searchInvoicePages, searchInvoices } from '../api/invoices';
import type { InvoiceListItem } from '../api/schemas';
import { currentGeneration, scopedKey, writtenSince } from './keyLock';
import { LIMITS, bounded, executionMemory, type ExecutionMemory } from './executionMemory';

/** A batch checks its invoice numbers with one listing by date range instead of one call per order. */
export const BULK_THRESHOLD_ITEMS = 2;
/** Up to 5 pages of 2000: beyond that, single look-ups are cheaper than reading the whole year. */
export const BULK_MAX_ITEMS = 10_000;
const MAX_RANGES = 100;

/** What the listings of this execution say about one invoice number, without asking e-Boekhouden. */
export type Listed =
	{ state: 'booked'; invoice: InvoiceListItem } | { state: 'absent' } | { state: 'unknown' };

const isDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * Invoices by number, shared by every node and batch of the execution (see executionMemory.ts): Find or Create
 * Relation lists a batch's dates to learn which orders are booked already, and Create Invoice and Book Payment
 * answer from that same listing.
 */
export class InvoiceIndex {
	private memory?: Promise<ExecutionMemory>;

	constructor(private readonly ctx: IExecuteFunctions) {}

	private async open(): Promise<ExecutionMemory> {
		this.memory ??= executionMemory(this.ctx);
		return await this.memory;
	}

	static writeKey(ctx: IExecuteFunctions, invoiceNumber: string): string {
		return scopedKey(ctx, 'invoice', invoiceNumber);
	}

	/** Lists every invoice dated within the batch's dates, unless this execution listed them already. */
	async prefetch(dates: string[]): Promise<void> {
		const sorted = dates.filter(isDate).sort();
		if (sorted.length < BULK_THRESHOLD_ITEMS) return;
		const from = sorted[0];
		const to = sorted[sorted.length - 1];
		const memory = await this.open();
		if (memory.covered.some((range) => range.from <= from && range.to >= to)) return;
		const generation = currentGeneration();
		const page = await searchInvoicePages(
			this.ctx,
			{ 'date[range]': `${from},${to}` },
			{ max: BULK_MAX_ITEMS },
		);
		for (const invoice of page.items) await this.remember(invoice);
		if (!page.complete) return;
		memory.covered.push({ from, to, generation });
		if (memory.covered.length > MAX_RANGES) memory.covered.shift();
	}

	/** The answer of this execution's listings alone: booked, absent (and not written since), or not listed. */
	async listed(invoiceNumber: string, date?: string): Promise<Listed> {
		const memory = await this.open();
		const known = memory.invoices.get(invoiceNumber);
		if (known) return { state: 'booked', invoice: known };
		if (!date) return { state: 'unknown' };
		const key = InvoiceIndex.writeKey(this.ctx, invoiceNumber);
		const fresh = memory.covered.some(
			(range) => date >= range.from && date <= range.to && !writtenSince(key, range.generation),
		);
		return fresh ? { state: 'absent' } : { state: 'unknown' };
	}

	/** The invoice with this number, if e-Boekhouden has it; `date` lets a prefetched listing answer. */
	async find(invoiceNumber: string, date?: string): Promise<InvoiceListItem | undefined> {
		const listed = await this.listed(invoiceNumber, date);
		if (listed.state === 'booked') return listed.invoice;
		if (listed.state === 'absent') return undefined;
		const [found] = await searchInvoices(this.ctx, { invoiceNumber }, { max: 1 });
		if (found) await this.remember(found);
		return found;
	}

	async remember(invoice: InvoiceListItem): Promise<void> {
		const memory = await this.open();
		const { invoices } = memory;
		const known = invoices.get(invoice.invoiceNumber);
		// A listed invoice about to be forgotten would read as "absent": the listings no longer answer alone.
		if (!known && invoices.size >= LIMITS.invoices) memory.covered.length = 0;
		bounded(invoices, invoice.invoiceNumber, { ...known, ...invoice }, LIMITS.invoices);
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
