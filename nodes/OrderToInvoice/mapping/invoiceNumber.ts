import type { OrderContext } from './errors';

/** e-Boekhouden: at most 50 characters (FACT_007) and ending in a digit (FACT_009), docs/api-notes.md, e-Boekhouden §6.2. */
export const INVOICE_NUMBER_MAX = 50;

/**
 * Prefix + order number. It is what makes booking idempotent downstream (the e-Boekhouden node looks it
 * up before creating), so it depends on nothing but the order number and the prefix.
 */
export function invoiceNumber(prefix: string, orderNumber: string, context: OrderContext): string {
	const number = `${prefix}${orderNumber}`;
	if (!/\d$/.test(number)) {
		context.fail(
			'number',
			`invoice number '${number}' must end in a digit (e-Boekhouden FACT_009)`,
		);
	}
	if (number.length > INVOICE_NUMBER_MAX) {
		context.fail(
			'number',
			`invoice number '${number}' is longer than ${INVOICE_NUMBER_MAX} characters (FACT_007)`,
		);
	}
	return number;
}

/** Invoice text: a credit note names the invoice it corrects (docs/api-notes.md, Dutch VAT rules §4, credit notes). */
export function invoiceText(
	orderNumber: string,
	creditedOrder: string | null,
	invoicePrefix: string,
): string {
	if (creditedOrder === null) return `Mijnwebwinkel-bestelling ${orderNumber}`;
	return `Creditnota bij factuur ${invoicePrefix}${creditedOrder} (Mijnwebwinkel-bestelling ${creditedOrder})`;
}
