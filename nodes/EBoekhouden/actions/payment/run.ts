import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	draftField,
	inputModeField,
	ledgerLocator,
	requestsInParallelOption,
} from '../common.descriptions';
import { InvoiceIndex } from '../../booking/invoiceIndex';
import { OutstandingIndex } from '../../booking/outstandingIndex';
import { forOrder } from '../shared/params';
import { runPerItemInPool } from '../../../shared/pool';
import { BookedInvoices } from './bookedInvoices';
import { isBookable, readPaymentInput, type PaymentInput } from './input';
import { Settler, type Direction } from './settle';

/** Parameters of both payment operations; only the words differ. */
export function paymentProperties(direction: Direction): INodeProperties[] {
	const money = direction === 'payment' ? 'payment' : 'refund';
	const manual = { show: { inputMode: ['manual'] } };
	return [
		inputModeField(money),
		draftField,
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. MWW-1042',
			description: `The invoice the ${money} is for`,
			displayOptions: manual,
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0 },
			default: 0,
			description: `The ${money} in euros; 0 books whatever is still open on the invoice`,
			displayOptions: manual,
		},
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			description: `The day of the ${money}; empty means today`,
			displayOptions: manual,
		},
		ledgerLocator(
			'paymentLedger',
			'Payment Ledger',
			'The bank or payment-provider ledger (category FIN) the money went through, e.g. 1010 Bank or 1020 Mollie; a gift-card ledger (category BAL) books a memorial instead of a payment. From a draft: leave empty to use the draft’s ledgers (this one replaces only the ledger of money received, never a gift-card part).',
			'',
			'searchPaymentLedgers',
			"the draft's ledgers",
		),
		ledgerLocator(
			'debtorLedger',
			'Debtor Ledger',
			'The debtors ledger (debiteuren, category DEB) the invoice was booked on',
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
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description:
						'Booking description (omschrijving), at most 50 characters; default e.g. "Betaling MWW-1042"',
				},
				requestsInParallelOption,
			],
		},
	];
}

/** A Cash Sale's money is in its type 5 entry, booked by Create Invoice: there is no open item to settle. */
function bookedWithSale(input: PaymentInput): IDataObject {
	return {
		invoiceNumber: input.invoiceNumber,
		booked: false,
		alreadyPaid: true,
		bookedWith: 'cashSale',
		reason: 'Cash Sale: the payment was booked with the sale (Geld ontvangen) by Create Invoice.',
	};
}

/** A draft whose payment ledger is empty has nothing to book as paid (e.g. an order paid on account). */
function skipped(input: PaymentInput): IDataObject {
	return {
		invoiceNumber: input.invoiceNumber,
		booked: false,
		skipped: true,
		reason:
			input.skipped ??
			input.paymentNotes ??
			'The draft has no payment ledger: nothing to book as paid.',
	};
}

export async function settleItems(
	ctx: IExecuteFunctions,
	direction: Direction,
): Promise<INodeExecutionData[][]> {
	const planned = ctx.getInputData().map((_, itemIndex) => {
		try {
			return { input: readPaymentInput(ctx, itemIndex) };
		} catch (error) {
			return { error: error as Error };
		}
	});
	const bookable = planned.filter(
		({ input }) => input && input.bookingMode !== 'cashSale' && isBookable(input),
	);
	const dates = bookable.flatMap(({ input }) => (input?.invoiceDate ? [input.invoiceDate] : []));
	const outstanding = new OutstandingIndex(ctx);
	// Without the listing each order's open item is asked for by its number, which reports its own failure.
	await outstanding
		.prefetch(bookable.map(({ input }) => input?.invoiceNumber ?? ''))
		.catch(() => undefined);
	let invoices: Promise<InvoiceIndex> | undefined;
	const invoiceIndex = async () => {
		invoices ??= (async () => {
			const index = new InvoiceIndex(ctx);
			await index.prefetch(dates).catch(() => undefined);
			return index;
		})();
		return await invoices;
	};
	const settler = new Settler(ctx, outstanding, invoiceIndex, new BookedInvoices(ctx, dates));
	return await runPerItemInPool(ctx, async (itemIndex) => {
		const { input, error } = planned[itemIndex];
		if (!input) throw error;
		return await forOrder(ctx, input.orderNumber, async () => {
			const json =
				input.bookingMode === 'cashSale' && !input.skipped
					? bookedWithSale(input)
					: isBookable(input)
						? await settler.settle(input, direction)
						: skipped(input);
			return input.orderNumber ? { ...json, orderNumber: input.orderNumber } : json;
		});
	});
}
