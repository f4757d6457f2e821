import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InvoiceListItem } from '../../api/schemas';
import type { InvoiceIndex } from '../../booking/invoiceIndex';
import { eurosToCents, formatEuros } from '../../../shared/money';
import type { InvoiceInput } from './input';

/**
 * e-Boekhouden computes VAT itself, per VAT code over the invoice (docs/api-notes.md, e-Boekhouden §6.2, §9.11); the draft's total is the
 * shop's. A difference means a line or rate was mapped differently and the bookkeeper should look.
 */
export function totalsWarning(
	invoiceNumber: string,
	expectedCents: number,
	computedCents: number,
): string | undefined {
	const difference = computedCents - expectedCents;
	if (difference === 0) return undefined;
	return (
		`e-Boekhouden computed a total of ${formatEuros(computedCents)} for invoice ${invoiceNumber}; ` +
		`the draft says ${formatEuros(expectedCents)} (difference ${formatEuros(difference)}).`
	);
}

/** Copies the totals e-Boekhouden computed onto an output item. */
export function withTotals(json: IDataObject, listed: InvoiceListItem | undefined): void {
	if (!listed) return;
	for (const key of ['totalExcl', 'vatAmount', 'totalAmount'] as const) {
		if (listed[key] !== undefined && listed[key] !== null) json[key] = listed[key];
	}
	if (json.id === undefined) json.id = listed.id;
	if (json.relationId === undefined && listed.relationId !== undefined)
		json.relationId = listed.relationId;
	if (json.date === undefined && listed.date) json.date = listed.date;
}

export interface Written {
	json: IDataObject;
	input: InvoiceInput;
}

/** Reads back what e-Boekhouden computed (one listing for a batch) and warns where it differs from the draft. */
export async function addTotals(
	ctx: IExecuteFunctions,
	index: InvoiceIndex,
	written: Written[],
): Promise<void> {
	const missing = written.filter(({ json }) => json.totalAmount === undefined);
	const wanted = missing.map(({ input }) => ({
		invoiceNumber: input.invoiceNumber,
		date: input.date,
	}));
	const hints: string[] = [];
	let listed = new Map<string, InvoiceListItem>();
	try {
		listed = await index.refresh(wanted.filter((invoice) => invoice.invoiceNumber !== ''));
	} catch (error) {
		// The invoices are made; failing the node now would hide that. Say it instead.
		hints.push(
			`The invoices were created, but their totals could not be read back: ${(error as Error).message}`,
		);
	}
	for (const { json, input } of written) {
		if (json.totalAmount === undefined) withTotals(json, listed.get(input.invoiceNumber));
		const warnings = (json.warnings as string[] | undefined) ?? [];
		const computed = json.totalAmount;
		if (input.expectedTotalCents !== undefined && typeof computed === 'number') {
			const warning = totalsWarning(
				String(json.invoiceNumber),
				input.expectedTotalCents,
				eurosToCents(computed),
			);
			if (warning) warnings.push(warning);
		}
		if (warnings.length) json.warnings = warnings;
		hints.push(...warnings);
	}
	if (hints.length)
		ctx.addExecutionHints({ message: hints.join(' '), type: 'warning', location: 'outputPane' });
}
