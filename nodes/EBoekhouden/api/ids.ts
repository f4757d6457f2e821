import { Keeper } from '../../shared/keeper';
import { administrationKey } from './administration';
import { listInvoiceTemplates, listLedgers } from './masterData';
import { inputError } from './inputError';
import type { InvoiceTemplate, Ledger } from './schemas';
import type { EBoekhoudenContext } from './transport';

/**
 * People know ledger codes ("8000") and template names; e-Boekhouden wants its internal ids, which differ per
 * administration (docs/api-notes.md, e-Boekhouden §3, §9.1). Both lists are read once per administration and kept
 * in the process for MASTER_DATA_MINUTES, shared by every node and execution: a sync poll or a history month then
 * costs no master-data call. A code or name the kept list does not know reads the list again before it is refused
 * (unless it was read in the last 30 seconds), so a ledger or template added meanwhile is found.
 */
export const MASTER_DATA_MINUTES = 10;
const KEPT = { minutes: MASTER_DATA_MINUTES, maxKeys: 20, recentMs: 30_000 };
const ledgers = new Keeper<Ledger[]>(KEPT);
const templates = new Keeper<InvoiceTemplate[]>(KEPT);

export async function allLedgers(ctx: EBoekhoudenContext, fresh = false): Promise<Ledger[]> {
	const read = async () => await listLedgers(ctx);
	return (await ledgers.get(await administrationKey(ctx), read, { fresh })).value;
}

export async function allInvoiceTemplates(
	ctx: EBoekhoudenContext,
	fresh = false,
): Promise<InvoiceTemplate[]> {
	const read = async () => await listInvoiceTemplates(ctx);
	return (await templates.get(await administrationKey(ctx), read, { fresh })).value;
}

export interface LedgerRef {
	code?: string;
	id?: number;
}

/** The ledger for a code (or id); an unknown one is a clear error naming the codes that do exist. */
export async function resolveLedger(
	ctx: EBoekhoudenContext,
	ref: LedgerRef,
	field: string,
): Promise<Ledger> {
	const code = ref.code?.trim();
	const find = (list: Ledger[]) =>
		code
			? list.find((ledger) => ledger.code === code)
			: list.find((ledger) => ledger.id === ref.id);
	const kept = find(await allLedgers(ctx));
	if (kept) return kept;
	const ledgers = await allLedgers(ctx, true);
	const found = find(ledgers);
	if (found) return found;
	const examples = ledgers
		.slice(0, 12)
		.map((ledger) => `${ledger.code} ${ledger.description ?? ''}`.trim())
		.join(', ');
	const what = code ? `Ledger code ${code}` : `Ledger ID ${ref.id ?? '(empty)'}`;
	throw inputError(ctx, `${what} does not exist in this administration`, {
		field,
		description: `Check the ledger (grootboekrekening) or pick it from the list. Existing ledgers include: ${examples}.`,
	});
}

export async function resolveLedgerId(
	ctx: EBoekhoudenContext,
	ref: LedgerRef,
	field: string,
): Promise<number> {
	return (await resolveLedger(ctx, ref, field)).id;
}

/** The template `wanted` names (id or name, case-insensitive; empty: the only active one), if the list has it. */
function templateIn(templates: InvoiceTemplate[], wanted: string): number | undefined {
	if (wanted === '') {
		const active = templates.filter((template) => template.active !== false);
		return active.length === 1 ? active[0].id : undefined;
	}
	return (
		templates.find((template) => String(template.id) === wanted) ??
		templates.find((template) => template.name.toLowerCase() === wanted.toLowerCase())
	)?.id;
}

/**
 * Template by id or name (case-insensitive); empty means the only active template. A kept list that does not name
 * it is read again once before the template is refused.
 */
export async function resolveTemplateId(
	ctx: EBoekhoudenContext,
	ref: string | number | undefined,
): Promise<number> {
	const wanted = String(ref ?? '').trim();
	const kept = templateIn(await allInvoiceTemplates(ctx), wanted);
	if (kept !== undefined) return kept;
	const templates = await allInvoiceTemplates(ctx, true);
	const names =
		templates.map((template) => `"${template.name}" (${template.id})`).join(', ') || 'none';
	if (wanted === '') {
		const active = templates.filter((template) => template.active !== false);
		if (active.length === 1) return active[0].id;
		throw inputError(ctx, 'Choose an invoice template', {
			field: 'template',
			description: `This administration has ${active.length} active invoice templates (factuursjablonen): ${names}.`,
		});
	}
	const found =
		templates.find((template) => String(template.id) === wanted) ??
		templates.find((template) => template.name.toLowerCase() === wanted.toLowerCase());
	if (found) return found.id;
	throw inputError(ctx, `Invoice template "${wanted}" does not exist in this administration`, {
		field: 'template',
		description: `Existing invoice templates (factuursjablonen): ${names}.`,
	});
}
