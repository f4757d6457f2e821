import type { IExecuteFunctions } from 'n8n-workflow';

import { resolveLedger, type LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import { MUTATION_TYPE } from '../../api/mutations';

/** Mutation type 7: a general journal entry (memoriaal). */
export const MEMORIAL = 7;

export interface ResolvedLedger {
	id: number;
	code: string;
	category?: string | null;
}

/** The ledger's id and code, refused before any booking when it is not of the category a payment needs. */
async function ledgerOfCategory(
	ctx: IExecuteFunctions,
	ref: LedgerRef,
	categories: string[],
	wanted: string,
	field: string,
): Promise<ResolvedLedger> {
	const ledger = await resolveLedger(ctx, ref, field);
	if (ledger.category && !categories.includes(ledger.category)) {
		throw inputError(ctx, `Ledger ${ledger.code} is not ${wanted}; it is ${ledger.category}`, {
			field,
		});
	}
	return ledger;
}

/**
 * The ledger a part of the payment went through: a bank or payment-provider ledger (FIN), or, for a gift card or
 * store credit, the balance ledger of outstanding gift cards (BAL).
 */
export async function partLedger(ctx: IExecuteFunctions, ref: LedgerRef): Promise<ResolvedLedger> {
	return await ledgerOfCategory(
		ctx,
		ref,
		['FIN', 'BAL'],
		'a bank or payment-provider ledger (FIN) or a gift-card ledger (BAL)',
		'paymentLedger',
	);
}

/** The debtors ledger the invoice is on (DEB, 1300 unless chosen). */
export async function debtorLedger(
	ctx: IExecuteFunctions,
	ref: LedgerRef | undefined,
): Promise<ResolvedLedger> {
	return await ledgerOfCategory(
		ctx,
		ref ?? { code: '1300' },
		['DEB'],
		'a debtors ledger (DEB)',
		'debtorLedger',
	);
}

/**
 * e-Boekhouden takes an invoice payment (type 3) only on a FIN ledger (MUT_009). A part settled against a balance
 * ledger (a redeemed gift card) is a memorial booking (type 7): the debtor row carries the invoice number and the
 * relation, so it settles the open item like a payment, and the gift-card debt goes down by the same amount.
 */
export function mutationTypeFor(ledger: ResolvedLedger): number {
	return ledger.category === 'BAL' ? MEMORIAL : MUTATION_TYPE.invoicePaymentReceived;
}
