import {
	takeId,
	type BooksStore,
	type InvoiceRecord,
	type MutationRecord,
	type MutationRowRecord,
} from './store';

/** Stores a mutation with the next mutation number and, for types 1 and 2, opens its open item. */
export function recordMutation(
	store: BooksStore,
	fields: Omit<MutationRecord, 'id'>,
): MutationRecord {
	const mutation: MutationRecord = { id: takeId(store, 'mutationId'), ...fields };
	store.mutations.push(mutation);
	if ((mutation.type === 1 || mutation.type === 2) && mutation.relationId !== null) {
		store.openItems.push({
			mutationId: mutation.id,
			credDeb: mutation.type === 2 ? 'D' : 'C',
			invoiceNumber: mutation.invoiceNumber,
			relationId: mutation.relationId,
			date: mutation.date,
			total: mutation.amount,
			paid: 0,
			payments: [],
		});
	}
	return mutation;
}

export interface InvoiceBooking {
	ledgerId: number;
	description: string;
	paymentReference: string;
}

/** The rows of a booked invoice: its items summed per revenue ledger, VAT code and cost centre. */
function invoiceRows(invoice: InvoiceRecord): MutationRowRecord[] {
	const rows = new Map<string, MutationRowRecord>();
	for (const item of invoice.items) {
		const key = `${item.ledgerId}|${item.vatCode}|${item.costCenterId ?? ''}`;
		const row = rows.get(key) ?? {
			ledgerId: item.ledgerId,
			vatCode: item.vatCode,
			amount: 0,
			vatAmount: null,
			description: item.description,
			costCenterId: item.costCenterId,
			invoiceNumber: null,
			relationId: null,
		};
		row.amount += item.lineCents;
		rows.set(key, row);
	}
	return [...rows.values()];
}

/** "If this object is provided, the invoice will also be processed as a new mutation" (docs/api-notes.md, e-Boekhouden §6.2): type 2 + open item. */
export function bookInvoice(
	store: BooksStore,
	invoice: InvoiceRecord,
	booking: InvoiceBooking,
): MutationRecord {
	return recordMutation(store, {
		type: 2,
		date: invoice.date,
		description: booking.description,
		termOfPayment: invoice.termOfPayment,
		ledgerId: booking.ledgerId,
		relationId: invoice.relationId,
		inExVat: invoice.inExVat,
		invoiceNumber: invoice.invoiceNumber,
		entryNumber: invoice.invoiceNumber,
		paymentReference: booking.paymentReference,
		rows: invoiceRows(invoice),
		vat: invoice.perCode.map(({ vatCode, vatAmount }) => ({ vatCode, amount: vatAmount })),
		amount: invoice.totalAmount,
	});
}

export function paymentReferenceInUse(store: BooksStore, reference: string): boolean {
	return (
		reference !== '' && store.mutations.some((mutation) => mutation.paymentReference === reference)
	);
}
