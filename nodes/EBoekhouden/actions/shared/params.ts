import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { parseDraft, type ParsedDraft } from '../../../shared/draft.schema';
import type { LedgerRef } from '../../api/ids';
import { asNodeError, inputError } from '../../api/inputError';
import { refuseCashSale } from '../../booking/cashSaleRefusal';
import { UNSUPPORTED_MODE_HINT, unsupportedBookingMode } from '../../booking/mode';

/** Reads node parameters into plain, checked values; every problem names the parameter. */

export function readDraft(ctx: IExecuteFunctions, itemIndex: number): ParsedDraft {
	const result = parseDraft(ctx.getNodeParameter('draft', itemIndex));
	if (result.ok) {
		const unsupported = unsupportedBookingMode(result.draft);
		if (!unsupported) {
			refuseCashSale(ctx, result.draft, itemIndex);
			return result.draft;
		}
		throw inputError(ctx, unsupported, {
			field: 'bookingMode',
			orderNumber: result.draft.orderNumber,
			itemIndex,
			description: UNSUPPORTED_MODE_HINT,
		});
	}
	throw inputError(ctx, result.message, {
		field: result.field,
		orderNumber: result.orderNumber,
		itemIndex,
		description: 'Pass the output of the Order to Invoice node in the Draft parameter.',
	});
}

function locator(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): { mode: string; value: string } {
	const raw = ctx.getNodeParameter(name, itemIndex, { mode: 'list', value: '' }) as
		INodeParameterResourceLocator | string | number;
	if (typeof raw !== 'object' || raw === null)
		return { mode: 'id', value: String(raw ?? '').trim() };
	return { mode: String(raw.mode ?? 'list'), value: String(raw.value ?? '').trim() };
}

/** A numeric id from a resource locator; `undefined` when empty and not required. */
export function readId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	required: boolean,
): number | undefined {
	const { value } = locator(ctx, name, itemIndex);
	if (value === '' && !required) return undefined;
	if (!/^\d+$/.test(value)) {
		throw inputError(ctx, `${name} must be an ID (a whole number), got "${value}"`, {
			field: name,
			itemIndex,
		});
	}
	return Number(value);
}

/** A ledger locator: list and "By Code" give a code, "By ID" an internal id. Empty gives `undefined`. */
export function readLedgerRef(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): LedgerRef | undefined {
	const { mode, value } = locator(ctx, name, itemIndex);
	if (value === '') return undefined;
	if (mode === 'id') {
		if (!/^\d+$/.test(value))
			throw inputError(ctx, `${name}: "${value}" is not a ledger ID`, { field: name, itemIndex });
		return { id: Number(value) };
	}
	return { code: value };
}

/** The template locator's value: an id (list / By ID) or a name (By Name); '' when empty. */
export function readTemplateRef(ctx: IExecuteFunctions, itemIndex: number): string {
	return locator(ctx, 'template', itemIndex).value;
}

/** Drops empty strings and unset values so they never overwrite anything in e-Boekhouden. */
export function withoutEmpty(fields: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		result[key] = typeof value === 'string' ? value.trim() : value;
	}
	return result;
}

/** Errors thrown while working on a draft carry its order number, so the error output names the order. */
export async function forOrder<T>(
	ctx: IExecuteFunctions,
	orderNumber: string | undefined,
	work: () => Promise<T>,
): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw namingOrder(ctx, orderNumber, error);
	}
}

/** The error as a node error that names the order, when there is one. */
export function namingOrder(
	ctx: IExecuteFunctions,
	orderNumber: string | undefined,
	error: unknown,
): NodeApiError | NodeOperationError {
	const nodeError = asNodeError(ctx, error);
	if (orderNumber) {
		nodeError.context = { ...nodeError.context, orderNumber };
		if (!nodeError.message.startsWith('Order '))
			nodeError.message = `Order ${orderNumber}: ${nodeError.message}`;
	}
	return nodeError;
}

/** yyyy-mm-dd from a date parameter (n8n date pickers give an ISO date-time). */
export function readDate(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const date = raw.slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
		throw inputError(ctx, `${name} must be a date (yyyy-mm-dd), got "${raw}"`, {
			field: name,
			itemIndex,
		});
	}
	return date;
}

/**
 * A number set by hand or mapped by an expression: a number, or text that is a plain number; undefined when left
 * empty. Anything else (a Dutch "12,50", an object) is NaN for the caller to refuse, naming its field: JSON would
 * send NaN as null, and e-Boekhouden then books another amount or none.
 */
export function givenNumber(raw: unknown): number | undefined {
	const given = typeof raw === 'string' ? raw.trim() : raw;
	if (given === undefined || given === null || given === '') return undefined;
	return typeof given === 'number' || typeof given === 'string' ? Number(given) : NaN;
}
