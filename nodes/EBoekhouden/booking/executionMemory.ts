import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InvoiceListItem, MutationListItem } from '../api/schemas';
import { Keeper } from '../../shared/keeper';
import { administrationKey, executionIdOf } from '../api/administration';

/**
 * What one execution learned from e-Boekhouden, shared by every node and every batch of that execution (an
 * execution runs in one process, also in queue mode): invoices seen in listings, the date ranges those listings
 * covered, and relations found or created by e-mail. A loop of Batches of 50 then costs what one run costs.
 * Only facts that stay true are kept (an invoice cannot be deleted or renumbered through the API); "absent" answers
 * carry the generation of their listing so a later write in this process makes them stale.
 */
export interface CoveredRange {
	/** The listing that covered it (datedListing.ts), where listings of several kinds share one list of ranges. */
	scope: string;
	from: string;
	to: string;
	generation: number;
}

export interface RememberedRelation {
	relation: IDataObject & { id: number };
	matches: number;
}

export interface ExecutionMemory {
	/** Invoices by invoice number. */
	invoices: Map<string, InvoiceListItem>;
	covered: CoveredRange[];
	relations: Map<string, RememberedRelation>;
	/** Mutations by `type|invoiceNumber`, and the ranges their listings covered (scoped per type). */
	mutations: Map<string, MutationListItem>;
	mutationRanges: CoveredRange[];
}

/** Bounds for a long-lived worker: a few executions at once, each up to a large history slice. */
const MAX_INVOICES = 20_000;
const MAX_RELATIONS = 10_000;
/** An execution that has not used its memory for 30 minutes is over (or will do with fresh look-ups). */
const byExecution = new Keeper<ExecutionMemory>({ minutes: 30, maxKeys: 10, renewOnUse: true });

function fresh(): ExecutionMemory {
	return {
		invoices: new Map(),
		covered: [],
		relations: new Map(),
		mutations: new Map(),
		mutationRanges: [],
	};
}

/** Per execution and administration: the credential, and the server it points at. */
export async function executionMemory(ctx: IExecuteFunctions): Promise<ExecutionMemory> {
	const executionId = executionIdOf(ctx);
	const administration = await administrationKey(ctx);
	const key = executionId ? `${executionId}|${administration}` : administration;
	return (await byExecution.get(key, async () => fresh())).value;
}

/** Sets a key in a map that keeps at most `max` entries, dropping the oldest. */
export function bounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
	map.delete(key);
	map.set(key, value);
	if (map.size > max) map.delete(map.keys().next().value as K);
}

/** An updated relation is found afresh by the next Find or Create of this execution. */
export async function forgetRelation(ctx: IExecuteFunctions, id: number): Promise<void> {
	const { relations } = await executionMemory(ctx);
	for (const [email, known] of relations) if (known.relation.id === id) relations.delete(email);
}

export const LIMITS = {
	invoices: MAX_INVOICES,
	relations: MAX_RELATIONS,
	mutations: MAX_INVOICES,
};
