import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../api/inputError';
import { MUTATION_DESCRIPTION_MAX_LENGTH, cut } from '../../api/limits';
import { MUTATION_TYPE, createMutationOnce } from '../../api/mutations';
import { recordWrite, withKeyLock } from '../shared/concurrency';
import type { InvoiceIndex } from '../shared/invoiceIndex';
import { toCents, toEuros } from '../shared/money';
import { OutstandingIndex } from '../shared/outstandingIndex';
import type { BookedInvoices } from './bookedInvoices';
import type { PaymentInput } from './input';
import { paymentLedgers } from './ledgers';
import { paymentReference } from './reference';

export type Direction = 'payment' | 'refund';

/**
 * Books the money for one invoice, at most once: the open item is read first (under a lock on the invoice
 * number), so a second attempt finds nothing open and books nothing. Another process (a queue-mode worker) may
 * book between that read and our booking; the payment reference makes e-Boekhouden refuse the second (MUTA_008).
 * A payment is mutation type 3 on a FIN ledger with the invoice number and relation on the row as the live API
 * demands (reference §6.4, MUT_120/MUT_112). A credit invoice has a negative open item; its refund is the same
 * type 3 with a negative amount.
 */
export class Settler {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly outstanding: OutstandingIndex,
		private readonly invoices: () => Promise<InvoiceIndex>,
		private readonly booked: BookedInvoices,
	) {}

	async settle(input: PaymentInput, direction: Direction): Promise<IDataObject> {
		const key = OutstandingIndex.writeKey(this.ctx, input.invoiceNumber);
		return await withKeyLock(key, async () => {
			const open = await this.outstanding.find(input.invoiceNumber);
			const openCents = open ? toCents(open.outstandingAmount) : 0;
			const base: IDataObject = {
				invoiceNumber: input.invoiceNumber,
				relationId: open?.relationId ?? null,
			};
			if (!open || openCents === 0) return await this.nothingOpen(input, base);
			const isCredit = openCents < 0;
			if (direction === 'refund' && !isCredit) {
				throw inputError(this.ctx, `Invoice ${input.invoiceNumber} is not a credit invoice`, {
					field: 'invoiceNumber',
					description: `${toEuros(openCents).toFixed(2)} is still to be received on it: use Book Invoice Payment.`,
				});
			}
			const warnings: string[] = [];
			const openAbs = Math.abs(openCents);
			const wanted = input.amount === undefined ? openAbs : toCents(input.amount);
			if (wanted > openAbs) {
				warnings.push(
					`Only €${toEuros(openAbs).toFixed(2)} was still open on ${input.invoiceNumber}; booked that.`,
				);
			}
			const bookedCents = Math.min(wanted, openAbs) * (isCredit ? -1 : 1);
			const { paymentLedger, debtorLedger } = await paymentLedgers(this.ctx, input);
			const description = cut(
				input.description || `${isCredit ? 'Terugbetaling' : 'Betaling'} ${input.invoiceNumber}`,
				MUTATION_DESCRIPTION_MAX_LENGTH,
			);
			const amount = toEuros(bookedCents);
			const paidBefore = toCents(open.totalAmount) - openCents;
			const reference = paymentReference(input.invoiceNumber, isCredit, paidBefore);
			const row = {
				ledgerId: debtorLedger.id,
				vatCode: 'GEEN',
				amount,
				invoiceNumber: input.invoiceNumber,
				relationId: open.relationId,
				description,
			};
			const created = await createMutationOnce(
				this.ctx,
				{
					type: MUTATION_TYPE.invoicePaymentReceived,
					date: input.date,
					ledgerId: paymentLedger.id,
					relationId: open.relationId,
					invoiceNumber: input.invoiceNumber,
					description,
					inExVat: 'EX',
					rows: [row],
				},
				reference,
			);
			recordWrite(key);
			if (!created) return await this.bookedElsewhere(input, base, reference);
			return {
				id: created.id,
				type: MUTATION_TYPE.invoicePaymentReceived,
				...base,
				date: input.date,
				amount,
				ledgerId: paymentLedger.id,
				ledgerCode: paymentLedger.code,
				paymentReference: reference,
				booked: true,
				alreadyPaid: false,
				refund: isCredit,
				outstandingBefore: toEuros(openCents),
				outstandingAfter: toEuros(openCents - bookedCents),
				...(warnings.length ? { warnings } : {}),
			};
		});
	}

	/** MUTA_008: another process booked this very payment after our read. Report what is open now. */
	private async bookedElsewhere(input: PaymentInput, base: IDataObject, reference: string) {
		const open = await this.outstanding.find(input.invoiceNumber);
		const openCents = open ? toCents(open.outstandingAmount) : 0;
		const warning = `A payment with reference "${reference}" was booked before; €${toEuros(Math.abs(openCents)).toFixed(2)} is still open on ${input.invoiceNumber}.`;
		return {
			...base,
			date: input.date,
			amount: 0,
			booked: false,
			alreadyPaid: true,
			paymentReference: reference,
			outstandingBefore: toEuros(openCents),
			outstandingAfter: toEuros(openCents),
			...(openCents === 0 ? {} : { warnings: [warning] }),
		};
	}

	/** Nothing open: paid before (a re-run), a concept invoice, or no invoice with this number at all. */
	private async nothingOpen(input: PaymentInput, base: IDataObject): Promise<IDataObject> {
		const invoice = await (await this.invoices()).find(input.invoiceNumber, input.invoiceDate);
		if (!invoice) {
			throw inputError(this.ctx, `Invoice ${input.invoiceNumber} does not exist in e-Boekhouden`, {
				field: 'invoiceNumber',
				description: 'Create and book the invoice first (Invoice → Create), then book its payment.',
			});
		}
		await this.booked.requireBooked(input.invoiceNumber);
		return {
			...base,
			relationId: invoice.relationId ?? null,
			date: input.date,
			amount: 0,
			booked: false,
			alreadyPaid: true,
			outstandingBefore: 0,
			outstandingAfter: 0,
		};
	}
}
