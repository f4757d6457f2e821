import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { centsToEuros, lineCents } from '../../shared/money';

import { resolveLedgerId, type LedgerRef } from '../api/ids';
import { asNodeError, inputError } from '../api/inputError';
import { MUTATION_DESCRIPTION_MAX_LENGTH, cut } from '../api/limits';
import { MUTATION_TYPE, createMutation } from '../api/mutations';
import { errorKind } from '../api/transport';
import { recordWrite, withKeyLock } from './keyLock';
import { InvoiceIndex } from './invoiceIndex';
import type { InvoiceInput } from '../actions/invoice/input';
import { debtorLedgerId } from '../actions/invoice/request';
import { MutationIndex } from './mutationIndex';

export interface JournalSettings {
	debtorLedger?: LedgerRef;
	costCenterId?: number;
}

export interface BookedJournalEntry {
	entry: IDataObject & { id?: number; invoiceNumber: string; relationId: number };
	created: boolean;
	warnings: string[];
}

/** A booked order skips Find or Create's relation step; one still to be booked needs the relation it gives. */
export function requireRelation(ctx: IExecuteFunctions, input: InvoiceInput): void {
	if (input.bookRelation === false || input.relationId > 0) return;
	throw inputError(
		ctx,
		`Order ${input.orderNumber ?? input.invoiceNumber} has no relation to book on`,
		{
			field: 'relation',
			orderNumber: input.orderNumber,
			description:
				'Pass the relation ID from Find or Create Relation (e.g. {{ $json.id }}); it is empty only for an order booked before.',
		},
	);
}

/** `POST /v1/mutation` type 2 body (docs/api-notes.md, e-Boekhouden §6.6): the open item on the debtor ledger, a row per line. */
export async function journalEntryRequest(
	ctx: IExecuteFunctions,
	input: InvoiceInput,
	settings: JournalSettings,
): Promise<IDataObject> {
	requireRelation(ctx, input);
	const rows: IDataObject[] = [];
	for (const [index, line] of input.lines.entries()) {
		const costCenterId = line.costCenterId ?? settings.costCenterId;
		rows.push({
			ledgerId: await resolveLedgerId(ctx, line.ledger, `items[${index}].ledgerCode`),
			vatCode: line.vatCode,
			amount: centsToEuros(lineCents(line.quantity, line.pricePerUnit)),
			description: line.description,
			...(costCenterId !== undefined ? { costCenterId } : {}),
		});
	}
	const description =
		input.reference || input.invoiceNumber || `Order ${input.orderNumber ?? ''}`.trim();
	return {
		type: MUTATION_TYPE.invoiceSent,
		date: input.date,
		ledgerId: await debtorLedgerId(ctx, settings.debtorLedger),
		relationId: input.relationId,
		invoiceNumber: input.invoiceNumber,
		termOfPayment: input.termOfPayment,
		inExVat: input.inExVat,
		description: cut(description, MUTATION_DESCRIPTION_MAX_LENGTH),
		rows,
	};
}

/**
 * Books the draft's sale as one type 2 mutation ("Factuur verstuurd") at most once per invoice number: look for it
 * first, hold the same lock as an invoice with that number, and read MUT_019 ("invoice number in use") as "already
 * booked" — the answer a second process racing us gets, and our own repeat after a lost answer (createMutation
 * sends a type 2 with an invoice number again; docs/api-notes.md, e-Boekhouden §6.6).
 */
export async function bookJournalEntryOnce(
	ctx: IExecuteFunctions,
	input: InvoiceInput,
	settings: JournalSettings,
	index = new MutationIndex(ctx, MUTATION_TYPE.invoiceSent),
): Promise<BookedJournalEntry> {
	const key = InvoiceIndex.writeKey(ctx, input.invoiceNumber);
	const base = {
		invoiceNumber: input.invoiceNumber,
		relationId: input.relationId,
		date: input.date,
	};
	// A mutation listing item has no relation (only id, type, date, invoiceNumber, ledgerId, amount, entryNumber), so an entry found is
	// reported with the relation given; reading each one back by id would cost a call per order on every re-run.
	const alreadyThere = (found: IDataObject | undefined): BookedJournalEntry => ({
		entry: { ...base, ...(found ?? {}), id: found?.id as number },
		created: false,
		warnings: found
			? []
			: [
					`Invoice number ${input.invoiceNumber} is already in use in e-Boekhouden (MUT_019), but not by a journal entry; nothing was booked.`,
				],
	});
	return await withKeyLock(key, async () => {
		const existing = await index.find(input.invoiceNumber, input.date);
		if (existing) return alreadyThere(existing);
		const body = await journalEntryRequest(ctx, input, settings);
		try {
			const created = await createMutation(ctx, body);
			recordWrite(key);
			await index.remember({ ...base, id: created.id, type: MUTATION_TYPE.invoiceSent });
			return { entry: { ...base, id: created.id }, created: true, warnings: [] };
		} catch (error) {
			if (errorKind(error) !== 'alreadyBooked') throw asNodeError(ctx, error);
			recordWrite(key);
			return alreadyThere(await index.find(input.invoiceNumber));
		}
	});
}
