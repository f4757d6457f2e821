import type { ParsedDraft } from '../../../shared/draft.schema';
import { getInvoice, searchInvoices } from '../../api/invoices';
import { searchOutstanding } from '../../api/mutations';
import type { InvoiceListItem } from '../../api/schemas';
import type { EBoekhoudenContext } from '../../api/transport';
import { lineCents, reportedEurosToCents } from '../../../shared/money';
import { totalsOf, type ByVatCode } from './vat';

/**
 * What the books hold for one invoice number, in cents: a sales invoice as the listing by date shows it
 * (docs/api-notes.md, e-Boekhouden §6.3), or a journal entry / cash sale once its mutation was read (entries.ts);
 * `byVatCode` once it was read in full.
 */
export interface BooksInvoice {
	/** How it is booked; unset is a sales invoice. */
	mode?: ParsedDraft['bookingMode'];
	/** A mutation's main ledger: the debtors ledger of a journal entry, the payment ledger of a cash sale. */
	ledgerId?: number;
	/** A mutation read in full: its rows' cents per row ledger id. */
	byLedgerId?: Record<number, number>;
	id: number;
	invoiceNumber: string;
	relationId?: number;
	date: string;
	reference: string;
	total: number;
	vat: number;
	byVatCode?: ByVatCode;
}

export function booksInvoiceOf(listed: InvoiceListItem): BooksInvoice {
	return {
		id: listed.id,
		invoiceNumber: listed.invoiceNumber,
		relationId: listed.relationId ?? undefined,
		date: listed.date ?? '',
		reference: typeof listed.reference === 'string' ? listed.reference : '',
		total: reportedEurosToCents(listed.totalAmount ?? 0),
		vat: reportedEurosToCents(listed.vatAmount ?? 0),
	};
}

/** Every invoice dated in the range: paged by 2000 (docs/api-notes.md, e-Boekhouden §3), so 10,000 invoices cost 5 calls. */
export async function listInvoices(
	ctx: EBoekhoudenContext,
	from: string,
	to: string,
): Promise<BooksInvoice[]> {
	const listed = await searchInvoices(ctx, { 'date[range]': `${from},${to}` }, { max: Infinity });
	return listed.map(booksInvoiceOf);
}

/**
 * What is still open per invoice number, cents, signed (docs/api-notes.md, e-Boekhouden §6.5). A fully paid invoice is not listed, so an invoice
 * absent here has nothing open. The list has no date filter; it holds only what is open, so it stays short.
 */
export async function listOutstanding(ctx: EBoekhoudenContext): Promise<Map<string, number>> {
	const page = await searchOutstanding(ctx, { credDeb: 'D' }, { max: Infinity });
	const open = new Map<string, number>();
	for (const item of page.items)
		open.set(
			item.invoiceNumber,
			(open.get(item.invoiceNumber) ?? 0) + reportedEurosToCents(item.outstandingAmount),
		);
	return open;
}

const numberOf = (value: unknown): number =>
	typeof value === 'number' ? value : Number(value ?? 0);

/** One invoice line's total in cents, with its discount (docs/api-notes.md, e-Boekhouden §6.2 `discountAmount` / `discountPercentage`). */
function itemCents(item: Record<string, unknown>): number {
	const quantity = numberOf(item.quantity ?? item.amount ?? 1);
	let price = numberOf(item.pricePerUnit);
	if (item.discountAmount) price -= numberOf(item.discountAmount);
	if (item.discountPercentage) price *= 1 - numberOf(item.discountPercentage) / 100;
	return lineCents(quantity, price);
}

/** The invoice's totals per VAT code, from its lines as e-Boekhouden computes them (one call). */
export async function readVatCodes(ctx: EBoekhoudenContext, id: number): Promise<ByVatCode> {
	const invoice = await getInvoice(ctx, id);
	const lines = (invoice.items ?? []).map((item) => ({
		vatCode: String(item.vatCode ?? ''),
		cents: itemCents(item),
		vatCents:
			item.vatAmount === undefined ? undefined : reportedEurosToCents(numberOf(item.vatAmount)),
	}));
	return totalsOf(lines, invoice.inExVat === 'EX' ? 'EX' : 'IN');
}
