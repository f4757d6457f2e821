import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../api/inputError';
import { MUTATION_TYPE } from '../../api/mutations';
import type { MutationListItem } from '../../api/schemas';
import { MutationIndex } from '../../booking/mutationIndex';
import { soldForCash } from '../../booking/soldForCash';

/**
 * Whether a sales invoice was booked into the ledger, i.e. has its type-2 mutation. Asked only when nothing is
 * open on an invoice: a concept (created without `mutation`, docs/api-notes.md, e-Boekhouden §6.2) has no open item either, and must
 * not pass for paid. A batch lists the type-2 mutations of its dates once, on the first question (MutationIndex,
 * shared by the execution); a number the listing cannot answer for is asked for by number.
 */
export class BookedInvoices {
	private readonly entries: MutationIndex;
	private readonly cashSales: MutationIndex;
	private listing?: Promise<void>;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly dates: string[],
	) {
		this.entries = new MutationIndex(ctx, MUTATION_TYPE.invoiceSent);
		this.cashSales = new MutationIndex(ctx, MUTATION_TYPE.moneyReceived);
	}

	/** The cash sale (type 5) booked under this number before Booking Mode was switched, if any: its money is in it. */
	async soldForCash(invoiceNumber: string, date?: string): Promise<MutationListItem | undefined> {
		return await soldForCash(this.cashSales, invoiceNumber, date);
	}

	/** Whether e-Boekhouden holds a type-2 mutation with this invoice number. */
	async isBooked(invoiceNumber: string, date?: string): Promise<boolean> {
		// A failed listing only costs the single look-up, which reports its own failure.
		this.listing ??= this.entries.prefetch(this.dates).catch(() => undefined);
		await this.listing;
		return (await this.entries.find(invoiceNumber, date)) !== undefined;
	}

	/** Nothing open on an invoice that exists: fine when it was booked (paid before), an error for a concept. */
	async requireBooked(invoiceNumber: string): Promise<void> {
		if (await this.isBooked(invoiceNumber)) return;
		throw inputError(
			this.ctx,
			`Invoice ${invoiceNumber} exists but was never booked into the ledger (a concept)`,
			{
				field: 'invoiceNumber',
				description:
					'A concept invoice has no open item to pay. Book it in e-Boekhouden first, then book its payment. Create Invoice books right away unless its option Book Into Ledger is off.',
			},
		);
	}
}
