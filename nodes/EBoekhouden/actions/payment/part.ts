import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { centsToEuros, eurosToCents, formatEuros } from '../../../shared/money';
import { MUTATION_DESCRIPTION_MAX_LENGTH, cut } from '../../api/limits';
import { createMutationOnce } from '../../api/mutations';
import type { OutstandingItem } from '../../api/schemas';
import type { OutstandingIndex } from '../../booking/outstandingIndex';
import type { PaymentInput, PaymentPart } from './input';
import { MEMORIAL, mutationTypeFor, partLedger, type ResolvedLedger } from './ledgers';
import { partReference, paymentReference } from './reference';

/** The invoice's open item while its parts are booked one after the other. */
export interface OpenState {
	open: OutstandingItem;
	/** What is still open, signed (negative for a credit invoice). */
	openCents: number;
	isCredit: boolean;
	debtor: ResolvedLedger;
}

function describe(input: PaymentInput, part: PaymentPart, isCredit: boolean): string {
	const word = isCredit ? 'Terugbetaling' : part.kind === 'giftCard' ? 'Cadeaubon' : 'Betaling';
	return cut(
		input.description || `${word} ${input.invoiceNumber}`,
		MUTATION_DESCRIPTION_MAX_LENGTH,
	);
}

/**
 * Books one part of an invoice's payment, never more than is open. A payment is mutation type 3 on a FIN ledger
 * with the invoice number and relation on the row as the live API demands (MUT_120/MUT_112); a part settled against
 * a balance ledger is a memorial (type 7) with the same row. Its payment reference is checked (MUTA_008).
 */
export class PartBooker {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly outstanding: OutstandingIndex,
	) {}

	async book(input: PaymentInput, part: PaymentPart, state: OpenState): Promise<IDataObject> {
		const head = {
			date: part.date,
			kind: part.kind,
			...(part.method ? { method: part.method } : {}),
		};
		if (!part.paymentLedger) {
			return {
				...head,
				amount: 0,
				booked: false,
				skipped: true,
				reason: input.paymentNotes ?? 'No ledger in the draft: nothing to book for this part.',
			};
		}
		const openBefore = state.openCents;
		const openAbs = Math.abs(openBefore);
		if (openAbs === 0) return { ...head, amount: 0, booked: false, alreadyPaid: true };
		const warnings: string[] = [];
		const wanted = part.amountCents ?? openAbs;
		if (wanted > openAbs) {
			warnings.push(
				`Only ${formatEuros(openAbs)} was still open on ${input.invoiceNumber}; booked that.`,
			);
		}
		const bookedCents = Math.min(wanted, openAbs) * (state.isCredit ? -1 : 1);
		const ledger = await partLedger(this.ctx, part.paymentLedger);
		const type = mutationTypeFor(ledger);
		const description = describe(input, part, state.isCredit);
		const amount = centsToEuros(bookedCents);
		const reference = part.reference
			? partReference(input.invoiceNumber, state.isCredit, part.reference)
			: paymentReference(
					input.invoiceNumber,
					state.isCredit,
					eurosToCents(state.open.totalAmount) - openBefore,
				);
		const { relationId } = state.open;
		const row = {
			ledgerId: state.debtor.id,
			vatCode: 'GEEN',
			amount,
			invoiceNumber: input.invoiceNumber,
			relationId,
			description,
		};
		const body: IDataObject = {
			type,
			date: part.date,
			ledgerId: ledger.id,
			relationId,
			// A memorial names the invoice on its debtor row only.
			...(type === MEMORIAL ? {} : { invoiceNumber: input.invoiceNumber }),
			description,
			inExVat: 'EX',
			rows: [row],
		};
		const created = await createMutationOnce(this.ctx, body, reference);
		if (!created) return await this.bookedElsewhere(input, head, state, reference);
		state.openCents = openBefore - bookedCents;
		return {
			id: created.id,
			type,
			...head,
			amount,
			ledgerId: ledger.id,
			ledgerCode: ledger.code,
			paymentReference: reference,
			booked: true,
			alreadyPaid: false,
			refund: state.isCredit,
			outstandingBefore: centsToEuros(openBefore),
			outstandingAfter: centsToEuros(state.openCents),
			...(warnings.length ? { warnings } : {}),
		};
	}

	/** MUTA_008: this part was booked before (a re-run, or another process after our read). Read what is open now. */
	private async bookedElsewhere(
		input: PaymentInput,
		head: IDataObject,
		state: OpenState,
		reference: string,
	): Promise<IDataObject> {
		const open = await this.outstanding.reread(input.invoiceNumber);
		const openCents = open ? eurosToCents(open.outstandingAmount) : 0;
		state.openCents = openCents;
		const warning = `A payment with reference "${reference}" was booked before; ${formatEuros(Math.abs(openCents))} is still open on ${input.invoiceNumber}.`;
		return {
			...head,
			amount: 0,
			booked: false,
			alreadyPaid: true,
			paymentReference: reference,
			outstandingBefore: centsToEuros(openCents),
			outstandingAfter: centsToEuros(openCents),
			...(openCents === 0 ? {} : { warnings: [warning] }),
		};
	}
}
