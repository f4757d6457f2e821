import { formatEuros } from '../../../shared/money';
import { PAYMENT_REFERENCE_MAX_LENGTH, cut } from '../../api/limits';

/** FNV-1a: a short, stable fingerprint for a reference that had to be cut. */
function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The payment reference (betalingskenmerk) a payment is booked with, together with `checkPaymentReference`, so that
 * e-Boekhouden itself refuses a second booking of the same payment (MUTA_008, docs/api-notes.md, e-Boekhouden §6.6). Two n8n workers in
 * queue mode that both still see the invoice open build the same reference: it comes from the invoice number and
 * what was paid on it before, so a later instalment gets a reference of its own. The prefix keeps it apart from
 * the invoice number, which the invoice's own booking may carry as its reference.
 */
export function paymentReference(
	invoiceNumber: string,
	isCredit: boolean,
	paidBeforeCents: number,
): string {
	const paid = Math.abs(paidBeforeCents);
	return fitted(
		`${isCredit ? 'Terugbetaling' : 'Betaling'} ${invoiceNumber}${paid ? ` na ${formatEuros(paid, { symbol: false, decimalComma: true })}` : ''}`,
	);
}

/**
 * The reference of one part of a split payment: the invoice number and the part's own key (from Mijnwebwinkel's
 * payment id), so it is the same on every run and differs per transaction, whatever was booked before.
 */
export function partReference(invoiceNumber: string, isCredit: boolean, key: string): string {
	return fitted(`${isCredit ? 'Terugbetaling' : 'Betaling'} ${invoiceNumber} ${key}`);
}

/** At most 50 characters; a longer one is cut and ends in a fingerprint of the whole, so it stays unique. */
function fitted(readable: string): string {
	if (Array.from(readable).length <= PAYMENT_REFERENCE_MAX_LENGTH) return readable;
	const hash = fingerprint(readable);
	return `${cut(readable, PAYMENT_REFERENCE_MAX_LENGTH - hash.length - 1)}#${hash}`;
}
