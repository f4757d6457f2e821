import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MappingSettings } from './mapping/types';

type Row = Record<string, unknown>;

/**
 * A ledger parameter as the node holds it: a resource locator value (`{ __rl: true, mode: 'list' | 'code', value:
 * '8000' }`, from the pickers) or a plain code ('8000', workflows and templates from before the pickers). Either
 * gives the code (a number from an expression as text); anything else is passed on for the mapping to report under
 * the setting's name.
 */
export function ledgerCodeOf(value: unknown): unknown {
	const code =
		value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value
			? ((value as { value: unknown }).value ?? '')
			: value;
	return typeof code === 'number' && Number.isFinite(code) ? String(code) : code;
}

/** Rows of a fixedCollection as a table; rows with an empty key are left out. */
function table(
	value: unknown,
	rowsName: string,
	keyName: string,
): Record<string, string> | undefined {
	const rows = (value as Record<string, unknown> | undefined)?.[rowsName];
	if (!Array.isArray(rows)) return undefined;
	const entries = (rows as Row[])
		.map(
			(row) =>
				[
					String(row[keyName] ?? '').trim(),
					String(ledgerCodeOf(row.ledgerCode) ?? '').trim(),
				] as const,
		)
		.filter(([key]) => key !== '');
	return Object.fromEntries(entries);
}

/** A comma-separated text as a list; undefined when not set. */
function list(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	return String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/**
 * The node's parameters for one item as mapping settings. Anything not set stays undefined, so the
 * mapping's defaults apply and an invalid value is reported by the mapping under its setting name.
 */
export function readSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): Partial<MappingSettings> {
	const parameter = (name: string): unknown => context.getNodeParameter(name, itemIndex, undefined);
	const ledger = (name: string): unknown => ledgerCodeOf(parameter(name));
	const options = (parameter('options') ?? {}) as IDataObject;
	const costCenterId = options.costCenterId;
	const ossEnabled = parameter('ossEnabled');
	const paymentLedgers = parameter('paymentLedgers');
	const payLaterLedgers = parameter('payLaterLedgers');
	const bookingMode = parameter('bookingMode');
	return {
		bookingMode,
		cashSaleRelation: bookingMode === 'cashSale' ? parameter('cashSaleRelation') : undefined,
		invoicePrefix: parameter('invoicePrefix'),
		creditInvoicePrefix: parameter('creditInvoicePrefix'),
		revenueLedgerHigh: ledger('revenueLedgerHigh'),
		revenueLedgerLow: ledger('revenueLedgerLow'),
		shippingLedger: ledger('shippingLedger'),
		paymentCostsLedger: ledger('paymentCostsLedger'),
		bankLedger: ledger('bankLedger'),
		paymentLedgers:
			paymentLedgers === undefined
				? undefined
				: (table(paymentLedgers, 'rules', 'paymentMethod') ?? {}),
		payLaterLedgers:
			payLaterLedgers === undefined
				? undefined
				: (table(payLaterLedgers, 'rules', 'paymentMethod') ?? {}),
		giftCardLedger: ledger('giftCardLedger'),
		giftCardProducts: list(parameter('giftCardProducts')),
		giftCardMethods: list(options.giftCardMethods),
		ossEnabled,
		ossVatLedger: ossEnabled ? ledger('ossVatLedger') : undefined,
		ossVatLedgerByCountry: ossEnabled
			? table(parameter('ossVatLedgerByCountry'), 'countries', 'country')
			: undefined,
		zeroTotalOrders: parameter('zeroTotalOrders'),
		termOfPayment: options.termOfPayment,
		euSupplyType: options.euSupplyType,
		revenueLedgerEuB2B: ledgerCodeOf(options.revenueLedgerEuB2B),
		revenueLedgerExport: ledgerCodeOf(options.revenueLedgerExport),
		revenueLedgerDistanceSales: ledgerCodeOf(options.revenueLedgerDistanceSales),
		revenueLedgerNoVat: ledgerCodeOf(options.revenueLedgerNoVat),
		discountLedger: ledgerCodeOf(options.discountLedger),
		roundingLedger: ledgerCodeOf(options.roundingLedger),
		costCenterId:
			costCenterId === undefined
				? undefined
				: costCenterId === 0 || costCenterId === ''
					? null
					: costCenterId,
		bookPayments: options.bookPayments,
		bookRefunds: options.bookRefunds,
	} as Partial<MappingSettings>;
}
