import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../api/inputError';
import { errorCode } from '../api/transport';
import { relationFromDraft } from '../actions/relation/fields';
import { RelationFinder, STALE_RELATION_CODES } from '../actions/relation/finder';
import { readDraft } from '../actions/shared/params';
import type { InvoiceInput } from '../actions/invoice/input';

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
		const code = errorCode(error);
		if (!code || !STALE_RELATION_CODES.has(code)) throw asNodeError(ctx, error);
		if (ctx.getNodeParameter('inputMode', itemIndex) !== 'draft') throw asNodeError(ctx, error);
		const draft = readDraft(ctx, itemIndex);
		const email = draft.relation.emailAddress;
		await finder.forget(email);
		const found = await finder.findOrCreate(email, relationFromDraft(draft), { fresh: true });
		if (found.relation.id === input.relationId) throw asNodeError(ctx, error);
		const booked = await book({ ...input, relationId: found.relation.id });
		return {
			...booked,
			warnings: [
				...booked.warnings,
				`Relation ${input.relationId} was refused (${code}); the order was booked for relation ${found.relation.id}, found again by ${email}.`,
			],
			relationFoundAgain: true,
		};
	}
}
