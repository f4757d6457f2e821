import type { INodeProperties } from 'n8n-workflow';

import { SALES_VAT_CODES } from '../../../shared/draft.schema';

/** The fields of an invoice set by hand: those of e-Boekhouden's `POST /v1/invoice`. */
export const manualInvoiceFields: INodeProperties[] = [
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. MWW-1042',
		description:
			'Must end with a digit. Leave empty to let e-Boekhouden number it (then a re-run creates a second invoice).',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Invoice date (factuurdatum)',
	},
	{
		displayName: 'Term of Payment (Days)',
		name: 'termOfPayment',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 14,
		description: 'Payment term in days (betalingstermijn)',
	},
	{
		displayName: 'Prices Include VAT',
		name: 'inExVat',
		type: 'options',
		default: 'IN',
		options: [
			{ name: 'Including VAT', value: 'IN' },
			{ name: 'Excluding VAT', value: 'EX' },
		],
		description: 'Whether the line prices include VAT (inclusief btw)',
	},
	{
		displayName: 'Lines',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		options: [
			{
				displayName: 'Line',
				name: 'item',
				values: [
					{
						displayName: 'Cost Center Name or ID',
						name: 'costCenterId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCostCenters' },
						default: '',
						description:
							'The cost centre (kostenplaats) of the line; — None — takes the one under Options, if any. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Ledger Name or ID',
						name: 'ledgerCode',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getRevenueLedgers' },
						default: '8000',
						description:
							'The revenue ledger (omzet, category VW) of the line; an expression gives its code, e.g. 8000. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Price per Unit',
						name: 'pricePerUnit',
						type: 'number',
						typeOptions: { numberPrecision: 2 },
						default: 0,
					},
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
					{
						displayName: 'VAT Code',
						name: 'vatCode',
						type: 'options',
						default: 'HOOG_VERK_21',
						description: 'The btw-code of the line',
						options: SALES_VAT_CODES.map((code) => ({ name: code, value: code })),
					},
				],
			},
		],
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: 'Payment reference, at most 50 characters',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text printed on the invoice',
	},
];
