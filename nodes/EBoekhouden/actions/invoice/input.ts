import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	SALES_VAT_CODES,
	invoiceNumberSchema,
	type ParsedDraft,
} from '../../../shared/draft.schema';
import { eurosToCents, formatEuros, lineCents } from '../../../shared/money';
import type { LedgerRef } from '../../api/ids';
import { inputError } from '../../api/inputError';
import { givenNumber, namingOrder, readDate, readDraft, readId } from '../shared/params';

/** One invoice as the user or the draft describes it, checked before any request is made. */
export interface InvoiceLine {
	description: string;
	quantity: number;
	pricePerUnit: number;
	vatCode: string;
	ledger: LedgerRef;
	costCenterId?: number;
}

export interface InvoiceInput {
	orderNumber?: string;
	relationId: number;
	/** Empty: e-Boekhouden numbers the invoice (and nothing guards against a second one). */
	invoiceNumber: string;
	date: string;
	termOfPayment: number;
	inExVat: 'IN' | 'EX';
	reference: string;
	text: string;
	lines: InvoiceLine[];
	/** The draft's own total including VAT, to compare with what e-Boekhouden computes. */
	expectedTotalCents?: number;
	kind: 'invoice' | 'credit';
	/** Why the draft is not to be booked (set by the mapping), if so. */
	skipped?: string;
	/** How a draft is booked; an invoice made by hand is an invoice. */
	bookingMode?: ParsedDraft['bookingMode'];
	/** Cash Sale: false books the sale without a relation. */
	bookRelation?: boolean;
	/** Cash Sale: the order's one payment, whose ledger the sale is booked on. */
	payment?: ParsedDraft['payments'][number];
}

/** A draft's invoice as Create Invoice books it (also used by Reconcile's Fix, so both book the same invoice). */
export function invoiceInputFromDraft(draft: ParsedDraft, relationId: number): InvoiceInput {
	const { invoice } = draft;
	return {
		orderNumber: draft.orderNumber,
		relationId,
		invoiceNumber: invoice.invoiceNumber,
		date: invoice.date,
		termOfPayment: invoice.termOfPayment,
		inExVat: invoice.inExVat,
		reference: invoice.reference,
		text: invoice.text,
		lines: invoice.items.map((item) => ({
			description: item.description,
			quantity: item.quantity,
			pricePerUnit: item.pricePerUnit,
			vatCode: item.vatCode,
			ledger: { code: item.ledgerCode },
			costCenterId: item.costCenterId ?? undefined,
		})),
		expectedTotalCents:
			draft.totals?.amountInclVat === undefined
				? undefined
				: eurosToCents(draft.totals.amountInclVat),
		kind: draft.kind,
		skipped: draft.skipped?.reason,
		bookingMode: draft.bookingMode,
		bookRelation: draft.bookRelation,
		payment: draft.payments[0],
	};
}

function optionalRelationId(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('relation', itemIndex, '') as IDataObject | string | null;
	const value = String((typeof raw === 'object' && raw !== null ? raw.value : raw) ?? '').trim();
	if (value === '' || value === 'null' || value === 'undefined') return 0;
	return readId(ctx, 'relation', itemIndex, true) as number;
}

function relationIdFor(ctx: IExecuteFunctions, draft: ParsedDraft, itemIndex: number): number {
	if (draft.bookingMode === 'invoice') return readId(ctx, 'relation', itemIndex, true) as number;
	// A mutation-booked order may come without a relation: a Cash Sale without relations, or an order Find or Create
	// saw booked already. The booking asks for it only when it has to write.
	if (draft.bookingMode === 'cashSale' && !draft.bookRelation) return 0;
	return optionalRelationId(ctx, itemIndex);
}

/**
 * Lines including VAT are booked as they are, so they must add up to the draft's total, as the mapping makes them: a
 * line edited by hand (a Set or Code node) without its total would book an amount the order never had, and its
 * payment would then settle only part of it or more than is open.
 */
function checkLinesAddUp(ctx: IExecuteFunctions, input: InvoiceInput, itemIndex: number): void {
	if (input.skipped || input.inExVat !== 'IN' || input.expectedTotalCents === undefined) return;
	const linesCents = input.lines.reduce(
		(sum, line) => sum + lineCents(line.quantity, line.pricePerUnit),
		0,
	);
	if (linesCents === input.expectedTotalCents) return;
	throw inputError(
		ctx,
		`Order ${input.orderNumber}: the lines add up to ${formatEuros(linesCents)} including VAT, but the draft's total is ${formatEuros(input.expectedTotalCents)}`,
		{
			field: 'totals.amountInclVat',
			orderNumber: input.orderNumber,
			itemIndex,
			description:
				'A line or the total was changed after Order to Invoice. Correct the lines (invoice.items) or the total (totals.amountInclVat) so they agree; nothing was booked for this order.',
		},
	);
}

function fromDraft(ctx: IExecuteFunctions, itemIndex: number): InvoiceInput {
	const draft = readDraft(ctx, itemIndex);
	let relationId: number;
	try {
		relationId = relationIdFor(ctx, draft, itemIndex);
	} catch (error) {
		throw namingOrder(ctx, draft.orderNumber, error);
	}
	const input = invoiceInputFromDraft(draft, relationId);
	checkLinesAddUp(ctx, input, itemIndex);
	return input;
}

/** A line's quantity or price as a number (givenNumber); `fallback` when left empty. */
function lineNumber(
	ctx: IExecuteFunctions,
	line: IDataObject,
	name: 'quantity' | 'pricePerUnit',
	fallback: number,
	index: number,
	itemIndex: number,
): number {
	const raw = line[name];
	const value = givenNumber(raw);
	if (value === undefined) return fallback;
	if (Number.isFinite(value)) return value;
	throw inputError(ctx, `Line ${index + 1}: ${name} "${String(raw)}" is not a number`, {
		field: `items[${index}].${name}`,
		itemIndex,
		description: 'Write decimals with a point, e.g. 12.50 (not 12,50).',
	});
}

function checkedLine(
	ctx: IExecuteFunctions,
	line: IDataObject,
	index: number,
	itemIndex: number,
): InvoiceLine {
	const field = (name: string) => `items[${index}].${name}`;
	const vatCode = String(line.vatCode ?? '');
	if (!(SALES_VAT_CODES as readonly string[]).includes(vatCode)) {
		throw inputError(
			ctx,
			`Line ${index + 1}: "${vatCode}" is not a sales VAT code of e-Boekhouden`,
			{
				field: field('vatCode'),
				itemIndex,
				description: `Use one of ${SALES_VAT_CODES.join(', ')}.`,
			},
		);
	}
	const description = String(line.description ?? '').trim();
	if (description === '')
		throw inputError(ctx, `Line ${index + 1} has no description`, {
			field: field('description'),
			itemIndex,
		});
	const ledgerCode = String(line.ledgerCode ?? '').trim();
	if (ledgerCode === '')
		throw inputError(ctx, `Line ${index + 1} has no ledger`, {
			field: field('ledgerCode'),
			itemIndex,
		});
	const costCenter = String(line.costCenterId ?? '').trim();
	return {
		description,
		quantity: lineNumber(ctx, line, 'quantity', 1, index, itemIndex),
		pricePerUnit: lineNumber(ctx, line, 'pricePerUnit', 0, index, itemIndex),
		vatCode,
		ledger: { code: ledgerCode },
		costCenterId: /^\d+$/.test(costCenter) ? Number(costCenter) : undefined,
	};
}

function byHand(ctx: IExecuteFunctions, itemIndex: number): InvoiceInput {
	const invoiceNumber = String(ctx.getNodeParameter('invoiceNumber', itemIndex, '')).trim();
	if (invoiceNumber !== '') {
		const checked = invoiceNumberSchema.safeParse(invoiceNumber);
		if (!checked.success) {
			const problem = checked.error.issues[0].message;
			throw inputError(ctx, `Invoice number "${invoiceNumber}" ${problem}`, {
				field: 'invoiceNumber',
				itemIndex,
			});
		}
	}
	const lines = ((ctx.getNodeParameter('items', itemIndex, {}) as IDataObject).item ??
		[]) as IDataObject[];
	if (lines.length === 0)
		throw inputError(ctx, 'The invoice has no lines', { field: 'items', itemIndex });
	return {
		relationId: readId(ctx, 'relation', itemIndex, true) as number,
		invoiceNumber,
		date: readDate(ctx, 'date', itemIndex),
		termOfPayment: Number(ctx.getNodeParameter('termOfPayment', itemIndex, 14)),
		inExVat: ctx.getNodeParameter('inExVat', itemIndex, 'IN') === 'EX' ? 'EX' : 'IN',
		reference: String(ctx.getNodeParameter('reference', itemIndex, '')),
		text: String(ctx.getNodeParameter('text', itemIndex, '')),
		lines: lines.map((line, index) => checkedLine(ctx, line, index, itemIndex)),
		kind: 'invoice',
	};
}

export function readInvoiceInput(ctx: IExecuteFunctions, itemIndex: number): InvoiceInput {
	return ctx.getNodeParameter('inputMode', itemIndex) === 'draft'
		? fromDraft(ctx, itemIndex)
		: byHand(ctx, itemIndex);
}
