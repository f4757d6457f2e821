import type { INodeProperties } from 'n8n-workflow';

import { draftField, ledgerLocator, templateLocator } from '../common.descriptions';

const whenFixing = { show: { fix: [true] } };

/** Reconcile's parameters: the drafts, the period, the sync's prefixes and Fix with what booking needs. */
export const reconcileProperties: INodeProperties[] = [
	{
		...draftField,
		description:
			'The draft the Order to Invoice node made, one per finished, paid order of the period; by default the incoming item',
		displayOptions: undefined,
	},
	{
		displayName: 'Date From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description:
			'First day of the period. Leave empty to start at the earliest invoice date of the drafts.',
	},
	{
		displayName: 'Date To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description:
			'Last day of the period. Leave empty to end at the latest invoice date of the drafts.',
	},
	{
		displayName: 'Invoice Number Prefix',
		name: 'invoicePrefix',
		type: 'string',
		default: 'MWW-',
		description:
			'The prefix the sync puts before the order number (as set in Order to Invoice); an invoice with it that matches no order is reported',
	},
	{
		displayName: 'Credit Invoice Number Prefix',
		name: 'creditPrefix',
		type: 'string',
		default: 'MWW-C-',
		description: 'The prefix of credit invoices (creditnota’s) for credit orders',
	},
	{
		displayName: 'Fix',
		name: 'fix',
		type: 'boolean',
		default: false,
		description:
			'Whether to book what is missing or unpaid, the way the sync books it (never twice); everything else is only reported',
	},
	{ ...templateLocator, displayOptions: whenFixing },
	ledgerLocator(
		'debtorLedger',
		'Debtor Ledger',
		'The debtors ledger (debiteuren, category DEB) invoices and Journal Entry orders are booked on; journal entries are checked against it',
		'1300',
		'searchDebtorLedgers',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Read Every Invoice',
				name: 'readEveryInvoice',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the lines of every invoice (one call each) to check its VAT codes. Off: only invoices whose totals differ from the order are read; one whose total and VAT match is taken to have the order’s split.',
			},
		],
	},
];
