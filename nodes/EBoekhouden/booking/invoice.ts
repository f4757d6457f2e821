import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../api/inputError';
import { createInvoice } from '../api/invoices';
import { errorKind } from '../api/transport';
import { rememberCreated } from './createdInvoices';
import { recordWrite, withKeyLock } from './keyLock';
import { InvoiceIndex } from './invoiceIndex';
import type { InvoiceInput } from '../actions/invoice/input';

export interface BookedInvoice {
	invoice: IDataObject & { id?: number; invoiceNumber: string };
	created: boolean;
	warnings: string[];
}

/**
 * Creates an invoice at most once per invoice number: look it up first (from the batch listing when there is one),
 * hold a lock on the number while creating, and read FACT_101 ("number in use") as "already there" — the answer a
 * second process racing us gets, and our own repeat when the first answer was lost (docs/api-notes.md, Design rules "No duplicates, no
 * losses"). Either way the invoice is read back from e-Boekhouden.
 */
export class InvoiceBooker {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly index: InvoiceIndex,
	) {}

	/** `request` builds the body (ledger and template ids); it is not needed for an invoice that exists. */
	async book(input: InvoiceInput, request: () => Promise<IDataObject>): Promise<BookedInvoice> {
		if (!input.invoiceNumber) {
			const created = await createInvoice(this.ctx, await request());
			return {
				invoice: { ...created, relationId: input.relationId, date: input.date },
				created: true,
				warnings: [],
			};
		}
		const key = InvoiceIndex.writeKey(this.ctx, input.invoiceNumber);
		return await withKeyLock(key, async () => {
			const existing = await this.index.find(input.invoiceNumber, input.date);
			if (existing) return this.alreadyThere(input, existing);
			const body = await request();
			try {
				const created = await createInvoice(this.ctx, body);
				recordWrite(key);
				const invoice = { ...created, relationId: input.relationId, date: input.date };
				await this.index.remember(invoice);
				if (body.mutation) await rememberCreated(this.ctx, input.invoiceNumber);
				return { invoice, created: true, warnings: [] };
			} catch (error) {
				if (errorKind(error) !== 'alreadyBooked') throw asNodeError(this.ctx, error);
				recordWrite(key);
				const found = await this.index.find(input.invoiceNumber);
				return this.alreadyThere(input, found ?? { invoiceNumber: input.invoiceNumber });
			}
		});
	}

	private alreadyThere(input: InvoiceInput, invoice: BookedInvoice['invoice']): BookedInvoice {
		const warnings: string[] = [];
		const relationId = invoice.relationId;
		if (typeof relationId === 'number' && relationId !== input.relationId) {
			warnings.push(
				`Invoice ${input.invoiceNumber} already exists for relation ${relationId}, not ${input.relationId}; it was left as it is.`,
			);
		}
		return { invoice, created: false, warnings };
	}
}
