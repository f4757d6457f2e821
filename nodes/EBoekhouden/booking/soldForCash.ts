import type { MutationListItem } from '../api/schemas';
import type { MutationIndex } from './mutationIndex';

/**
 * An order booked as a cash sale holds its sale and its money in one type 5 entry ("Geld ontvangen") under its invoice
 * number. After Booking Mode is switched to Invoice or Journal Entry, a re-check or history import meets the order
 * again: an invoice or a type 2 entry would count the sale twice, and its payment the money. The mirror of Cash
 * Sale's own look for an earlier invoice or journal entry (cashSale.ts).
 */
export async function soldForCash(
	cashSales: MutationIndex,
	invoiceNumber: string,
	date?: string,
): Promise<MutationListItem | undefined> {
	if (!invoiceNumber) return undefined;
	return await cashSales.find(invoiceNumber, date);
}

export function soldForCashWarning(invoiceNumber: string, sale: MutationListItem): string {
	return `Invoice number ${invoiceNumber} is booked already as a cash sale (mutation ${sale.id}), before Booking Mode was switched; it was not booked again.`;
}
