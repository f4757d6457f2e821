import { listInvoiceTemplates, listLedgers } from './masterData';
import { inputError } from './inputError';
import type { InvoiceTemplate, Ledger } from './schemas';
import { baseUrlOf, type EBoekhoudenContext } from './transport';

/**
 * People know ledger codes ("8000") and template names; e-Boekhouden wants its internal ids, which differ per
 * administration (docs/api-notes.md, e-Boekhouden §3, §9.1). Both lists are read once per execution and shared by every node of that execution.
 */
interface MasterData {
	ledgers?: Promise<Ledger[]>;
	templates?: Promise<InvoiceTemplate[]>;
}

const MAX_CACHED_EXECUTIONS = 20;
const byExecution = new Map<string, MasterData>();
const byContext = new WeakMap<object, MasterData>();

async function masterData(ctx: EBoekhoudenContext): Promise<MasterData> {
	const executionId = 'getExecutionId' in ctx ? ctx.getExecutionId() : undefined;
	if (!executionId) {
		const known = byContext.get(ctx) ?? {};
		byContext.set(ctx, known);
		return known;
	}
	const credentialId = ctx.getNode().credentials?.eBoekhoudenApi?.id ?? '';
	const key = `${executionId}|${credentialId}|${await baseUrlOf(ctx)}`;
	let data = byExecution.get(key);
	if (!data) {
		data = {};
		byExecution.set(key, data);
		if (byExecution.size > MAX_CACHED_EXECUTIONS)
			byExecution.delete(byExecution.keys().next().value as string);
	}
	return data;
}

function remembered<T>(
	data: MasterData,
	key: keyof MasterData,
	load: () => Promise<T>,
): Promise<T> {
	const cached = data[key] as Promise<T> | undefined;
	if (cached) return cached;
	const loading = load();
	(data as Record<string, Promise<unknown>>)[key] = loading;
	loading.catch(() => delete data[key]);
	return loading;
}

export async function allLedgers(ctx: EBoekhoudenContext): Promise<Ledger[]> {
	return await remembered(await masterData(ctx), 'ledgers', async () => await listLedgers(ctx));
}

export async function allInvoiceTemplates(ctx: EBoekhoudenContext): Promise<InvoiceTemplate[]> {
	return await remembered(
		await masterData(ctx),
		'templates',
		async () => await listInvoiceTemplates(ctx),
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
	const ledgers = await allLedgers(ctx);
	const code = ref.code?.trim();
	const found = code
		? ledgers.find((ledger) => ledger.code === code)
		: ledgers.find((ledger) => ledger.id === ref.id);
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

/** Template by id or name (case-insensitive); empty means the only active template. */
export async function resolveTemplateId(
	ctx: EBoekhoudenContext,
	ref: string | number | undefined,
): Promise<number> {
	const templates = await allInvoiceTemplates(ctx);
	const wanted = String(ref ?? '').trim();
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
