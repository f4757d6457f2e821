import type { IExecuteFunctions } from 'n8n-workflow';

import { searchMutationPages, searchMutations } from '../api/mutations';
import type { MutationListItem } from '../api/schemas';
import { DatedListing } from './datedListing';
import { LIMITS } from './executionMemory';
import { InvoiceIndex } from './invoiceIndex';

/** What this execution's listings say about one invoice number's mutation, without asking e-Boekhouden. */
export type ListedMutation =
	{ state: 'booked'; mutation: MutationListItem } | { state: 'absent' } | { state: 'unknown' };

/**
 * Mutations of one type (2 for a Journal Entry, 5 for a Cash Sale) by invoice number, shared by every node and batch
 * of the execution like InvoiceIndex (the rule is in datedListing.ts): one paged listing by type and date range
 * (`GET /v1/mutation?type=&date[range]=`, docs/api-notes.md §4) tells a whole batch which orders are booked. A
 * mutation counts as written under its invoice's key, so a write of that invoice number makes "absent" stale.
 */
export class MutationIndex {
	private readonly listing: DatedListing<MutationListItem>;

	constructor(
		ctx: IExecuteFunctions,
		readonly type: number,
	) {
		this.listing = new DatedListing(ctx, {
			scope: `mutation type ${type}`,
			shelf: (memory) => ({
				items: memory.mutations,
				covered: memory.mutationRanges,
				max: LIMITS.mutations,
			}),
			list: async (filters, paging) => await searchMutationPages(ctx, { type, ...filters }, paging),
			lookUp: async (invoiceNumber) =>
				(await searchMutations(ctx, { type, invoiceNumber }, { max: 1 })).find(
					(mutation) => mutation.invoiceNumber === invoiceNumber,
				),
			numberOf: (mutation) => mutation.invoiceNumber || undefined,
			writeKey: (invoiceNumber) => InvoiceIndex.writeKey(ctx, invoiceNumber),
		});
	}

	/** Lists every mutation of this type dated within the batch's dates, unless this execution listed them already. */
	async prefetch(dates: string[]): Promise<void> {
		await this.listing.prefetch(dates);
	}

	async listed(invoiceNumber: string, date?: string): Promise<ListedMutation> {
		const listed = await this.listing.listed(invoiceNumber, date);
		return listed.state === 'booked' ? { state: 'booked', mutation: listed.item } : listed;
	}

	/** The mutation of this type with this invoice number, from the listing when it answers, else asked for by number. */
	async find(invoiceNumber: string, date?: string): Promise<MutationListItem | undefined> {
		return await this.listing.find(invoiceNumber, date);
	}

	async remember(mutation: MutationListItem): Promise<void> {
		await this.listing.remember(mutation);
	}
}
