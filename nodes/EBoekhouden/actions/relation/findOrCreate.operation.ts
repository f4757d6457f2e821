import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ParsedDraft } from '../../../shared/draft.schema';
import { inputError } from '../../api/inputError';
import { draftField, inputModeField, requestsInParallelOption } from '../common.descriptions';
import { showFor } from '../node.type';
import { InvoiceIndex } from '../shared/invoiceIndex';
import { MUTATION_TYPE } from '../../api/mutations';
import { MutationIndex } from '../../booking/mutationIndex';
import { forOrder, readDraft } from '../shared/params';
import { runPerItemInPool } from '../../../shared/pool';
import {
	customerChangesOption,
	relationBody,
	relationFieldOptions,
	relationFromDraft,
} from './fields';
import { RelationFinder } from './finder';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE_DESCRIPTION =
	'Relation code, at most 15 characters. Leave empty for a code made from the e-mail address (e.g. JANJANS followed by 8 characters), which e-Boekhouden refuses a second time, so two workflows at once cannot create the customer twice.';

const properties: INodeProperties[] = [
	inputModeField('relation'),
	draftField,
	{
		displayName: 'Email Address',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The relation is found by this address, ignoring upper and lower case',
		displayOptions: { show: { inputMode: ['manual'] } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description:
			'Company name, or the person’s name for a private customer; used only when creating',
		displayOptions: { show: { inputMode: ['manual'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Used only when the relation is created; an existing relation is changed only with the option Update Changed Customer Details',
		options: relationFieldOptions.map((option) =>
			option.name === 'code' ? { ...option, description: CODE_DESCRIPTION } : option,
		),
		displayOptions: { show: { inputMode: ['manual'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [requestsInParallelOption, customerChangesOption],
	},
];

export const description = updateDisplayOptions(showFor('relation', ['findOrCreate']), properties);

/** The drafts of the input, read once; an unreadable one keeps its error for its own item. */
function readDrafts(ctx: IExecuteFunctions): Array<{ draft?: ParsedDraft; error?: Error }> {
	return ctx.getInputData().map((_, itemIndex) => {
		if (ctx.getNodeParameter('inputMode', itemIndex) !== 'draft') return {};
		try {
			return { draft: readDraft(ctx, itemIndex) };
		} catch (error) {
			return { error: error as Error };
		}
	});
}

/**
 * Orders e-Boekhouden already holds need no relation: one listing of the batch's dates per booking form (invoices;
 * type 2 or type 5 mutations) tells which. A re-run or a recovery pass over booked orders then costs those listings
 * instead of a search per customer.
 */
interface BookedListings {
	invoices: InvoiceIndex;
	journalEntry: MutationIndex;
	cashSale: MutationIndex;
}

async function listBooked(
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
		if (listed.state !== 'booked' || typeof listed.invoice.relationId !== 'number')
			return undefined;
		return { id: listed.invoice.relationId, ...base };
	}
	// Only a listing answers here: an order the listing did not cover is found the usual way.
	const listed = await listings[draft.bookingMode].listed(invoiceNumber, date);
	if (listed.state !== 'booked') return undefined;
	// The mutation listing names no relation (docs/api-notes.md §4); the booked order needs none.
	return {
		id: null,
		...base,
		reason: `Order ${draft.orderNumber} is booked already (entry ${listed.mutation.id}): no relation needed.`,
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const finder = new RelationFinder(this);
	const drafts = readDrafts(this);
	const listings = await listBooked(this, drafts);
	const warnings = new Set<string>();
	const result = await runPerItemInPool(this, async (itemIndex) => {
		let email: string;
		let fields: IDataObject;
		let orderNumber: string | undefined;
		if (this.getNodeParameter('inputMode', itemIndex) === 'draft') {
			const { draft, error } = drafts[itemIndex];
			if (!draft) throw error;
			if (draft.skipped)
				return { orderNumber: draft.orderNumber, skipped: true, reason: draft.skipped.reason };
			if (draft.bookingMode === 'cashSale' && !draft.bookRelation) return withoutRelation(draft);
			const booked = await alreadyBooked(draft, listings);
			if (booked) return booked;
			orderNumber = draft.orderNumber;
			email = draft.relation.emailAddress;
			fields = relationFromDraft(draft);
		} else {
			email = String(this.getNodeParameter('email', itemIndex)).trim();
			if (!EMAIL.test(email)) {
				throw inputError(this, `"${email}" is not a valid e-mail address`, {
					field: 'email',
					itemIndex,
				});
			}
			fields = relationBody({
				type: 'P',
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
				name: this.getNodeParameter('name', itemIndex),
			});
		}
		return await forOrder(this, orderNumber, async () => {
			const found = await finder.findOrCreate(email, fields);
			found.warnings.forEach((warning) => warnings.add(warning));
			const output: IDataObject = { ...found.relation, created: found.created };
			if (orderNumber) output.orderNumber = orderNumber;
			if (found.warnings.length) output.warnings = found.warnings;
			if (found.changes) output.changes = found.changes;
			return output;
		});
	});
	if (warnings.size) {
		this.addExecutionHints({
			message: [...warnings].join(' '),
			type: 'warning',
			location: 'outputPane',
		});
	}
	return result;
}
