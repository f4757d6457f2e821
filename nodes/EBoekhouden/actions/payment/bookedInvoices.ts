import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../api/inputError';
import { MUTATION_TYPE, searchMutationPages, searchMutations } from '../../api/mutations';
import { BULK_MAX_ITEMS, BULK_THRESHOLD_ITEMS } from '../shared/invoiceIndex';

/**
 * Whether a sales invoice was booked into the ledger, i.e. has its type-2 mutation. Asked only when nothing is
 * open on an invoice: a concept (created without `mutation`, docs/api-notes.md, e-Boekhouden §6.2) has no open item either, and must
 * not pass for paid. A batch lists the type-2 mutations of its dates once, on the first question; an invoice not
 * in that listing is asked for by number, so "never booked" always comes from e-Boekhouden itself.
 */
export class BookedInvoices {
	private readonly booked = new Set<string>();
	private listing?: Promise<void>;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly dates: string[],
	) {}

	private async list(): Promise<void> {
		const sorted = this.dates.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).sort();
		if (sorted.length < BULK_THRESHOLD_ITEMS) return;
		const page = await searchMutationPages(
			this.ctx,
			{
				type: MUTATION_TYPE.invoiceSent,
				'date[range]': `${sorted[0]},${sorted[sorted.length - 1]}`,
			},
			{ max: BULK_MAX_ITEMS },
		);
		for (const mutation of page.items)
			if (mutation.invoiceNumber) this.booked.add(mutation.invoiceNumber);
	}

	/** Whether e-Boekhouden holds a type-2 mutation with this invoice number. */
	async isBooked(invoiceNumber: string): Promise<boolean> {
		// A failed listing only costs the single look-up below, which reports its own failure.
		this.listing ??= this.list().catch(() => undefined);
		await this.listing;
		if (this.booked.has(invoiceNumber)) return true;
		const found = await searchMutations(
			this.ctx,
			{ type: MUTATION_TYPE.invoiceSent, invoiceNumber },
			{ max: 1 },
		);
		if (found.length) this.booked.add(invoiceNumber);
		return found.length > 0;
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
