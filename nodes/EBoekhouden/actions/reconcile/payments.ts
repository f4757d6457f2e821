import type { ParsedDraft } from '../../../shared/draft.schema';
import { reportedEurosToCents } from '../../../shared/money';

/**
 * Everything Reconcile knows about the shape of a draft's payments lives here, so a change of that shape is
 * answered in this one file.
 *
 * What the sync settles on an invoice: every payment part that carries a ledger (money received on a bank or
 * payment-provider ledger, a redeemed gift card on the gift-card ledger, pay-later on its own ledger when one is
 * configured). Parts without a ledger (`open`, or payments switched off) are never booked. Signed: a credit order's
 * refund is negative, like its invoice.
 */
export function expectedPaid(draft: ParsedDraft): number {
	return draft.payments
		.filter((payment) => payment.ledgerCode)
		.reduce((sum, payment) => sum + reportedEurosToCents(payment.amount), 0);
}
