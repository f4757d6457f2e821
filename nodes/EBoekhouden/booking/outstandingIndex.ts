import type { IExecuteFunctions } from 'n8n-workflow';

import { searchOutstanding } from '../api/mutations';
import type { OutstandingItem } from '../api/schemas';
import { openItemOfCreated } from './createdInvoices';
import { currentGeneration, scopedKey, writtenSince } from './keyLock';
import { BULK_MAX_ITEMS, BULK_THRESHOLD_ITEMS } from './datedListing';
import { InvoiceIndex } from './invoiceIndex';

/**
 * Open debtor items by invoice number. A batch reads the whole list once; a single payment asks for its own
 * number. After a booking by this process (this run or a concurrent one) the entry is re-read, never trusted.
 */
export class OutstandingIndex {
	private readonly items = new Map<string, OutstandingItem>();
	private snapshotGeneration?: number;

	constructor(private readonly ctx: IExecuteFunctions) {}

	static writeKey(ctx: IExecuteFunctions, invoiceNumber: string): string {
		return scopedKey(ctx, 'payment', invoiceNumber);
	}

	/** One listing for the batch, unless every invoice in it was created by this execution and is still unpaid. */
	async prefetch(invoiceNumbers: string[]): Promise<void> {
		if (invoiceNumbers.length < BULK_THRESHOLD_ITEMS) return;
		const created = await Promise.all(
			invoiceNumbers.map(async (number) => await this.created(number)),
		);
		if (created.every((item) => item !== undefined)) return;
		const generation = currentGeneration();
		const page = await searchOutstanding(this.ctx, { credDeb: 'D' }, { max: BULK_MAX_ITEMS });
		for (const item of page.items) this.items.set(item.invoiceNumber, item);
		if (page.complete) this.snapshotGeneration = generation;
	}

	private isFresh(invoiceNumber: string): boolean {
		const since = this.snapshotGeneration;
		if (since === undefined) return false;
		return (
			!writtenSince(OutstandingIndex.writeKey(this.ctx, invoiceNumber), since) &&
			!writtenSince(InvoiceIndex.writeKey(this.ctx, invoiceNumber), since)
		);
	}

	private async created(invoiceNumber: string): Promise<OutstandingItem | undefined> {
		return await openItemOfCreated(
			this.ctx,
			invoiceNumber,
			OutstandingIndex.writeKey(this.ctx, invoiceNumber),
		);
	}

	/** The open item, or undefined when nothing is open (fully paid, or no booked invoice). */
	async find(invoiceNumber: string): Promise<OutstandingItem | undefined> {
		const created = await this.created(invoiceNumber);
		if (created) return created;
		if (this.isFresh(invoiceNumber)) return this.items.get(invoiceNumber);
		return await this.reread(invoiceNumber);
	}

	/** Asks e-Boekhouden, whatever this process remembers: after a refusal that says someone else booked on it. */
	async reread(invoiceNumber: string): Promise<OutstandingItem | undefined> {
		const page = await searchOutstanding(this.ctx, { credDeb: 'D', invoiceNumber }, { max: 1 });
		const found = page.items.find((item) => item.invoiceNumber === invoiceNumber);
		if (found) this.items.set(invoiceNumber, found);
		else this.items.delete(invoiceNumber);
		return found;
	}
}
