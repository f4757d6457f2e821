import type { INodeProperties } from 'n8n-workflow';

import { byCode, ledgerLocator } from './ledgerLocator';
import { optionsCollection } from './optionsCollection';

const showWhenOss = { show: { ossEnabled: [true] } };

/**
 * Every mapping setting as a node parameter, named as in `MappingSettings`, with the bookkeeping terms.
 * Defaults are written out (the n8n lint wants literals); a unit test holds them to DEFAULT_MAPPING_SETTINGS.
 */
export const orderToInvoiceProperties: INodeProperties[] = [
	{
		displayName:
			'Each input item is one Mijnwebwinkel order (as the Mijnwebwinkel Trigger emits it). Ledgers are grootboekrekening codes as in e-Boekhouden, e.g. 8000: type them (By Code), or add an e-Boekhouden credential above and pick them From List, which shows your own chart of accounts ("8000 · Omzet hoog tarief"). The credential is optional and used only by those lists, never while the node runs, so a typed code is not checked here: the e-Boekhouden node stops an order whose ledger code is not in the chart, naming that code.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Booking Mode',
		name: 'bookingMode',
		type: 'options',
		default: 'invoice',
		options: [
			{
				name: 'Cash Sale',
				value: 'cashSale',
				description:
					'One "Geld ontvangen" journal entry (mutatie) per paid order, with the sale per btw-code straight on the ledger of its payment (bank or PSP): no invoice, no open item, one write per order; the payment step books nothing more. A credit order books the same entry with negative amounts. Only for orders paid in one go: a split payment, gift card, unpaid or pay-later order stops with an error before anything is written (use Journal Entry for those).',
			},
			{
				name: 'Invoice',
				value: 'invoice',
				description:
					"A verkoopfactuur made by e-Boekhouden's invoicing module (with its template and PDF), then the payment booked against it (Factuurbetaling ontvangen). Needs the invoicing module.",
			},
			{
				name: 'Journal Entry',
				value: 'journalEntry',
				description:
					'A "Factuur verstuurd" journal entry (mutatie) with the sale per btw-code, an open item on the debtor ledger under the invoice number, then the payment booked against it. No invoicing module needed: the shop already sent the customer its invoice.',
			},
		],
		description:
			'How the e-Boekhouden node books each order. Every mode books the same lines, btw-codes and payments; only the kind of entry differs. Choose it before the first sync: a change applies to orders booked after it.',
	},
	{
		displayName: 'Book Customer as Relation',
		name: 'cashSaleRelation',
		type: 'boolean',
		default: true,
		displayOptions: { show: { bookingMode: ['cashSale'] } },
		description:
			'Whether each customer is found or created as a relation (by e-mail) and put on the entry. Off: the sale is booked without a relation, which saves the relation calls; the customer then does not appear in e-Boekhouden.',
	},
	{
		displayName: 'Invoice Number Prefix',
		name: 'invoicePrefix',
		type: 'string',
		default: 'MWW-',
		description:
			'Factuurnummer = prefix + order number; it must end in a digit and fit 50 characters. Keep it once orders are booked: the number is what keeps an order from being booked twice.',
	},
	{
		displayName: 'Credit Invoice Number Prefix',
		name: 'creditInvoicePrefix',
		type: 'string',
		default: 'MWW-C-',
		description: 'Prefix for credit orders (creditnota), followed by the credit order number',
	},
	ledgerLocator(
		'revenueLedgerHigh',
		'Revenue Ledger 21%',
		'Grootboekrekening for revenue at 21% VAT (omzet hoog tarief), btw-code HOOG_VERK_21',
		'8000',
	),
	ledgerLocator(
		'revenueLedgerLow',
		'Revenue Ledger 9%',
		'Grootboekrekening for revenue at 9% VAT (omzet laag tarief), btw-code LAAG_VERK_9',
		'8010',
	),
	ledgerLocator(
		'shippingLedger',
		'Shipping Costs Ledger',
		'Grootboekrekening for shipping costs (verzendkosten), with the btw-code of their rate',
		'8100',
	),
	ledgerLocator(
		'paymentCostsLedger',
		'Payment Costs Ledger',
		'Grootboekrekening for payment costs charged to the customer (betaalkosten)',
		'8110',
	),
	ledgerLocator(
		'bankLedger',
		'Bank Ledger',
		'Grootboekrekening (category FIN) the payment is booked on when its payment method is not in the table below',
		'1010',
	),
	{
		displayName: 'Payment Ledgers',
		name: 'paymentLedgers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Payment Method',
		default: {
			rules: [
				{ paymentMethod: 'mollie', ledgerCode: byCode('1020') },
				{ paymentMethod: 'paypal', ledgerCode: byCode('1030') },
			],
		},
		description:
			'Payment gateway or method (mollie, paypal, ideal, …) → the ledger its money arrives on, e.g. a Mollie or PayPal tussenrekening',
		options: [
			{
				displayName: 'Rule',
				name: 'rules',
				values: [
					{
						displayName: 'Payment Method',
						name: 'paymentMethod',
						type: 'string',
						default: '',
						description: 'Gateway or method name as Mijnwebwinkel gives it',
					},
					ledgerLocator(
						'ledgerCode',
						'Ledger',
						'The grootboekrekening its money arrives on, e.g. 1020',
						'',
						{ example: '1020' },
					),
				],
			},
		],
	},
	{
		displayName: 'Pay Later Ledgers',
		name: 'payLaterLedgers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Pay Later Method',
		default: {
			rules: [
				{ paymentMethod: 'klarna', ledgerCode: byCode('1040') },
				{ paymentMethod: 'afterpay', ledgerCode: byCode('1050') },
			],
		},
		description:
			'Pay-later method (klarna, afterpay, …) → the ledger (category FIN) for what it still owes, e.g. Klarna nog te ontvangen. An authorised, not yet captured payment is booked only here, never on the bank; a method not listed gets no payment until it is captured.',
		options: [
			{
				displayName: 'Rule',
				name: 'rules',
				values: [
					{
						displayName: 'Payment Method',
						name: 'paymentMethod',
						type: 'string',
						default: '',
						description:
							'Method or gateway as Mijnwebwinkel gives it; klarna also covers klarna_paylater and klarna_sliceit',
					},
					ledgerLocator(
						'ledgerCode',
						'Ledger',
						'The grootboekrekening (category FIN) for what it still owes, e.g. 1040',
						'',
						{ example: '1040' },
					),
				],
			},
		],
	},
	ledgerLocator(
		'giftCardLedger',
		'Gift Card Ledger',
		'Balance ledger for outstanding gift cards and store credit (uitstaande cadeaubonnen, category BAL). A sold gift card is booked here with btw-code GEEN, not as revenue; a part paid with a gift card or store credit is settled against it, never on the bank. Empty: gift cards are booked as revenue and gift-card payments are not booked, with a warning.',
		'1620',
		{ whenEmpty: 'gift cards are booked as revenue' },
	),
	{
		displayName: 'Gift Card Products',
		name: 'giftCardProducts',
		type: 'string',
		default: '',
		placeholder: 'e.g. Cadeaubon, GIFT-25',
		description:
			'Comma-separated product names or SKUs that are gift cards, for order lines whose type does not say so (lines of type gift_card always are)',
	},
	{
		displayName: 'Book EU Distance Sales (OSS)',
		name: 'ossEnabled',
		type: 'boolean',
		default: false,
		description:
			"Whether consumer orders taxed at another EU country's rate are booked under the One-Stop Shop: net revenue with btw-code AFST_VERK, the foreign VAT on an OSS ledger. Off: such orders stop with an error.",
	},
	{
		...ledgerLocator(
			'ossVatLedger',
			'OSS VAT Ledger',
			'Balance ledger for foreign VAT due under OSS (af te dragen btw OSS), for countries not listed below',
			'1650',
		),
		displayOptions: showWhenOss,
	},
	{
		displayName: 'OSS VAT Ledgers by Country',
		name: 'ossVatLedgerByCountry',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Country',
		default: {},
		displayOptions: showWhenOss,
		options: [
			{
				displayName: 'Country',
				name: 'countries',
				values: [
					{
						displayName: 'Country Code',
						name: 'country',
						type: 'string',
						default: '',
						placeholder: 'DE',
						description: 'ISO country code',
					},
					ledgerLocator('ledgerCode', 'Ledger', "Balance ledger for that country's VAT", '', {
						example: '1651',
					}),
				],
			},
		],
	},
	{
		displayName: 'Zero-Total Orders',
		name: 'zeroTotalOrders',
		type: 'options',
		default: 'skip',
		options: [
			{ name: 'Book', value: 'book', description: 'Book them as a €0.00 invoice' },
			{
				name: 'Skip',
				value: 'skip',
				description: 'Leave them out of the output; the node shows which orders it skipped',
			},
		],
		description: 'What to do with orders whose total is €0.00',
	},
	optionsCollection,
];
