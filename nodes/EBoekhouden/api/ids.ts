import { listInvoiceTemplates, listLedgers } from './masterData';
import { inputError } from './inputError';
import type { InvoiceTemplate, Ledger } from './schemas';
import { baseUrlOf, type EBoekhoudenContext } from './transport';

/**
 * People know ledger codes ("8000") and template names; e-Boekhouden wants its internal ids, which differ per
 * administration (docs/api-notes.md, e-Boekhouden §3, §9.1). Both lists are read once per administration and kept
 * in the process for MASTER_DATA_MINUTES, shared by every node and execution: a sync poll or a history month then
 * costs no master-data call. A code or name the kept list does not know reads the list again before it is refused,
 * so a ledger or template added meanwhile is found.
 */
export const MASTER_DATA_MINUTES = 10;

interface MasterData {
	readAt: number;
	ledgers?: Promise<Ledger[]>;
	templates?: Promise<InvoiceTemplate[]>;
	/** When each list was last asked for: a miss reads a list again only when it is older than a few seconds. */
	loadedAt: Partial<Record<'ledgers' | 'templates', number>>;
}

/** A list read this recently is current enough for a miss: a batch full of one wrong code costs one read, not one each. */
const RECENT_MS = 30_000;

const MAX_ADMINISTRATIONS = 20;
const byAdministration = new Map<string, MasterData>();
const byContext = new WeakMap<object, MasterData>();

async function masterData(ctx: EBoekhoudenContext): Promise<MasterData> {
	const executionId = 'getExecutionId' in ctx ? ctx.getExecutionId() : undefined;
	if (!executionId) {
		const known = byContext.get(ctx) ?? { readAt: Date.now(), loadedAt: {} };
		byContext.set(ctx, known);
		return known;
	}
	const credentialId = ctx.getNode().credentials?.eBoekhoudenApi?.id ?? '';
	const key = `${credentialId}|${await baseUrlOf(ctx)}`;
	let data = byAdministration.get(key);
	if (!data || Date.now() - data.readAt >= MASTER_DATA_MINUTES * 60_000) {
		data = { readAt: Date.now(), loadedAt: {} };
		byAdministration.delete(key);
		byAdministration.set(key, data);
		if (byAdministration.size > MAX_ADMINISTRATIONS)
			byAdministration.delete(byAdministration.keys().next().value as string);
	}
	return data;
}

function remembered<T>(
	data: MasterData,
	key: 'ledgers' | 'templates',
	load: () => Promise<T>,
	fresh: boolean,
): Promise<T> {
	const cached = data[key] as Promise<T> | undefined;
	const recent = Date.now() - (data.loadedAt[key] ?? 0) < RECENT_MS;
	if (cached && (!fresh || recent)) return cached;
	data.loadedAt[key] = Date.now();
	const loading = load();
	(data as unknown as Record<string, Promise<unknown>>)[key] = loading;
	loading.catch(() => delete data[key]);
	return loading;
}

export async function allLedgers(ctx: EBoekhoudenContext, fresh = false): Promise<Ledger[]> {
	return await remembered(
		await masterData(ctx),
		'ledgers',
		async () => await listLedgers(ctx),
		fresh,
	);
}

export async function allInvoiceTemplates(
	ctx: EBoekhoudenContext,
	fresh = false,
): Promise<InvoiceTemplate[]> {
	return await remembered(
		await masterData(ctx),
		'templates',
		async () => await listInvoiceTemplates(ctx),
		fresh,
	);
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
