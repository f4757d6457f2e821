import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveLedger, resolveLedgerId, resolveTemplateId, type LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import { INVOICE_MAX_LENGTH, cut } from '../../api/limits';
import type { InvoiceInput } from './input';

export interface InvoiceSettings {
	templateRef: string;
	debtorLedger?: LedgerRef;
	/** Book into the ledger (an open item that can be paid); off makes a concept invoice. */
	book: boolean;
	costCenterId?: number;
}

/** The debtor ledger must be of category DEB, or e-Boekhouden refuses the booking (MUT_011). */
export async function debtorLedgerId(
	ctx: IExecuteFunctions,
	ref: LedgerRef | undefined,
): Promise<number> {
	const ledger = await resolveLedger(ctx, ref ?? { code: '1300' }, 'debtorLedger');
	if (ledger.category && ledger.category !== 'DEB') {
		throw inputError(
			ctx,
			`Ledger ${ledger.code} is not a debtors ledger (category ${ledger.category})`,
			{
				field: 'debtorLedger',
				description: 'Invoices are booked on a Debiteuren ledger (category DEB), e.g. 1300.',
			},
		);
	}
	return ledger.id;
}

/** `POST /v1/invoice` body (docs/api-notes.md, e-Boekhouden §6.2): ledger codes resolved to ids, text cut to the maximum lengths. */
export async function invoiceRequest(
	ctx: IExecuteFunctions,
	input: InvoiceInput,
	settings: InvoiceSettings,
): Promise<IDataObject> {
	const items: IDataObject[] = [];
	for (const [index, line] of input.lines.entries()) {
		const costCenterId = line.costCenterId ?? settings.costCenterId;
		items.push({
			description: cut(line.description, INVOICE_MAX_LENGTH.itemDescription),
			quantity: line.quantity,
			pricePerUnit: line.pricePerUnit,
			vatCode: line.vatCode,
			ledgerId: await resolveLedgerId(ctx, line.ledger, `items[${index}].ledgerCode`),
			...(costCenterId !== undefined ? { costCenterId } : {}),
		});
	}
	const body: IDataObject = {
		relationId: input.relationId,
		templateId: await resolveTemplateId(ctx, settings.templateRef),
		date: input.date,
		termOfPayment: input.termOfPayment,
		inExVat: input.inExVat,
		items,
	};
	if (input.invoiceNumber) body.invoiceNumber = input.invoiceNumber;
	if (input.reference) body.reference = cut(input.reference, INVOICE_MAX_LENGTH.reference);
	if (input.text) body.text = cut(input.text, INVOICE_MAX_LENGTH.text);
	if (settings.book) {
		const description =
			input.reference || input.invoiceNumber || `Order ${input.orderNumber ?? ''}`.trim();
		body.mutation = {
			ledgerId: await debtorLedgerId(ctx, settings.debtorLedger),
			description: cut(description, INVOICE_MAX_LENGTH.mutationDescription),
		};
	}
	return body;
}
