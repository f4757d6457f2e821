import type { INodeProperties } from 'n8n-workflow';

import * as costCenter from './costCenter/CostCenter.resource';
import * as invoice from './invoice/Invoice.resource';
import * as invoiceTemplate from './invoiceTemplate/InvoiceTemplate.resource';
import * as ledger from './ledger/Ledger.resource';
import * as payment from './payment/Payment.resource';
import * as reconciliation from './reconcile/Reconciliation.resource';
import * as relation from './relation/Relation.resource';

/** The resource selector and, per resource, its operation selector and fields. */
export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cost Center', value: 'costCenter', description: 'Cost centres (kostenplaatsen)' },
			{ name: 'Invoice', value: 'invoice', description: 'Sales invoices (verkoopfacturen)' },
			{
				name: 'Invoice Template',
				value: 'invoiceTemplate',
				description: 'Invoice templates (factuursjablonen)',
			},
			{ name: 'Ledger', value: 'ledger', description: 'Ledgers (grootboekrekeningen)' },
			{
				name: 'Payment',
				value: 'payment',
				description: 'Invoice payments and refunds (betalingen)',
			},
			{
				name: 'Reconciliation',
				value: 'reconciliation',
				description: 'The shop’s orders against the books (aansluiting webshop en boekhouding)',
			},
			{ name: 'Relation', value: 'relation', description: 'Customers and suppliers (relaties)' },
		],
		default: 'relation',
	},
	...relation.description,
	...invoice.description,
	...payment.description,
	...ledger.description,
	...invoiceTemplate.description,
	...costCenter.description,
	...reconciliation.description,
];
