/**
 * What the Order to Invoice mapping hands to the e-Boekhouden node: one draft per order.
 * Field names are e-Boekhouden's own (docs/api-notes.md, e-Boekhouden §5.3, §6.2), amounts are euros
 * with at most two decimals (always whole cents), ledgers are the codes a bookkeeper knows ("8000").
 */

import type { SalesVatCode } from '../../shared/draft.schema';

export type { SalesVatCode };

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

/**
 * What a payment part is: money that arrived (bank or payment provider), a redeemed gift card or store credit
 * (settled against the gift-card ledger, never money received), an authorised pay-later amount (only to a ledger
 * configured for its method), or a remainder no transaction covers (never booked).
 */
export type PaymentKind = 'received' | 'giftCard' | 'payLater' | 'open';

export interface DraftPayment {
	/** Euros, negative for a refund. */
	amount: number;
	/** yyyy-mm-dd */
	date: string;
	/** Ledger code the part is booked on; null when nothing is to be booked for it. */
	ledgerCode: string | null;
	kind: PaymentKind;
	/** Payment method as the shop names it (`ideal`, `webshop_giftcard`); empty when unknown. */
	method: string;
	/**
	 * Stable per transaction (from Mijnwebwinkel's payment id), so a re-run books each part once and two parts never
	 * share a payment reference. Empty for the order's single payment when its transactions are unknown.
	 */
	reference: string;
}

/** Invoice: a sales invoice (invoicing module) + payment; Journal Entry: a type 2 mutation + payment; Cash Sale: one type 5 mutation. */
export type BookingMode = 'invoice' | 'journalEntry' | 'cashSale';

export interface InvoiceDraft {
	kind: 'invoice' | 'credit';
	bookingMode: BookingMode;
	/** False only in Cash Sale with relations switched off: the sale is booked without a relation. */
	bookRelation: boolean;
	orderNumber: string;
	warnings: string[];
	/** Set when the order is not to be booked (a zero-total order under the default settings); says why. */
	skipped?: { reason: string };
	relation: DraftRelation;
	invoice: DraftInvoice;
	/** One part per transaction that moved money (or one for the whole order), summing to the order total. */
	payments: DraftPayment[];
	totals: {
		amountInclVat: number;
		/** VAT code → amount including VAT. */
		byVatCode: Partial<Record<SalesVatCode, number>>;
	};
}

/** Whether intra-EU B2B (reverse charge, 0%) sales are goods (`BI_EU_VERK`) or services (`BI_EU_VERK_D`). */
export type EuSupplyType = 'goods' | 'services';

/**
 * Every choice the mapping makes that a bookkeeper may want otherwise. Ledgers are codes
 * (grootboekrekeningen); the defaults match the sandbox chart of accounts.
 */
export interface MappingSettings {
	/** Invoice number = prefix + order number (must end in a digit, at most 50 characters). */
	invoicePrefix: string;
	/** Prefix for credit orders (creditnota's). */
	creditInvoicePrefix: string;
	/** Days (betalingstermijn). */
	termOfPayment: number;
	/** Revenue at 21% (omzet hoog tarief). */
	revenueLedgerHigh: string;
	/** Revenue at 9% (omzet laag tarief). */
	revenueLedgerLow: string;
	/** Intra-EU B2B reverse-charge revenue (intracommunautaire leveringen). */
	revenueLedgerEuB2B: string;
	/** Export outside the EU. */
	revenueLedgerExport: string;
	/** EU distance sales under OSS (afstandsverkopen). */
	revenueLedgerDistanceSales: string;
	/** 0% / no VAT revenue (vrijgesteld / geen btw). */
	revenueLedgerNoVat: string;
	shippingLedger: string;
	paymentCostsLedger: string;
	/** Discounts; empty = the revenue ledger of the discount's VAT rate. */
	discountLedger: string;
	/** Rounding differences of at most one cent per VAT rate (afrondingsverschillen). */
	roundingLedger: string;
	euSupplyType: EuSupplyType;
	/** Book foreign EU VAT rates as OSS distance sales instead of rejecting them. */
	ossEnabled: boolean;
	/** Balance ledger for foreign VAT under OSS (af te dragen btw OSS), for countries not in the table below. */
	ossVatLedger: string;
	/** ISO country code → OSS VAT ledger code. */
	ossVatLedgerByCountry: Record<string, string>;
	/** Bank ledger for payments whose gateway/method is not in the payment ledger table. */
	bankLedger: string;
	/** Payment gateway or method name (e.g. `mollie`, `paypal`, `ideal`) → ledger code. */
	paymentLedgers: Record<string, string>;
	/** Balance ledger for outstanding gift cards and store credit (uitstaande cadeaubonnen); empty = none. */
	giftCardLedger: string;
	/** Product names or SKUs that are gift cards, for order lines that do not say so by their type. */
	giftCardProducts: string[];
	/** Payment methods that redeem the shop's own gift cards or store credit. */
	giftCardMethods: string[];
	/** Payment method or gateway (`klarna`, `afterpay`) → ledger for authorised, not yet captured payments. */
	payLaterLedgers: Record<string, string>;
	/** Book the payment of a paid order (payments[].ledgerCode); off = ledgerCode null. */
	bookPayments: boolean;
	/** Book the refund of a credit order (negative payment); off = ledgerCode null. */
	bookRefunds: boolean;
	/** `skip`: zero-total orders get `skipped` and are not booked; `book`: booked like any other order. */
	zeroTotalOrders: 'skip' | 'book';
	/** How the e-Boekhouden node books the draft (carried in the draft as `bookingMode`). */
	bookingMode: BookingMode;
	/** Cash Sale only: find or create the customer as a relation (off: the sale is booked without one). */
	cashSaleRelation: boolean;
	/** e-Boekhouden cost centre id (kostenplaats) put on every revenue item; null = none. */
	costCenterId: number | null;
}
