import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ParsedDraft } from '../../../shared/draft.schema';
import type { LedgerRef } from '../../api/ids';
import { InvoiceBooker } from '../invoice/booker';
import { invoiceInputFromDraft } from '../invoice/input';
import { invoiceRequest } from '../invoice/request';
import { BookedInvoices } from '../payment/bookedInvoices';
import { isBookable, paymentInputFromDraft } from '../payment/input';
import { Settler } from '../payment/settle';
import { relationFromDraft } from '../relation/fields';
import { RelationFinder } from '../relation/finder';
import { InvoiceIndex } from '../shared/invoiceIndex';
import { OutstandingIndex } from '../shared/outstandingIndex';

export interface FixSettings {
	templateRef: string;
	debtorLedger?: LedgerRef;
}

/**
 * Books what Reconcile found missing or unpaid through the sync's own path: Find or Create Relation, Create Invoice
 * (looks the number up first, FACT_101 is "already there") and Book Invoice Payment (books only what is open, each
 * part under a checked payment reference). A second Fix, or a sync running at the same time, books nothing again.
 */
export class Fixer {
	private readonly relations: RelationFinder;
	private readonly booker: InvoiceBooker;
	private readonly settler: Settler;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly settings: FixSettings,
		dates: string[],
	) {
		const index = new InvoiceIndex(ctx);
		this.relations = new RelationFinder(ctx);
		this.booker = new InvoiceBooker(ctx, index);
		this.settler = new Settler(
			ctx,
			new OutstandingIndex(ctx),
			async () => index,
			new BookedInvoices(ctx, dates),
		);
	}

	/** Relation, invoice and payment of an order that is not in the books. */
	async book(draft: ParsedDraft): Promise<IDataObject> {
		const found = await this.relations.findOrCreate(
			draft.relation.emailAddress,
			relationFromDraft(draft),
		);
		const input = invoiceInputFromDraft(draft, found.relation.id);
		const booked = await this.booker.book(
			input,
			async () =>
				await invoiceRequest(this.ctx, input, {
					templateRef: this.settings.templateRef,
					debtorLedger: this.settings.debtorLedger,
					book: true,
				}),
		);
		return {
			invoiceCreated: booked.created,
			relationId: found.relation.id,
			...(await this.pay(draft)),
		};
	}

	/** The payment of an invoice that is booked, as far as it is still open. */
	async pay(draft: ParsedDraft): Promise<IDataObject> {
		const input = paymentInputFromDraft(draft, { debtorLedger: this.settings.debtorLedger });
		if (!isBookable(input)) return { paymentBooked: false };
		const settled = await this.settler.settle(input, 'payment');
		return { paymentBooked: settled.booked === true, paidAmount: settled.amount ?? 0 };
	}
}
