import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { eurosToCents, formatEuros, reportedEurosToCents } from '../../../shared/money';
import { inputError } from '../../api/inputError';
import { recordWrite, withKeyLock } from '../../booking/keyLock';
import type { InvoiceIndex } from '../../booking/invoiceIndex';
import { OutstandingIndex } from '../../booking/outstandingIndex';
import type { BookedInvoices } from './bookedInvoices';
import type { PaymentInput } from './input';
import { debtorLedger } from './ledgers';
import { PartBooker, type OpenState } from './part';
import { summarise } from './summary';

export type Direction = 'payment' | 'refund';

/**
 * Books the money for one invoice, each part at most once: the open item is read first (under a lock on the
 * invoice number), so a second attempt finds nothing open and books nothing. Another process (a queue-mode worker)
 * may book between that read and our booking; each part's payment reference makes e-Boekhouden refuse the second
 * (MUTA_008). A credit invoice has a negative open item; its refund is booked with a negative amount.
 */
export class Settler {
	private readonly parts: PartBooker;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly outstanding: OutstandingIndex,
		private readonly invoices: () => Promise<InvoiceIndex>,
		private readonly booked: BookedInvoices,
	) {
		this.parts = new PartBooker(ctx, outstanding);
	}

	async settle(input: PaymentInput, direction: Direction): Promise<IDataObject> {
		const key = OutstandingIndex.writeKey(this.ctx, input.invoiceNumber);
		return await withKeyLock(key, async () => {
			const open = await this.outstanding.find(input.invoiceNumber);
			const openCents = open ? eurosToCents(open.outstandingAmount) : 0;
			const base: IDataObject = {
				invoiceNumber: input.invoiceNumber,
				relationId: open?.relationId ?? null,
			};
			if (!open || openCents === 0) return await this.nothingOpen(input, base);
			this.requireOrdersInvoice(input, open.totalAmount);
			const isCredit = openCents < 0;
			if (direction === 'refund' && !isCredit) {
				throw inputError(this.ctx, `Invoice ${input.invoiceNumber} is not a credit invoice`, {
					field: 'invoiceNumber',
					description: `${formatEuros(openCents)} is still to be received on it: use Book Invoice Payment.`,
				});
			}
			const state: OpenState = {
				open,
				openCents,
				isCredit,
				debtor: await debtorLedger(this.ctx, input.debtorLedger),
			};
			const results: IDataObject[] = [];
			for (const part of input.parts) {
				results.push(await this.parts.book(input, part, state));
				recordWrite(key);
			}
			return summarise(base, openCents, state.openCents, results);
		});
	}

	/** Nothing open: paid before (a re-run), a concept invoice, or no invoice with this number at all. */
	private async nothingOpen(input: PaymentInput, base: IDataObject): Promise<IDataObject> {
		if (input.bookingMode === 'journalEntry') return await this.journalEntryPaid(input, base);
		const invoice = await (await this.invoices()).find(input.invoiceNumber, input.invoiceDate);
		if (!invoice) {
			const paidWithSale = await this.soldForCash(input, base);
			if (paidWithSale) return paidWithSale;
			throw inputError(this.ctx, `Invoice ${input.invoiceNumber} does not exist in e-Boekhouden`, {
				field: 'invoiceNumber',
				description: 'Create and book the invoice first (Invoice → Create), then book its payment.',
			});
		}
		this.requireOrdersInvoice(input, invoice.totalAmount);
		await this.booked.requireBooked(input.invoiceNumber);
		return {
			...base,
			relationId: invoice.relationId ?? null,
			date: input.parts[0]?.date,
			amount: 0,
			booked: false,
			alreadyPaid: true,
			outstandingBefore: 0,
			outstandingAfter: 0,
		};
	}

	/**
	 * An invoice under the order's number whose total is not the order's was not booked from this draft (one made by
	 * hand with that number, perhaps for another relation): the order's money must not settle it, nor its being paid
	 * count as the order paid. A draft's lines including VAT are booked as they are, so its invoice has its total.
	 */
	private requireOrdersInvoice(input: PaymentInput, totalAmount: number | null | undefined): void {
		if (input.expectedTotalCents === undefined || typeof totalAmount !== 'number') return;
		const bookedCents = reportedEurosToCents(totalAmount);
		if (bookedCents === input.expectedTotalCents) return;
		throw inputError(
			this.ctx,
			`Invoice ${input.invoiceNumber} in e-Boekhouden totals ${formatEuros(bookedCents)}, but this order ${formatEuros(input.expectedTotalCents)}: it is not this order's invoice, so no payment was booked`,
			{
				field: 'invoiceNumber',
				orderNumber: input.orderNumber,
				description:
					'An invoice with this number was made otherwise (by hand, or from a changed draft). Look at it in e-Boekhouden; book this order under another invoice number (Order to Invoice: Invoice Number Prefix) or correct the invoice, then run again.',
			},
		);
	}

	/** An order booked as a cash sale before Booking Mode was switched: its money is in that entry. */
	private async soldForCash(
		input: PaymentInput,
		base: IDataObject,
	): Promise<IDataObject | undefined> {
		if (!input.bookingMode) return undefined;
		const sale = await this.booked.soldForCash(input.invoiceNumber, input.invoiceDate);
		if (!sale) return undefined;
		return {
			...base,
			booked: false,
			alreadyPaid: true,
			bookedWith: 'cashSale',
			reason: `Booked before as a cash sale (Geld ontvangen, mutation ${sale.id}): the payment is in it.`,
		};
	}

	/** A Journal Entry has no invoice to look up: its type 2 mutation is what was booked. */
	private async journalEntryPaid(input: PaymentInput, base: IDataObject): Promise<IDataObject> {
		if (!(await this.booked.isBooked(input.invoiceNumber, input.invoiceDate))) {
			const paidWithSale = await this.soldForCash(input, base);
			if (paidWithSale) return paidWithSale;
			throw inputError(
				this.ctx,
				`Journal entry ${input.invoiceNumber} does not exist in e-Boekhouden`,
				{
					field: 'invoiceNumber',
					description:
						'Book the order first (Invoice → Create with the draft), then book its payment.',
				},
			);
		}
		return {
			...base,
			date: input.parts[0]?.date,
			amount: 0,
			booked: false,
			alreadyPaid: true,
			outstandingBefore: 0,
			outstandingAfter: 0,
		};
	}
}
