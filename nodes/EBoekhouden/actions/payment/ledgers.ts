import type { IExecuteFunctions } from 'n8n-workflow';

import { resolveLedger, type LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import type { PaymentInput } from './input';

/** The ledger's id and code, refused before any booking when it is not of the category a payment needs. */
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

/** The ledger the money went through (FIN) and the debtors ledger the invoice is on (DEB, 1300 unless chosen). */
export async function paymentLedgers(ctx: IExecuteFunctions, input: PaymentInput) {
	return {
		paymentLedger: await ledgerOfCategory(
			ctx,
			input.paymentLedger as LedgerRef,
			'FIN',
			'paymentLedger',
		),
		debtorLedger: await ledgerOfCategory(
			ctx,
			input.debtorLedger ?? { code: '1300' },
			'DEB',
			'debtorLedger',
		),
	};
}
