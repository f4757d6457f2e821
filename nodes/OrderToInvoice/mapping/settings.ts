import { isEuCountry } from './country';
import type { OrderContext } from './errors';
import type { MappingSettings } from './types';

/** Defaults that match the sandbox chart of accounts (codes a Dutch bookkeeper knows). */
export const DEFAULT_MAPPING_SETTINGS: Readonly<MappingSettings> = Object.freeze({
	invoicePrefix: 'MWW-',
	creditInvoicePrefix: 'MWW-C-',
	termOfPayment: 14,
	revenueLedgerHigh: '8000',
	revenueLedgerLow: '8010',
	revenueLedgerEuB2B: '8020',
	revenueLedgerExport: '8030',
	revenueLedgerDistanceSales: '8040',
	revenueLedgerNoVat: '8050',
	shippingLedger: '8100',
	paymentCostsLedger: '8110',
	discountLedger: '',
	roundingLedger: '8900',
	euSupplyType: 'goods',
	ossEnabled: false,
	ossVatLedger: '1650',
	ossVatLedgerByCountry: {},
	bankLedger: '1010',
	paymentLedgers: { mollie: '1020', paypal: '1030' },
	giftCardLedger: '1620',
	giftCardProducts: [],
	giftCardMethods: ['webshop_giftcard', 'store_credit'],
	payLaterLedgers: { klarna: '1040', afterpay: '1050' },
	bookPayments: true,
	bookRefunds: true,
	zeroTotalOrders: 'skip',
	bookingMode: 'invoice',
	cashSaleRelation: true,
	costCenterId: null,
});

/** Taken as given; every other text setting (ledger codes) is trimmed. */
const PREFIXES = new Set(['invoicePrefix', 'creditInvoicePrefix']);

type Check = (value: unknown) => boolean;

const isText: Check = (value) => typeof value === 'string';
const isLedger: Check = (value) => typeof value === 'string' && value.trim() !== '';
const isFlag: Check = (value) => typeof value === 'boolean';
const isList: Check = (value) =>
	Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const isTable: Check = (value) =>
	value !== null &&
	typeof value === 'object' &&
	!Array.isArray(value) &&
	Object.values(value).every((code) => isLedger(code));

const CHECKS: Record<keyof MappingSettings, [Check, string]> = {
	invoicePrefix: [isText, 'must be text'],
	creditInvoicePrefix: [isText, 'must be text'],
	termOfPayment: [
		(value) => Number.isInteger(value) && (value as number) >= 0,
		'must be a whole number of days',
	],
	revenueLedgerHigh: [isLedger, 'must be a ledger code'],
	revenueLedgerLow: [isLedger, 'must be a ledger code'],
	revenueLedgerEuB2B: [isLedger, 'must be a ledger code'],
	revenueLedgerExport: [isLedger, 'must be a ledger code'],
	revenueLedgerDistanceSales: [isLedger, 'must be a ledger code'],
	revenueLedgerNoVat: [isLedger, 'must be a ledger code'],
	shippingLedger: [isLedger, 'must be a ledger code'],
	paymentCostsLedger: [isLedger, 'must be a ledger code'],
	discountLedger: [isText, 'must be a ledger code or empty'],
	roundingLedger: [isLedger, 'must be a ledger code'],
	euSupplyType: [
		(value) => value === 'goods' || value === 'services',
		"must be 'goods' or 'services'",
	],
	ossEnabled: [isFlag, 'must be true or false'],
	ossVatLedger: [isLedger, 'must be a ledger code'],
	ossVatLedgerByCountry: [isTable, 'must map country codes to ledger codes'],
	bankLedger: [isLedger, 'must be a ledger code'],
	paymentLedgers: [isTable, 'must map payment gateways or methods to ledger codes'],
	giftCardLedger: [isText, 'must be a ledger code or empty'],
	giftCardProducts: [isList, 'must be a list of product names or SKUs'],
	giftCardMethods: [isList, 'must be a list of payment methods'],
	payLaterLedgers: [isTable, 'must map payment methods to ledger codes'],
	bookPayments: [isFlag, 'must be true or false'],
	bookRefunds: [isFlag, 'must be true or false'],
	zeroTotalOrders: [(value) => value === 'skip' || value === 'book', "must be 'skip' or 'book'"],
	bookingMode: [
		(value) => value === 'invoice' || value === 'journalEntry' || value === 'cashSale',
		"must be 'invoice', 'journalEntry' or 'cashSale'",
	],
	cashSaleRelation: [isFlag, 'must be true or false'],
	costCenterId: [
		(value) => value === null || Number.isInteger(value),
		'must be a cost centre id or empty',
	],
};

/** Defaults merged with what the caller set (undefined = default), each value checked. */
export function resolveSettings(given: unknown, context: OrderContext): MappingSettings {
	const settings: Record<string, unknown> = { ...DEFAULT_MAPPING_SETTINGS };
	if (given !== undefined && given !== null) {
		if (typeof given !== 'object' || Array.isArray(given))
			context.fail('settings', 'must be an object');
		for (const [key, value] of Object.entries(given)) {
			if (value === undefined) continue;
			settings[key] = typeof value === 'string' && !PREFIXES.has(key) ? value.trim() : value;
		}
	}
	for (const [key, [check, reason]] of Object.entries(CHECKS)) {
		if (!check(settings[key])) context.fail(`settings.${key}`, reason);
	}
	const resolved = settings as unknown as MappingSettings;
	// A row no order can match would leave that country's VAT on the general OSS ledger without a word.
	const notEu = Object.keys(resolved.ossVatLedgerByCountry).find(
		(code) => !isEuCountry(code.trim().toUpperCase()),
	);
	if (notEu !== undefined) {
		context.fail(
			'settings.ossVatLedgerByCountry',
			`'${notEu}' is not the code of an EU country (two letters, e.g. BE or DE)`,
		);
	}
	const money = [
		resolved.bankLedger,
		...Object.values(resolved.paymentLedgers).map((code) => code.trim()),
	];
	if (resolved.giftCardLedger && money.includes(resolved.giftCardLedger)) {
		context.fail(
			'settings.giftCardLedger',
			`is ${resolved.giftCardLedger}, a bank or payment ledger; gift cards are a debt to their holders, not money received`,
		);
	}
	return resolved;
}
