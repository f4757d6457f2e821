import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	draftField,
	inputModeField,
	ledgerLocator,
	relationLocator,
	requestsInParallelOption,
	templateLocator,
} from '../common.descriptions';
import { bookCashSaleOnce } from '../../booking/cashSale';
import { bookJournalEntryOnce } from '../../booking/journalEntry';
import { soldForCash, soldForCashWarning } from '../../booking/soldForCash';
import { MutationIndex } from '../../booking/mutationIndex';
import { MUTATION_TYPE } from '../../api/mutations';
import { showFor } from '../node.type';
import { InvoiceIndex } from '../../booking/invoiceIndex';
import { forOrder, readLedgerRef, readTemplateRef } from '../shared/params';
import { runPerItemInPool } from '../../../shared/pool';
import { InvoiceBooker } from '../../booking/invoice';
import { RelationFinder } from '../relation/finder';
import { bookHealingStaleRelation } from '../../booking/staleRelation';
import { manualInvoiceFields } from './create.fields';
import { readInvoiceInput, type InvoiceInput } from './input';
import { invoiceRequest, type InvoiceSettings } from './request';
import { addTotals, type Written } from './totals';

const properties: INodeProperties[] = [
	inputModeField('invoice'),
	draftField,
	relationLocator(
		'The relation (relatie) the invoice is for, e.g. {{ $json.id }} right after Find or Create Relation',
	),
	...manualInvoiceFields.map((field) => ({
		...field,
		displayOptions: { show: { inputMode: ['manual'] } },
	})),
	templateLocator,
	ledgerLocator(
		'debtorLedger',
		'Debtor Ledger',
		'The debtors ledger (debiteuren, category DEB) the invoice, or a Journal Entry draft’s open item, is booked on',
		'1300',
		'searchDebtorLedgers',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Book Into Ledger',
				name: 'book',
				type: 'boolean',
				default: true,
				description:
					'Whether to book the invoice right away (an open item that can be paid); off makes a concept invoice',
			},
			{
				displayName: 'Cost Center Name or ID',
				name: 'costCenterId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCostCenters' },
				default: '',
				description:
					'Cost centre (kostenplaats) for lines that name none. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			requestsInParallelOption,
		],
	},
];

export const description = updateDisplayOptions(showFor('invoice', ['create']), properties);

function readSettings(ctx: IExecuteFunctions, itemIndex: number): InvoiceSettings {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const costCenter = String(options.costCenterId ?? '').trim();
	return {
		templateRef: readTemplateRef(ctx, itemIndex),
		debtorLedger: readLedgerRef(ctx, 'debtorLedger', itemIndex),
		book: options.book !== false,
		costCenterId: /^\d+$/.test(costCenter) ? Number(costCenter) : undefined,
	};
}

type BookedEntries = Record<'journalEntry' | 'cashSale', MutationIndex>;

/**
 * Whether an Invoice or Journal Entry order still needs the look for a cash sale booked before a switch of Booking
 * Mode: not when its own mode's listing holds it already, so a re-run or recovery pass costs no cash-sale listing.
 */
async function mayBeSoldForCash(
	input: InvoiceInput,
	index: InvoiceIndex,
	entries: BookedEntries,
): Promise<boolean> {
	if (!input.bookingMode || input.bookingMode === 'cashSale') return false;
	const own = input.bookingMode === 'journalEntry' ? entries.journalEntry : index;
	return (await own.listed(input.invoiceNumber, input.date)).state !== 'booked';
}

/** One listing per mutation-booked mode in the batch tells which of its orders are booked already. */
async function bookedEntries(
	ctx: IExecuteFunctions,
	planned: Array<{ input?: InvoiceInput }>,
	index: InvoiceIndex,
): Promise<BookedEntries> {
	const entries = {
		journalEntry: new MutationIndex(ctx, MUTATION_TYPE.invoiceSent),
		cashSale: new MutationIndex(ctx, MUTATION_TYPE.moneyReceived),
	};
	const inputs = planned.flatMap(({ input }) => (input && !input.skipped ? [input] : []));
	// Cash Sale orders look for an invoice or journal entry booked before a switch of Booking Mode (cashSale.ts).
	const journalDates = inputs.flatMap((input) =>
		input.bookingMode === 'journalEntry' || input.bookingMode === 'cashSale' ? [input.date] : [],
	);
	// Without the listing each order is looked up by number, which reports its own failure.
	await entries.journalEntry.prefetch(journalDates).catch(() => undefined);
	const cashDates: string[] = [];
	for (const input of inputs) {
		if (input.bookingMode === 'cashSale' || (await mayBeSoldForCash(input, index, entries)))
			cashDates.push(input.date);
	}
	await entries.cashSale.prefetch(cashDates).catch(() => undefined);
	return entries;
}

interface BookedOrder {
	record: IDataObject;
	created: boolean;
	warnings: string[];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const planned = this.getInputData().map((_, itemIndex) => {
		try {
			return { input: readInvoiceInput(this, itemIndex) };
		} catch (error) {
			return { error: error as Error };
		}
	});
	const index = new InvoiceIndex(this);
	const dates = planned.flatMap(({ input }) =>
		input?.invoiceNumber && !input.skipped && (input.bookingMode ?? 'invoice') === 'invoice'
			? [input.date]
			: [],
	);
	// Without the listing each order is looked up by its number, which reports its own failure on its own item.
	await index.prefetch(dates).catch(() => undefined);
	const entries = await bookedEntries(this, planned, index);
	const booker = new InvoiceBooker(this, index);
	const finder = new RelationFinder(this);
	/** The draft's Booking Mode's "book once" step, its result in one shape for the output item. */
	const bookOnce = async (input: InvoiceInput, itemIndex: number): Promise<BookedOrder> => {
		const sale = (await mayBeSoldForCash(input, index, entries))
			? await soldForCash(entries.cashSale, input.invoiceNumber, input.date)
			: undefined;
		if (sale) {
			const { invoiceNumber, relationId, date } = input;
			return {
				record: { id: sale.id, invoiceNumber, relationId, date, bookedAs: 'cashSale' },
				created: false,
				warnings: [soldForCashWarning(invoiceNumber, sale)],
			};
		}
		if (input.bookingMode === 'cashSale' || input.bookingMode === 'journalEntry') {
			const settings = readSettings(this, itemIndex);
			const booked =
				input.bookingMode === 'cashSale'
					? await bookCashSaleOnce(this, input, settings, entries.cashSale, entries.journalEntry)
					: await bookJournalEntryOnce(this, input, settings, entries.journalEntry);
			return { ...booked, record: { ...booked.entry, bookedAs: input.bookingMode } };
		}
		const booked = await booker.book(
			input,
			async () => await invoiceRequest(this, input, readSettings(this, itemIndex)),
		);
		return { ...booked, record: booked.invoice };
	};
	// By item, so the totals and their warnings come out in input order whatever order the items finish in.
	const written: Array<Written | undefined> = [];
	const result = await runPerItemInPool(this, async (itemIndex) => {
		const { input, error } = planned[itemIndex];
		if (!input) throw error;
		if (input.skipped)
			return { orderNumber: input.orderNumber, skipped: true, reason: input.skipped };
		return await forOrder(this, input.orderNumber, async () => {
			const booked = await bookHealingStaleRelation(
				this,
				finder,
				itemIndex,
				input,
				async (forRelation) => await bookOnce(forRelation, itemIndex),
			);
			const json: IDataObject = { ...booked.record, created: booked.created };
			if (input.orderNumber) json.orderNumber = input.orderNumber;
			if (booked.warnings.length) json.warnings = booked.warnings;
			if (json.bookedAs === undefined) written[itemIndex] = { json, input };
			return json;
		});
	});
	await addTotals(
		this,
		index,
		written.filter((entry): entry is Written => entry !== undefined),
	);
	return result;
}
