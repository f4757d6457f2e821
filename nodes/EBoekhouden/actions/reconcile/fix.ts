import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ParsedDraft } from '../../../shared/draft.schema';
import type { LedgerRef } from '../../api/ids';
import { MUTATION_TYPE } from '../../api/mutations';
import { bookCashSaleOnce } from '../../booking/cashSale';
import { refuseCashSale } from '../../booking/cashSaleRefusal';
import { bookJournalEntryOnce } from '../../booking/journalEntry';
import { MutationIndex } from '../../booking/mutationIndex';
import { readLedgerRef, readTemplateRef } from '../shared/params';
import type { Difference } from './differences';
import type { DraftItem } from './input';
import { InvoiceBooker } from '../../booking/invoice';
import { invoiceInputFromDraft } from '../invoice/input';
import { invoiceRequest } from '../invoice/request';
import { BookedInvoices } from '../payment/bookedInvoices';
import { isBookable, paymentInputFromDraft } from '../payment/input';
import { Settler } from '../payment/settle';
import { relationFromDraft } from '../relation/fields';
import { RelationFinder } from '../relation/finder';
import { InvoiceIndex } from '../../booking/invoiceIndex';
import { OutstandingIndex } from '../../booking/outstandingIndex';
import { relationFoundAgain } from '../../booking/staleRelation';

export interface FixSettings {
	templateRef: string;
	debtorLedger?: LedgerRef;
}

/**
 * Books what Reconcile found missing or unpaid through the sync's own path: Find or Create Relation, Create Invoice
 * in the draft's Booking Mode (each looks the number up first; FACT_101, MUT_019 and MUTA_008 are "already there")
 * and Book Invoice Payment (books only what is open, each part under a checked payment reference). A second Fix, or
 * a sync running at the same time, books nothing again.
 */
export class Fixer {
	private readonly relations: RelationFinder;
	private readonly booker: InvoiceBooker;
	private readonly settler: Settler;
	private readonly journalEntries: MutationIndex;
	private readonly cashSales: MutationIndex;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly settings: FixSettings,
		dates: string[],
	) {
		const index = new InvoiceIndex(ctx);
		this.journalEntries = new MutationIndex(ctx, MUTATION_TYPE.invoiceSent);
		this.cashSales = new MutationIndex(ctx, MUTATION_TYPE.moneyReceived);
		this.relations = new RelationFinder(ctx);
		this.booker = new InvoiceBooker(ctx, index);
		this.settler = new Settler(
			ctx,
			new OutstandingIndex(ctx),
			async () => index,
			new BookedInvoices(ctx, dates),
		);
	}

	private async relationId(draft: ParsedDraft): Promise<number> {
		const found = await this.relations.findOrCreate(
			draft.relation.emailAddress,
			relationFromDraft(draft),
		);
		return found.relation.id;
	}

	/**
	 * Books for the draft's relation; one made inactive or merged away since it was found (e-Boekhouden refuses it) is
	 * found again by the draft's e-mail, once, as the sync does (booking/staleRelation.ts).
	 */
	private async forRelation<T>(
		draft: ParsedDraft,
		book: (relationId: number) => Promise<T>,
	): Promise<{ booked: T; relationId: number; warnings: string[] }> {
		const relationId = await this.relationId(draft);
		try {
			return { booked: await book(relationId), relationId, warnings: [] };
		} catch (error) {
			const again = await relationFoundAgain(this.ctx, this.relations, draft, relationId, error);
			return {
				booked: await book(again.relationId),
				relationId: again.relationId,
				warnings: [again.warning],
			};
		}
	}

	/** Relation, entry and (Journal Entry) payment of an order that is not in the books, in the draft's mode. */
	async book(draft: ParsedDraft): Promise<IDataObject> {
		if (draft.bookingMode === 'invoice') return await this.bookInvoice(draft);
		if (draft.bookingMode === 'cashSale') refuseCashSale(this.ctx, draft);
		const withRelation = draft.bookingMode === 'journalEntry' || draft.bookRelation;
		const bookEntry = async (relationId: number) => {
			const input = invoiceInputFromDraft(draft, relationId);
			return draft.bookingMode === 'cashSale'
				? await bookCashSaleOnce(this.ctx, input, {}, this.cashSales, this.journalEntries)
				: await bookJournalEntryOnce(
						this.ctx,
						input,
						{ debtorLedger: this.settings.debtorLedger },
						this.journalEntries,
					);
		};
		const { booked, relationId, warnings } = withRelation
			? await this.forRelation(draft, bookEntry)
			: { booked: await bookEntry(0), relationId: null, warnings: [] };
		const allWarnings = [...warnings, ...booked.warnings];
		return {
			entryCreated: booked.created,
			bookedAs: draft.bookingMode,
			relationId,
			...(allWarnings.length ? { warnings: allWarnings } : {}),
			...(draft.bookingMode === 'journalEntry' ? await this.pay(draft) : {}),
		};
	}

	private async bookInvoice(draft: ParsedDraft): Promise<IDataObject> {
		const { booked, relationId, warnings } = await this.forRelation(draft, async (relationId) => {
			const input = invoiceInputFromDraft(draft, relationId);
			return await this.booker.book(
				input,
				async () =>
					await invoiceRequest(this.ctx, input, {
						templateRef: this.settings.templateRef,
						debtorLedger: this.settings.debtorLedger,
						book: true,
					}),
			);
		});
		return {
			invoiceCreated: booked.created,
			relationId,
			...(warnings.length ? { warnings } : {}),
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

/** Books what Fix may book; the outcome goes onto the difference's item. */
export async function fixAll(
	ctx: IExecuteFunctions,
	differences: Difference[],
	drafts: DraftItem[],
): Promise<{ invoices: number; entries: number; payments: number; failed: number }> {
	const fixer = new Fixer(
		ctx,
		{ templateRef: readTemplateRef(ctx, 0), debtorLedger: readLedgerRef(ctx, 'debtorLedger', 0) },
		drafts.flatMap(({ draft }) => (draft ? [draft.invoice.date] : [])),
	);
	const done = { invoices: 0, entries: 0, payments: 0, failed: 0 };
	for (const difference of differences) {
		const draft =
			difference.itemIndex === undefined ? undefined : drafts[difference.itemIndex].draft;
		if (!difference.fixable || !draft) continue;
		try {
			const result =
				difference.status === 'missing' ? await fixer.book(draft) : await fixer.pay(draft);
			if (result.invoiceCreated === true) done.invoices++;
			if (result.entryCreated === true) done.entries++;
			if (result.paymentBooked === true) done.payments++;
			difference.facts.fixed = true;
			difference.facts.fix = result;
		} catch (error) {
			done.failed++;
			difference.facts.fixed = false;
			difference.facts.fixError = (error as Error).message;
		}
	}
	return done;
}
