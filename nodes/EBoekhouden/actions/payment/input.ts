import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invoiceNumberSchema, type ParsedDraft } from '../../../shared/draft.schema';
import { eurosToCents, isWholeCents } from '../../../shared/money';
import type { LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import { givenNumber, readDate, readDraft, readLedgerRef } from '../shared/params';

/** One part of what was paid on an invoice: one transaction, or the whole order when they are unknown. */
export interface PaymentPart {
	/** Without sign; undefined pays whatever is still open. */
	amountCents?: number;
	date: string;
	/** Undefined when the draft says there is nothing to book for this part. */
	paymentLedger?: LedgerRef;
	/** `giftCard`: settled against a balance ledger, never money received. */
	kind: 'received' | 'giftCard' | 'payLater' | 'open';
	method: string;
	/** Stable suffix of the payment reference; empty: the reference follows what was paid before. */
	reference: string;
}

/** One payment (or refund) of one invoice, in one or more parts, as the user or the draft describes it. */
export interface PaymentInput {
	orderNumber?: string;
	invoiceNumber: string;
	/** The invoice date when known (from a draft): lets a batch listing answer "does it exist". */
	invoiceDate?: string;
	parts: PaymentPart[];
	debtorLedger?: LedgerRef;
	description: string;
	/** Why the draft is not to be booked (set by the mapping), if so. */
	skipped?: string;
	/** What the draft's warnings say about its payments, to explain a part that is not booked. */
	paymentNotes?: string;
	/** Journal Entry: the open item is a type 2 mutation, not an invoice of the invoicing module. */
	bookingMode?: ParsedDraft['bookingMode'];
	/** A draft's total when its lines include VAT: the total its invoice has in e-Boekhouden, to the cent. */
	expectedTotalCents?: number;
}

/** Whether anything of the input is to be booked. */
export function isBookable(input: PaymentInput): boolean {
	return !input.skipped && input.parts.some((part) => part.paymentLedger);
}

function today(): string {
	return new Date().toISOString().slice(0, 10);
}

/**
 * A draft's payments as Book Invoice Payment books them (also used by Reconcile's Fix). `override` replaces the
 * ledger of money received only; a gift-card part stays on its balance ledger.
 */
export function paymentInputFromDraft(
	draft: ParsedDraft,
	ledgers: { override?: LedgerRef; debtorLedger?: LedgerRef },
	description = '',
): PaymentInput {
	const { override } = ledgers;
	const parts = draft.payments.map((payment): PaymentPart => ({
		amountCents: Math.abs(eurosToCents(payment.amount)),
		date: payment.date,
		paymentLedger: payment.ledgerCode
			? payment.kind === 'received' && override
				? override
				: { code: payment.ledgerCode }
			: undefined,
		kind: payment.kind,
		method: payment.method,
		reference: payment.reference,
	}));
	return {
		orderNumber: draft.orderNumber,
		invoiceNumber: draft.invoice.invoiceNumber,
		invoiceDate: draft.invoice.date,
		parts,
		debtorLedger: ledgers.debtorLedger,
		description,
		skipped: draft.skipped?.reason,
		bookingMode: draft.bookingMode,
		expectedTotalCents:
			draft.invoice.inExVat === 'IN' && draft.totals?.amountInclVat !== undefined
				? eurosToCents(draft.totals.amountInclVat)
				: undefined,
		paymentNotes:
			draft.warnings.filter((warning) => /^payments?(\[\d+\])?:/.test(warning)).join(' ') ||
			undefined,
	};
}

function fromDraft(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): PaymentInput {
	return paymentInputFromDraft(
		readDraft(ctx, itemIndex),
		{
			override: readLedgerRef(ctx, 'paymentLedger', itemIndex),
			debtorLedger: readLedgerRef(ctx, 'debtorLedger', itemIndex),
		},
		String(options.description ?? ''),
	);
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
	const rawAmount = ctx.getNodeParameter('amount', itemIndex, 0) as unknown;
	const amount = givenNumber(rawAmount) ?? 0;
	// Text that is no number ("12,50" from an expression) must not pass for 0, which books whatever is open.
	if (!Number.isFinite(amount)) {
		throw inputError(ctx, `Amount "${String(rawAmount)}" is not a number`, {
			field: 'amount',
			itemIndex,
			description: 'Give the amount in euros with a point for decimals, e.g. 12.50 (not 12,50).',
		});
	}
	if (!isWholeCents(amount)) {
		throw inputError(ctx, `Amount ${amount} is not a whole number of cents`, {
			field: 'amount',
			itemIndex,
			description: 'Give the amount in euros with at most two decimals, e.g. 12.50.',
		});
	}
	const rawDate = String(ctx.getNodeParameter('date', itemIndex, '') ?? '').trim();
	const part: PaymentPart = {
		amountCents: amount !== 0 ? Math.abs(eurosToCents(amount)) : undefined,
		date: rawDate === '' ? today() : readDate(ctx, 'date', itemIndex),
		paymentLedger,
		kind: 'received',
		method: '',
		reference: '',
	};
	return {
		invoiceNumber,
		parts: [part],
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
