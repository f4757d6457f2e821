import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../api/inputError';
import { errorCode } from '../api/transport';
import { relationFromDraft } from '../actions/relation/fields';
import { RelationFinder, STALE_RELATION_CODES } from '../actions/relation/finder';
import { readDraft } from '../actions/shared/params';
import type { InvoiceInput } from '../actions/invoice/input';
import type { ParsedDraft } from '../../shared/draft.schema';

/**
 * The relation id Create Invoice is given goes stale when the relation is deleted or made inactive in e-Boekhouden
 * after Find or Create found it (or Find or Create took an inactive one unread); the invoice is then refused
 * (FACT_002 / FACT_003), a journal entry or cash sale for a deleted relation too (MUT_013 / MUT_113). For a draft,
 * the relation is found again by the order's e-mail, once, and the order booked for it; the stale id is forgotten
 * for the rest of the execution. Anything else, and a second refusal, goes to the item as is.
 */
export async function bookHealingStaleRelation<Booked extends { warnings: string[] }>(
	ctx: IExecuteFunctions,
	finder: RelationFinder,
	itemIndex: number,
	input: InvoiceInput,
	book: (input: InvoiceInput) => Promise<Booked>,
): Promise<Booked & { relationFoundAgain?: true }> {
	try {
		return await book(input);
	} catch (error) {
		if (ctx.getNodeParameter('inputMode', itemIndex) !== 'draft') throw asNodeError(ctx, error);
		const again = await relationFoundAgain(
			ctx,
			finder,
			readDraft(ctx, itemIndex),
			input.relationId,
			error,
		);
		const booked = await book({ ...input, relationId: again.relationId });
		return {
			...booked,
			warnings: [...booked.warnings, again.warning],
			relationFoundAgain: true,
		};
	}
}

/**
 * For a booking refused with `error`: when the refusal says the relation `staleId` is stale, the draft's relation
 * found again by its e-mail (forgotten for the rest of the execution first), and the warning to give; otherwise, or
 * when the same relation is found again, `error` is thrown. Reconcile's Fix heals with it too.
 */
export async function relationFoundAgain(
	ctx: IExecuteFunctions,
	finder: RelationFinder,
	draft: ParsedDraft,
	staleId: number,
	error: unknown,
): Promise<{ relationId: number; warning: string }> {
	const code = errorCode(error);
	if (!code || !STALE_RELATION_CODES.has(code)) throw asNodeError(ctx, error);
	const email = draft.relation.emailAddress;
	await finder.forget(email);
	const found = await finder.findOrCreate(email, relationFromDraft(draft), { fresh: true });
	if (found.relation.id === staleId) throw asNodeError(ctx, error);
	return {
		relationId: found.relation.id,
		warning: `Relation ${staleId} was refused (${code}); the order was booked for relation ${found.relation.id}, found again by ${email}.`,
	};
}
