import type { IExecuteFunctions } from 'n8n-workflow';

import type { ParsedDraft } from '../../shared/draft.schema';
import { inputError } from '../api/inputError';

export const USE_JOURNAL =
	'Set Booking Mode in the Order to Invoice node to Journal Entry (or Invoice) for such orders: it books the sale as an open item and each payment on its own ledger.';

/**
 * Why a Cash Sale draft cannot be booked as one "Geld ontvangen" entry, or undefined when it can. A cash sale puts
 * the whole order on one payment ledger, so it needs exactly one part of money that arrived: a split payment, a
 * redeemed gift card (a liability, not money), an authorised pay-later amount (not on the bank yet) or an unpaid
 * order would book money that did not arrive there.
 */
export function cashSaleRefusal(draft: ParsedDraft): string | undefined {
	if (draft.skipped || draft.bookingMode !== 'cashSale') return undefined;
	const order = `Order ${draft.orderNumber}:`;
	const { payments } = draft;
	if (payments.length === 0) return `${order} no payment, so it cannot be booked as a Cash Sale`;
	if (payments.length > 1) {
		return `${order} paid in ${payments.length} parts, so it cannot be booked as one Cash Sale`;
	}
	const [payment] = payments;
	if (payment.kind === 'giftCard')
		return `${order} paid with a gift card or store credit, which is not money received, so it cannot be booked as a Cash Sale`;
	if (payment.kind === 'payLater')
		return `${order} authorised for pay later but not yet paid out, so it cannot be booked as a Cash Sale`;
	if (payment.kind === 'open' || !payment.ledgerCode)
		return `${order} no payment ledger (not paid, or its refund is not booked), so it cannot be booked as a Cash Sale`;
	return undefined;
}

export function refuseCashSale(
	ctx: IExecuteFunctions,
	draft: ParsedDraft,
	itemIndex?: number,
): void {
	const refusal = cashSaleRefusal(draft);
	if (!refusal) return;
	throw inputError(ctx, `${refusal}; nothing was booked`, {
		field: 'payments',
		orderNumber: draft.orderNumber,
		itemIndex,
		description: USE_JOURNAL,
	});
}
