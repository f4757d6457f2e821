import type { INodeProperties } from 'n8n-workflow';

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
		{
			displayName: 'Discount Ledger',
			name: 'discountLedger',
			type: 'string',
			default: '',
			description:
				"Grootboekrekening for discount codes and cart discounts (kortingen); empty = the revenue ledger of the discount's VAT rate",
		},
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
		{
			displayName: 'Revenue Ledger EU B2B',
			name: 'revenueLedgerEuB2B',
			type: 'string',
			default: '8020',
			description:
				'Grootboekrekening for reverse-charge sales to EU businesses (intracommunautaire leveringen)',
		},
		{
			displayName: 'Revenue Ledger EU Distance Sales',
			name: 'revenueLedgerDistanceSales',
			type: 'string',
			default: '8040',
			description:
				'Grootboekrekening for OSS distance sales (afstandsverkopen), btw-code AFST_VERK',
		},
		{
			displayName: 'Revenue Ledger Export',
			name: 'revenueLedgerExport',
			type: 'string',
			default: '8030',
			description: 'Grootboekrekening for sales outside the EU (export), btw-code BU_EU_VERK',
		},
		{
			displayName: 'Revenue Ledger No VAT',
			name: 'revenueLedgerNoVat',
			type: 'string',
			default: '8050',
			description:
				'Grootboekrekening for 0% sales without a tax strategy (vrijgesteld / geen btw), btw-code GEEN',
		},
		{
			displayName: 'Rounding Ledger',
			name: 'roundingLedger',
			type: 'string',
			default: '8900',
			description:
				'Grootboekrekening for rounding differences of at most one cent per VAT rate (afrondingsverschillen)',
		},
		{
			displayName: 'Term of Payment (Days)',
			name: 'termOfPayment',
			type: 'number',
			default: 14,
			description: 'Betalingstermijn on the invoice',
		},
	],
};
