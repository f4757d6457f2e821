/**
 * What the Order to Invoice mapping hands to the e-Boekhouden node: one draft per order.
 * Field names are e-Boekhouden's own (reference/eboekhouden-api.md §5.3, §6.2), amounts are euros
 * with at most two decimals (always whole cents), ledgers are the codes a bookkeeper knows ("8000").
 */

/** Sales VAT codes of e-Boekhouden's REST API (reference/eboekhouden-api.md §7). */
export type SalesVatCode =
	| 'HOOG_VERK_21'
	| 'LAAG_VERK_9'
	| 'VERL_VERK'
	| 'VERL_VERK_L9'
	| 'BU_EU_VERK'
	| 'BI_EU_VERK'
	| 'BI_EU_VERK_D'
	| 'AFST_VERK'
	| 'AFW_VERK'
	| 'GEEN';

export interface DraftRelation {
	/** `B` company (zakelijk), `P` person (particulier). */
	type: 'B' | 'P';
	name: string;
	contact: string;
	/** Trimmed and lower case: the key relations are matched on. */
	emailAddress: string;
	address: string;
	postalCode: string;
	city: string;
	country: string;
	vatNumber: string;
	phoneNumber: string;
}

export interface DraftInvoiceItem {
	description: string;
	quantity: number;
	/** Including VAT (the invoice is `inExVat: 'IN'`), whole cents. */
	pricePerUnit: number;
	vatCode: SalesVatCode;
	/** Ledger code (grootboekrekening), e.g. "8000"; the e-Boekhouden node resolves it to an id. */
	ledgerCode: string;
	costCenterId?: number;
}

export interface DraftInvoice {
	/** Prefix + order number: the key that makes booking idempotent. Ends in a digit, at most 50 characters. */
	invoiceNumber: string;
	/** yyyy-mm-dd */
	date: string;
	inExVat: 'IN';
	termOfPayment: number;
	reference: string;
	text: string;
	items: DraftInvoiceItem[];
}

export interface DraftPayment {
	amount: number;
	/** yyyy-mm-dd */
	date: string;
	/** Bank or payment-provider ledger code; null when nothing is to be booked as paid. */
	ledgerCode: string | null;
}

export interface InvoiceDraft {
	kind: 'invoice' | 'credit';
	orderNumber: string;
	warnings: string[];
	relation: DraftRelation;
	invoice: DraftInvoice;
	payment: DraftPayment;
	totals: {
		amountInclVat: number;
		/** VAT code → amount including VAT. */
		byVatCode: Partial<Record<SalesVatCode, number>>;
	};
}
