import type { INodeProperties } from 'n8n-workflow';

import { ledgerLocator } from './ledgerLocator';

/** The settings most shops keep at their defaults: other revenue ledgers, discounts, rounding, payment term. */
export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Book Payments',
			name: 'bookPayments',
			type: 'boolean',
			default: true,
			description:
				'Whether the draft carries a payment ledger for paid orders, so the invoice is booked as paid',
		},
		{
			displayName: 'Book Refunds',
			name: 'bookRefunds',
			type: 'boolean',
			default: true,
			description:
				'Whether credit orders carry a refund (a negative payment) on the payment ledger',
		},
		{
			displayName: 'Cost Center ID',
			name: 'costCenterId',
			type: 'number',
			default: 0,
			description: 'E-Boekhouden kostenplaats ID put on every revenue item; 0 = none',
		},
		ledgerLocator(
			'discountLedger',
			'Discount Ledger',
			"Grootboekrekening for discount codes and cart discounts (kortingen); empty = the revenue ledger of the discount's VAT rate",
			'',
			{ whenEmpty: 'the revenue ledger of its VAT rate' },
		),
		{
			displayName: 'EU B2B Supplies Are',
			name: 'euSupplyType',
			type: 'options',
			default: 'goods',
			options: [
				{
					name: 'Goods',
					value: 'goods',
					description: 'Btw-code BI_EU_VERK (intracommunautaire levering)',
				},
				{
					name: 'Services',
					value: 'services',
					description: 'Btw-code BI_EU_VERK_D (intracommunautaire dienst)',
				},
			],
			description: 'Reverse-charge orders to EU businesses (0%) are goods or services',
		},
		{
			displayName: 'Gift Card Payment Methods',
			name: 'giftCardMethods',
			type: 'string',
			default: 'webshop_giftcard, store_credit',
			description:
				"Comma-separated payment methods that redeem the shop's own gift cards or store credit; what they paid is settled against the Gift Card Ledger",
		},
		ledgerLocator(
			'revenueLedgerEuB2B',
			'Revenue Ledger EU B2B',
			'Grootboekrekening for reverse-charge sales to EU businesses (intracommunautaire leveringen)',
			'8020',
		),
		ledgerLocator(
			'revenueLedgerDistanceSales',
			'Revenue Ledger EU Distance Sales',
			'Grootboekrekening for OSS distance sales (afstandsverkopen), btw-code AFST_VERK',
			'8040',
		),
		ledgerLocator(
			'revenueLedgerExport',
			'Revenue Ledger Export',
			'Grootboekrekening for sales outside the EU (export), btw-code BU_EU_VERK',
			'8030',
		),
		ledgerLocator(
			'revenueLedgerNoVat',
			'Revenue Ledger No VAT',
			'Grootboekrekening for 0% sales without a tax strategy (vrijgesteld / geen btw), btw-code GEEN',
			'8050',
		),
		ledgerLocator(
			'roundingLedger',
			'Rounding Ledger',
			'Grootboekrekening for rounding differences of at most one cent per VAT rate (afrondingsverschillen)',
			'8900',
		),
		{
			displayName: 'Term of Payment (Days)',
			name: 'termOfPayment',
			type: 'number',
			default: 14,
			description: 'Betalingstermijn on the invoice',
		},
	],
};
