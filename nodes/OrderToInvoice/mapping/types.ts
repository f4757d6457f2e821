/**
 * The draft the mapping builds is defined once, by its schema (nodes/shared/draft.schema.ts); its types are inferred
 * from there. The settings are the mapping's own.
 */

import type { BookingMode } from '../../shared/draft.schema';

export type {
	BookingMode,
	DraftInvoice,
	DraftInvoiceItem,
	DraftPayment,
	DraftRelation,
	InvoiceDraft,
	PaymentKind,
	SalesVatCode,
} from '../../shared/draft.schema';

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
