import type { IExecuteFunctions } from 'n8n-workflow';

import { searchOutstanding } from '../api/mutations';
import type { OutstandingItem } from '../api/schemas';
import { currentGeneration, scopedKey, writtenSince } from './keyLock';
import { BULK_MAX_ITEMS, BULK_THRESHOLD_ITEMS, InvoiceIndex } from './invoiceIndex';

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

	async prefetch(batchSize: number): Promise<void> {
		if (batchSize < BULK_THRESHOLD_ITEMS) return;
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

	/** The open item, or undefined when nothing is open (fully paid, or no booked invoice). */
	async find(invoiceNumber: string): Promise<OutstandingItem | undefined> {
		if (this.isFresh(invoiceNumber)) return this.items.get(invoiceNumber);
		const page = await searchOutstanding(this.ctx, { credDeb: 'D', invoiceNumber }, { max: 1 });
		const found = page.items.find((item) => item.invoiceNumber === invoiceNumber);
		if (found) this.items.set(invoiceNumber, found);
		else this.items.delete(invoiceNumber);
		return found;
	}
}
