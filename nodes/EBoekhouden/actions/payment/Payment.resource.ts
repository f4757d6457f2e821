import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../node.type';
import * as bookInvoicePayment from './bookInvoicePayment.operation';
import * as bookRefund from './bookRefund.operation';

export const operations: ResourceOperations<'payment'> = { bookInvoicePayment, bookRefund };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{
				name: 'Book Invoice Payment',
				value: 'bookInvoicePayment',
				description: 'Book the payment of an invoice, only what is still open, so never twice',
				action: 'Book an invoice payment',
			},
			{
				name: 'Book Refund',
				value: 'bookRefund',
				description: 'Book the refund of a credit invoice, only what is still open',
				action: 'Book a refund',
			},
		],
		default: 'bookInvoicePayment',
	},
	...bookInvoicePayment.description,
	...bookRefund.description,
];
