import type { IExecuteFunctions } from 'n8n-workflow';

import { searchMutationPages, searchMutations } from '../api/mutations';
import type { MutationListItem } from '../api/schemas';
import { currentGeneration, writtenSince } from './keyLock';
import {
	LIMITS,
	bounded,
	executionMemory,
	type ExecutionMemory,
} from './executionMemory';
import { BULK_MAX_ITEMS, BULK_THRESHOLD_ITEMS, InvoiceIndex } from './invoiceIndex';

/** What this execution's listings say about one invoice number's mutation, without asking e-Boekhouden. */
export type ListedMutation =
	{ state: 'booked'; mutation: MutationListItem } | { state: 'absent' } | { state: 'unknown' };

const MAX_RANGES = 100;
const isDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * Mutations of one type (2 for a Journal Entry, 5 for a Cash Sale) by invoice number, shared by every node and batch
 * of the execution like InvoiceIndex: one paged listing by type and date range (`GET /v1/mutation?type=&date[range]=`,
 * docs/api-notes.md §4) tells a whole batch which orders are booked, so a re-run costs that listing instead of a
 * look-up per order. A number the listing did not hold is "absent" only while nothing was written under its key in
 * this process since the listing; otherwise it is asked for by number.
 */
export class MutationIndex {
	private memory?: Promise<ExecutionMemory>;

	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly type: number,
	) {}

	private async open(): Promise<ExecutionMemory> {
		this.memory ??= executionMemory(this.ctx);
		return await this.memory;
	}

	private key(invoiceNumber: string): string {
		return `${this.type}|${invoiceNumber}`;
	}

	/** Lists every mutation of this type dated within the batch's dates, unless this execution listed them already. */
	async prefetch(dates: string[]): Promise<void> {
		const sorted = dates.filter(isDate).sort();
		if (sorted.length < BULK_THRESHOLD_ITEMS) return;
		const from = sorted[0];
		const to = sorted[sorted.length - 1];
		const memory = await this.open();
		const covers = memory.mutationRanges.some(
			(range) => range.type === this.type && range.from <= from && range.to >= to,
		);
		if (covers) return;
		const generation = currentGeneration();
		const page = await searchMutationPages(
			this.ctx,
			{ type: this.type, 'date[range]': `${from},${to}` },
			{ max: BULK_MAX_ITEMS },
		);
		for (const mutation of page.items) await this.remember(mutation);
		if (!page.complete) return;
		memory.mutationRanges.push({ type: this.type, from, to, generation });
		if (memory.mutationRanges.length > MAX_RANGES) memory.mutationRanges.shift();
	}

	async listed(invoiceNumber: string, date?: string): Promise<ListedMutation> {
		const memory = await this.open();
		const known = memory.mutations.get(this.key(invoiceNumber));
		if (known) return { state: 'booked', mutation: known };
		if (!date) return { state: 'unknown' };
		const key = InvoiceIndex.writeKey(this.ctx, invoiceNumber);
		const fresh = memory.mutationRanges.some(
			(range) =>
				range.type === this.type &&
				date >= range.from &&
				date <= range.to &&
				!writtenSince(key, range.generation),
		);
		return fresh ? { state: 'absent' } : { state: 'unknown' };
	}

	/** The mutation of this type with this invoice number, from the listing when it answers, else asked for by number. */
	async find(invoiceNumber: string, date?: string): Promise<MutationListItem | undefined> {
		const listed = await this.listed(invoiceNumber, date);
		if (listed.state === 'booked') return listed.mutation;
		if (listed.state === 'absent') return undefined;
		const found = (
			await searchMutations(this.ctx, { type: this.type, invoiceNumber }, { max: 1 })
		).find((mutation) => mutation.invoiceNumber === invoiceNumber);
		if (found) await this.remember(found);
		return found;
	}

	async remember(mutation: MutationListItem): Promise<void> {
		if (!mutation.invoiceNumber) return;
		const memory = await this.open();
		const key = this.key(mutation.invoiceNumber);
		// A listed mutation about to be forgotten would read as "absent": the listings no longer answer alone.
		if (!memory.mutations.has(key) && memory.mutations.size >= LIMITS.mutations)
			memory.mutationRanges.length = 0;
		bounded(memory.mutations, key, mutation, LIMITS.mutations);
	}
}
