import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveLedger, type LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import { MUTATION_DESCRIPTION_MAX_LENGTH, cut } from '../../api/limits';
import { MUTATION_TYPE, createMutation } from '../../api/mutations';
import { recordWrite, withKeyLock } from '../shared/concurrency';
import type { InvoiceIndex } from '../shared/invoiceIndex';
import { toCents, toEuros } from '../shared/money';
import { OutstandingIndex } from '../shared/outstandingIndex';
import type { BookedInvoices } from './bookedInvoices';
import type { PaymentInput } from './input';

export type Direction = 'payment' | 'refund';

async function ledgerOfCategory(
	ctx: IExecuteFunctions,
	ref: LedgerRef,
	category: 'FIN' | 'DEB',
	field: string,
): Promise<{ id: number; code: string }> {
	const ledger = await resolveLedger(ctx, ref, field);
	if (ledger.category && ledger.category !== category) {
		const wanted =
			category === 'FIN' ? 'a bank or payment-provider ledger (FIN)' : 'a debtors ledger (DEB)';
		throw inputError(ctx, `Ledger ${ledger.code} is not ${wanted}; it is ${ledger.category}`, {
			field,
		});
	}
	return ledger;
}

/**
 * Books the money for one invoice, at most once: the open item is read first (under a lock on the invoice
 * number), so a second attempt finds nothing open and books nothing. A payment is mutation type 3 on a FIN ledger
 * with the invoice number and relation on the row as the live API demands (reference §6.4, MUT_120/MUT_112).
 * A credit invoice has a negative open item; its refund is the same type 3 with a negative amount.
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
			const paymentLedger = await ledgerOfCategory(
				this.ctx,
				input.paymentLedger as LedgerRef,
				'FIN',
				'paymentLedger',
			);
			const debtorLedger = await ledgerOfCategory(
				this.ctx,
				input.debtorLedger ?? { code: '1300' },
				'DEB',
				'debtorLedger',
			);
			const description = cut(
				input.description || `${isCredit ? 'Terugbetaling' : 'Betaling'} ${input.invoiceNumber}`,
				MUTATION_DESCRIPTION_MAX_LENGTH,
			);
			const amount = toEuros(bookedCents);
			const row = {
				ledgerId: debtorLedger.id,
				vatCode: 'GEEN',
				amount,
				invoiceNumber: input.invoiceNumber,
				relationId: open.relationId,
				description,
			};
			const { id } = await createMutation(this.ctx, {
				type: MUTATION_TYPE.invoicePaymentReceived,
				date: input.date,
				ledgerId: paymentLedger.id,
				relationId: open.relationId,
				invoiceNumber: input.invoiceNumber,
				description,
				inExVat: 'EX',
				rows: [row],
			});
			recordWrite(key);
			return {
				id,
				type: MUTATION_TYPE.invoicePaymentReceived,
				...base,
				date: input.date,
				amount,
				ledgerId: paymentLedger.id,
				ledgerCode: paymentLedger.code,
				booked: true,
				alreadyPaid: false,
				refund: isCredit,
				outstandingBefore: toEuros(openCents),
				outstandingAfter: toEuros(openCents - bookedCents),
				...(warnings.length ? { warnings } : {}),
			};
		});
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
