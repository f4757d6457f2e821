import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ParsedDraft } from '../../../shared/draft.schema';
import { MUTATION_TYPE } from '../../api/mutations';
import { MutationIndex } from '../../booking/mutationIndex';
import { InvoiceIndex } from '../../booking/invoiceIndex';

/**
 * Orders e-Boekhouden already holds need no relation: one listing of the batch's dates per booking form (invoices;
 * type 2 or type 5 mutations) tells which. A re-run or a recovery pass over booked orders then costs those listings
 * instead of a search per customer.
 */
export interface BookedListings {
	invoices: InvoiceIndex;
	journalEntry: MutationIndex;
	cashSale: MutationIndex;
}

export async function listBooked(
	ctx: IExecuteFunctions,
	drafts: Array<{ draft?: ParsedDraft }>,
): Promise<BookedListings> {
	const listings: BookedListings = {
		invoices: new InvoiceIndex(ctx),
		journalEntry: new MutationIndex(ctx, MUTATION_TYPE.invoiceSent),
		cashSale: new MutationIndex(ctx, MUTATION_TYPE.moneyReceived),
	};
	const datesOf = (mode: ParsedDraft['bookingMode']) =>
		drafts.flatMap(({ draft }) =>
			draft && !draft.skipped && draft.bookingMode === mode ? [draft.invoice.date] : [],
		);
	// Without a listing every order is looked up the usual way, which reports its own failure.
	await listings.invoices.prefetch(datesOf('invoice')).catch(() => undefined);
	await listings.journalEntry.prefetch(datesOf('journalEntry')).catch(() => undefined);
	await listings.cashSale.prefetch(datesOf('cashSale')).catch(() => undefined);
	return listings;
}

async function alreadyBooked(
	draft: ParsedDraft,
	listings: BookedListings,
): Promise<IDataObject | undefined> {
	const { invoiceNumber, date } = draft.invoice;
	const base = {
		created: false,
		alreadyBooked: true,
		invoiceNumber,
		orderNumber: draft.orderNumber,
	};
	if (draft.bookingMode === 'invoice') {
		const listed = await listings.invoices.listed(invoiceNumber, date);
		if (listed.state !== 'booked' || typeof listed.item.relationId !== 'number') return undefined;
		return { id: listed.item.relationId, ...base };
	}
	// Only a listing answers here: an order the listing did not cover is found the usual way.
	const listed = await listings[draft.bookingMode].listed(invoiceNumber, date);
	if (listed.state !== 'booked') return undefined;
	// The mutation listing names no relation (docs/api-notes.md §4); the booked order needs none.
	return {
		id: null,
		...base,
		reason: `Order ${draft.orderNumber} is booked already (entry ${listed.item.id}): no relation needed.`,
	};
}

/** Cash Sale with Book Customer as Relation off: the sale is booked without one, so none is searched or made. */
function withoutRelation(draft: ParsedDraft): IDataObject {
	return {
		id: null,
		created: false,
		orderNumber: draft.orderNumber,
		reason:
			'Cash Sale without relations (Book Customer as Relation is off in Order to Invoice): the sale is booked without a relation.',
	};
}

/** Find or Create's answer for a draft that needs no relation (skipped, booked without one, booked already). */
export async function answerWithoutRelation(
	draft: ParsedDraft,
	listings: BookedListings,
): Promise<IDataObject | undefined> {
	if (draft.skipped)
		return { orderNumber: draft.orderNumber, skipped: true, reason: draft.skipped.reason };
	if (draft.bookingMode === 'cashSale' && !draft.bookRelation) return withoutRelation(draft);
	return await alreadyBooked(draft, listings);
}
