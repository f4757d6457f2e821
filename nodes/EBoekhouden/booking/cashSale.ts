import { createHash } from 'node:crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { centsToEuros, eurosToCents, formatEuros, lineCents } from '../../shared/money';

import { resolveLedger } from '../api/ids';
import { asNodeError, inputError } from '../api/inputError';
import { MUTATION_DESCRIPTION_MAX_LENGTH, PAYMENT_REFERENCE_MAX_LENGTH, cut } from '../api/limits';
import { MUTATION_TYPE, createMutation } from '../api/mutations';
import { errorKind } from '../api/transport';
import { recordWrite, withKeyLock } from './keyLock';
import { InvoiceIndex } from './invoiceIndex';
import type { InvoiceInput } from '../actions/invoice/input';
import { requireRelation } from './journalEntry';
import { USE_JOURNAL } from './cashSaleRefusal';
import { MutationIndex } from './mutationIndex';

export interface BookedCashSale {
	entry: IDataObject & { id?: number; invoiceNumber: string; relationId: number | null };
	created: boolean;
	warnings: string[];
}

const REFERENCE_PREFIX = 'MWW-cash-';

/**
 * The payment reference (betalingskenmerk) that makes e-Boekhouden refuse a second booking of the sale (MUTA_008,
 * docs/api-notes.md §6.6). It holds at most 50 characters; a longer invoice number keeps its start and gets a hash of
 * the whole, so two long numbers never share a reference.
 */
export function cashSaleReference(invoiceNumber: string): string {
	const plain = `${REFERENCE_PREFIX}${invoiceNumber}`;
	if (plain.length <= PAYMENT_REFERENCE_MAX_LENGTH) return plain;
	const digest = createHash('sha256').update(invoiceNumber).digest('hex').slice(0, 12);
	const room = PAYMENT_REFERENCE_MAX_LENGTH - REFERENCE_PREFIX.length - digest.length - 1;
	return `${REFERENCE_PREFIX}${invoiceNumber.slice(0, room)}-${digest}`;
}

/** The FIN ledger the money came in on: a type 5 takes no other (MUT_009, docs/api-notes.md §6.6). */
async function paymentLedgerId(ctx: IExecuteFunctions, input: InvoiceInput): Promise<number> {
	const code = input.payment?.ledgerCode ?? '';
	const ledger = await resolveLedger(ctx, { code }, 'payments[0].ledgerCode');
	if (ledger.category && ledger.category !== 'FIN') {
		throw inputError(
			ctx,
			`Order ${input.orderNumber}: ledger ${ledger.code} is not a bank or payment-provider ledger (FIN); it is ${ledger.category}`,
			{ field: 'payments[0].ledgerCode', orderNumber: input.orderNumber, description: USE_JOURNAL },
		);
	}
	return ledger.id;
}

/**
 * `POST /v1/mutation` type 5 body (docs/api-notes.md §6.6): the sale's rows per line on the payment ledger. A credit
 * order is the same entry with negative rows: a type 6 ("Geld uitgegeven") takes purchase VAT codes only (MUT_110),
 * which would book a customer's refund as input VAT; negative sales rows lower the turnover and its VAT instead.
 */
export async function cashSaleRequest(
	ctx: IExecuteFunctions,
	input: InvoiceInput,
	settings: { costCenterId?: number },
): Promise<IDataObject> {
	requireRelation(ctx, input);
	const rows: IDataObject[] = [];
	let totalCents = 0;
	for (const [index, line] of input.lines.entries()) {
		const cents = lineCents(line.quantity, line.pricePerUnit);
		totalCents += cents;
		const costCenterId = line.costCenterId ?? settings.costCenterId;
		rows.push({
			ledgerId: (await resolveLedger(ctx, line.ledger, `items[${index}].ledgerCode`)).id,
			vatCode: line.vatCode,
			amount: centsToEuros(cents),
			description: line.description,
			...(costCenterId !== undefined ? { costCenterId } : {}),
		});
	}
	const paidCents = eurosToCents(input.payment?.amount ?? 0);
	if (input.inExVat === 'IN' && paidCents !== totalCents) {
		throw inputError(
			ctx,
			`Order ${input.orderNumber}: the lines add up to ${formatEuros(totalCents)} but ${formatEuros(paidCents)} was paid`,
			{ field: 'payments[0].amount', orderNumber: input.orderNumber, description: USE_JOURNAL },
		);
	}
	const description =
		input.reference || input.invoiceNumber || `Order ${input.orderNumber ?? ''}`.trim();
	return {
		type: MUTATION_TYPE.moneyReceived,
		date: input.date,
		ledgerId: await paymentLedgerId(ctx, input),
		...(input.bookRelation === false ? {} : { relationId: input.relationId }),
		invoiceNumber: input.invoiceNumber,
		paymentReference: cashSaleReference(input.invoiceNumber),
		checkPaymentReference: true,
		inExVat: input.inExVat,
		description: cut(description, MUTATION_DESCRIPTION_MAX_LENGTH),
		rows,
	};
}

/**
 * Books the paid order as one type 5 mutation ("Geld ontvangen") at most once: look for a type 5 with its invoice
 * number first, under the same lock as an invoice with that number, and read MUTA_008 (its payment reference is
 * taken) as "already booked" — the answer a second process racing us gets, and our own repeat after a lost answer.
 * An order booked before in another mode (a sales invoice or a Journal Entry: both are a type 2 mutation with its
 * invoice number, docs/api-notes.md §6.6) is in the books already, and a type 5 would count the sale twice.
 */
export async function bookCashSaleOnce(
	ctx: IExecuteFunctions,
	input: InvoiceInput,
	settings: { costCenterId?: number },
	index = new MutationIndex(ctx, MUTATION_TYPE.moneyReceived),
	soldBefore = new MutationIndex(ctx, MUTATION_TYPE.invoiceSent),
): Promise<BookedCashSale> {
	const key = InvoiceIndex.writeKey(ctx, input.invoiceNumber);
	const base = {
		invoiceNumber: input.invoiceNumber,
		relationId: input.bookRelation === false ? null : input.relationId,
		date: input.date,
		paymentReference: cashSaleReference(input.invoiceNumber),
	};
	const alreadyThere = (found: IDataObject | undefined): BookedCashSale => ({
		entry: { ...base, ...(found ?? {}), id: found?.id as number },
		created: false,
		warnings: found
			? []
			: [
					`Payment reference ${base.paymentReference} is already in use in e-Boekhouden (MUTA_008), but not by a cash sale with invoice number ${input.invoiceNumber}; nothing was booked.`,
				],
	});
	return await withKeyLock(key, async () => {
		const existing = await index.find(input.invoiceNumber, input.date);
		if (existing) return alreadyThere(existing);
		const sale = await soldBefore.find(input.invoiceNumber, input.date);
		if (sale)
			return {
				entry: { ...base, id: sale.id, type: sale.type },
				created: false,
				warnings: [
					`Invoice number ${input.invoiceNumber} is booked already as a sales invoice or journal entry (mutation ${sale.id}), before Booking Mode was Cash Sale; it was not booked again.`,
				],
			};
		const body = await cashSaleRequest(ctx, input, settings);
		try {
			const created = await createMutation(ctx, body);
			recordWrite(key);
			await index.remember({ ...base, id: created.id, type: MUTATION_TYPE.moneyReceived });
			return { entry: { ...base, id: created.id }, created: true, warnings: [] };
		} catch (error) {
			if (errorKind(error) !== 'alreadyBooked') throw asNodeError(ctx, error);
			recordWrite(key);
			return alreadyThere(await index.find(input.invoiceNumber));
		}
	});
}
