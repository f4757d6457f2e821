/** The sandbox e-Boekhouden administration as the e2e tests read it (its state() dump, e-Boekhouden's field names). */

export interface BookedItem {
	description: string;
	quantity: number;
	pricePerUnit: number;
	vatCode: string;
}

export interface BookedInvoice {
	id: number;
	invoiceNumber: string;
	relationId: number;
	totalAmount: number;
	booked: boolean;
	items: BookedItem[];
}

export interface BookedRelation {
	id: number;
	emailAddress?: string;
	name: string;
}

export interface BookedMutation {
	id: number;
	type: number;
	invoiceNumber: string;
	rows: Array<{ amount: number; invoiceNumber: string | null; relationId: number | null }>;
}

export interface Books {
	relations: BookedRelation[];
	invoices: BookedInvoice[];
	mutations: BookedMutation[];
}

export function readBooks(books: { state(): Record<string, unknown> }): Books {
	const state = books.state();
	return {
		relations: state.relations as BookedRelation[],
		invoices: state.invoices as BookedInvoice[],
		mutations: state.mutations as BookedMutation[],
	};
}

/** Euros with at most two decimals → cents (the sandbox answers in whole cents). */
export const toCents = (euros: number): number => Math.round(euros * 100);

/** Payments and refunds booked against an invoice: type 3 (received) / 4 (sent) mutations whose rows name it. */
export function paymentsFor(books: Books, invoiceNumber: string): BookedMutation[] {
	return books.mutations.filter(
		(mutation) =>
			(mutation.type === 3 || mutation.type === 4) &&
			mutation.rows.some((row) => row.invoiceNumber === invoiceNumber),
	);
}

/** Σ quantity × price per unit of the invoice's items, per VAT code, in cents. */
export function itemCentsByVatCode(invoice: BookedInvoice): Map<string, number> {
	const byCode = new Map<string, number>();
	for (const item of invoice.items) {
		const lineCents = Math.round(item.quantity * toCents(item.pricePerUnit));
		byCode.set(item.vatCode, (byCode.get(item.vatCode) ?? 0) + lineCents);
	}
	return byCode;
}
