import type { IExecuteFunctions } from 'n8n-workflow';

import { searchMutationPages, searchMutations } from '../api/mutations';
import type { MutationListItem } from '../api/schemas';
import { DatedListing, type DatedSource } from './datedListing';
import { LIMITS } from './executionMemory';
import { InvoiceIndex } from './invoiceIndex';

const mutationSource = (ctx: IExecuteFunctions, type: number): DatedSource<MutationListItem> => ({
	scope: `mutation type ${type}`,
	shelf: (memory) => ({
		items: memory.mutations,
		covered: memory.mutationRanges,
		max: LIMITS.mutations,
	}),
	key: (invoiceNumber) => `${type}|${invoiceNumber}`,
	list: async (filters, paging) => await searchMutationPages(ctx, { type, ...filters }, paging),
	lookUp: async (invoiceNumber) =>
		(await searchMutations(ctx, { type, invoiceNumber }, { max: 1 })).find(
			(mutation) => mutation.invoiceNumber === invoiceNumber,
		),
	numberOf: (mutation) => mutation.invoiceNumber || undefined,
	// A booking under an invoice number, in any mode, is logged under the invoice's key.
	writeKey: (invoiceNumber) => InvoiceIndex.writeKey(ctx, invoiceNumber),
});

/**
 * Mutations of one type (2 for a Journal Entry, 5 for a Cash Sale) by invoice number, shared by every node and batch
 * of the execution like InvoiceIndex (the rule is in datedListing.ts): one paged listing by type and date range
 * (`GET /v1/mutation?type=&date[range]=`, docs/api-notes.md §4) tells a whole batch which orders are booked.
 */
export class MutationIndex extends DatedListing<MutationListItem> {
	constructor(
		ctx: IExecuteFunctions,
		readonly type: number,
	) {
		super(ctx, mutationSource(ctx, type));
	}
}
