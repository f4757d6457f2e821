import type { IExecuteFunctions } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';

import { parseDraft, type ParsedDraft } from '../../../shared/draft.schema';
import { inputError } from '../../api/inputError';
import { USE_JOURNAL, cashSaleRefusal } from '../../booking/cashSaleRefusal';
import type { Period } from './match';
import { shopOrderOf, type ShopOrder } from './shop';

/** One input item: its draft and the order to compare, or why it cannot be read. */
export interface DraftItem {
	itemIndex: number;
	draft?: ParsedDraft;
	/** Unset for a skipped draft (the sync does not book it) and for a repeat of an order already given. */
	order?: ShopOrder;
	error?: NodeOperationError;
	/** The invoice number an unreadable draft still names, so its invoice is not reported as not in the shop. */
	invoiceNumber?: string;
}

const isEmpty = (value: unknown) =>
	value === null ||
	value === undefined ||
	(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

function rawInvoiceNumber(value: unknown): string | undefined {
	const invoice = (value as { invoice?: { invoiceNumber?: unknown } } | null)?.invoice;
	return typeof invoice?.invoiceNumber === 'string' ? invoice.invoiceNumber : undefined;
}

/** Every draft of the input, read once; a draft that fails validation keeps its error, naming the order. */
export function readDrafts(ctx: IExecuteFunctions): DraftItem[] {
	const seen = new Set<string>();
	return ctx.getInputData().map((_, itemIndex) => {
		const value = ctx.getNodeParameter('draft', itemIndex);
		// An empty item (a node's "Always Output Data" when the period has no orders) is no order.
		if (isEmpty(value)) return { itemIndex };
		const result = parseDraft(value);
		if (!result.ok) {
			const error = inputError(ctx, result.message, {
				field: result.field,
				orderNumber: result.orderNumber,
				itemIndex,
				description: 'This order was not reconciled; the others were.',
			});
			return { itemIndex, error, invoiceNumber: rawInvoiceNumber(value) };
		}
		const { draft } = result;
		// The sync refuses such an order before booking anything; reporting it missing would ask Fix for the same.
		const refusal = cashSaleRefusal(draft);
		if (refusal) {
			const error = inputError(ctx, `${refusal}; it was not reconciled`, {
				field: 'payments',
				orderNumber: draft.orderNumber,
				itemIndex,
				description: USE_JOURNAL,
			});
			return { itemIndex, error, invoiceNumber: draft.invoice.invoiceNumber };
		}
		const repeat = seen.has(draft.invoice.invoiceNumber);
		seen.add(draft.invoice.invoiceNumber);
		if (draft.skipped || repeat) return { itemIndex, draft };
		return { itemIndex, draft, order: shopOrderOf(draft, itemIndex) };
	});
}

function day(ctx: IExecuteFunctions, name: string): string | undefined {
	const raw = String(ctx.getNodeParameter(name, 0, '') ?? '').trim();
	if (raw === '') return undefined;
	const date = raw.slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
		throw inputError(ctx, `${name} must be a date (yyyy-mm-dd), got "${raw}"`, { field: name });
	return date;
}

/** The period as set, each empty end taken from the drafts' invoice dates; undefined when neither gives one. */
export function readPeriod(ctx: IExecuteFunctions, orders: ShopOrder[]): Period | undefined {
	const dates = orders.map((order) => order.date).sort();
	const from = day(ctx, 'dateFrom') ?? dates[0];
	const to = day(ctx, 'dateTo') ?? dates[dates.length - 1];
	if (!from || !to) return undefined;
	if (from > to)
		throw inputError(ctx, `Date From (${from}) is after Date To (${to})`, { field: 'dateFrom' });
	return { from, to };
}
