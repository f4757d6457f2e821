import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invoiceNumberSchema } from '../../api/draft.schema';
import type { LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import { readDate, readDraft, readLedgerRef } from '../shared/params';

/** One payment (or refund) as the user or the draft describes it. */
export interface PaymentInput {
	orderNumber?: string;
	invoiceNumber: string;
	/** The invoice date when known (from a draft): lets a batch listing answer "does it exist". */
	invoiceDate?: string;
	/** Euros, without sign; undefined pays whatever is still open. */
	amount?: number;
	date: string;
	/** Undefined when the draft says there is nothing to book as paid. */
	paymentLedger?: LedgerRef;
	debtorLedger?: LedgerRef;
	description: string;
	/** Why the draft is not to be booked (set by the mapping), if so. */
	skipped?: string;
}

function today(): string {
	return new Date().toISOString().slice(0, 10);
}

function fromDraft(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): PaymentInput {
	const draft = readDraft(ctx, itemIndex);
	const payment = draft.payment;
	const override = readLedgerRef(ctx, 'paymentLedger', itemIndex);
	const draftLedger = payment?.ledgerCode ? { code: payment.ledgerCode } : undefined;
	return {
		orderNumber: draft.orderNumber,
		invoiceNumber: draft.invoice.invoiceNumber,
		invoiceDate: draft.invoice.date,
		amount: payment ? Math.abs(payment.amount) : undefined,
		date: payment?.date ?? draft.invoice.date,
		paymentLedger: draftLedger ? (override ?? draftLedger) : undefined,
		debtorLedger: readLedgerRef(ctx, 'debtorLedger', itemIndex),
		description: String(options.description ?? ''),
		skipped: draft.skipped?.reason,
	};
}

function byHand(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): PaymentInput {
	const invoiceNumber = String(ctx.getNodeParameter('invoiceNumber', itemIndex, '')).trim();
	const checked = invoiceNumberSchema.safeParse(invoiceNumber);
	if (!checked.success) {
		const problem = checked.error.issues[0].message;
		throw inputError(ctx, `Invoice number "${invoiceNumber}" ${problem}`, {
			field: 'invoiceNumber',
			itemIndex,
		});
	}
	const paymentLedger = readLedgerRef(ctx, 'paymentLedger', itemIndex);
	if (!paymentLedger) {
		throw inputError(ctx, 'Choose the ledger the money came in on', {
			field: 'paymentLedger',
			itemIndex,
			description:
				'A bank or payment-provider ledger (category FIN), e.g. 1010 Bank or 1020 Mollie.',
		});
	}
	const amount = Number(ctx.getNodeParameter('amount', itemIndex, 0));
	const rawDate = String(ctx.getNodeParameter('date', itemIndex, '') ?? '').trim();
	return {
		invoiceNumber,
		amount: Number.isFinite(amount) && amount !== 0 ? Math.abs(amount) : undefined,
		date: rawDate === '' ? today() : readDate(ctx, 'date', itemIndex),
		paymentLedger,
		debtorLedger: readLedgerRef(ctx, 'debtorLedger', itemIndex),
		description: String(options.description ?? ''),
	};
}

export function readPaymentInput(ctx: IExecuteFunctions, itemIndex: number): PaymentInput {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return ctx.getNodeParameter('inputMode', itemIndex) === 'draft'
		? fromDraft(ctx, itemIndex, options)
		: byHand(ctx, itemIndex, options);
}
