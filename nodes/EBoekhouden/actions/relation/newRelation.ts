import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, inputError } from '../../api/inputError';
import { RELATION_MAX_LENGTH, cutToLimits } from '../../api/limits';
import { createRelation, getRelation, searchRelations } from '../../api/relations';
import type { Relation } from '../../api/schemas';
import { errorCode } from '../../api/transport';
import { CODE_ATTEMPTS, relationCode } from './code';
import { sameEmail, type FoundRelation } from './found';

/** The relation holding `code`, read in full; undefined when none does. */
async function holderOf(ctx: IExecuteFunctions, code: string): Promise<Relation | undefined> {
	const hits = await searchRelations(ctx, { code }, { max: 10 });
	const hit = hits.find((candidate) => (candidate.code ?? '').toUpperCase() === code.toUpperCase());
	return hit ? await getRelation(ctx, hit.id) : undefined;
}

/**
 * Creates the relation for `email` under the code derived from it (code.ts), or the code the user gave. When two
 * processes create the same customer at once e-Boekhouden refuses the second (REL_049), and that one takes the
 * first's relation, found by its code; a code held by another address or an inactive relation moves on to the
 * address's next code.
 */
export async function createRelationFor(
	ctx: IExecuteFunctions,
	email: string,
	createFields: IDataObject,
	inactive: number,
): Promise<FoundRelation> {
	const ownCode = typeof createFields.code === 'string' && createFields.code !== '';
	const attempts = ownCode ? 1 : CODE_ATTEMPTS;
	for (let attempt = 0; attempt < attempts; attempt++) {
		const code = ownCode ? String(createFields.code) : relationCode(email, attempt);
		const fields = cutToLimits({ ...createFields, emailAddress: email, code }, RELATION_MAX_LENGTH);
		try {
			const { id, code: given } = await createRelation(ctx, fields, { resend: true });
			const warnings = inactive
				? [
						`Created a new relation for ${email}: the ${inactive} existing one(s) with this e-mail are inactive.`,
					]
				: [];
			return {
				relation: { ...fields, id, code: given ?? code },
				created: true,
				matches: inactive,
				warnings,
			};
		} catch (error) {
			if (errorCode(error) !== 'REL_049') throw asNodeError(ctx, error);
			const holder = await holderOf(ctx, code);
			if (!holder) {
				// e-Boekhouden says the code is taken but shows no relation with it: creating under another
				// code could duplicate the customer, so stop here; the next run tries again.
				throw inputError(
					ctx,
					`Relation code ${code} is in use, but no relation with it can be found`,
					{
						field: 'code',
						description: 'Nothing was created. The order is tried again on the next run.',
					},
				);
			}
			if (sameEmail(holder, email) && holder.inactive !== true)
				return { relation: holder, created: false, matches: inactive + 1, warnings: [] };
			if (ownCode) throw asNodeError(ctx, error);
		}
	}
	throw inputError(
		ctx,
		`No free relation code for ${email}: the codes ${Array.from({ length: attempts }, (_, attempt) => relationCode(email, attempt)).join(', ')} are held by other relations`,
		{
			field: 'code',
			description:
				'Those relations have another e-mail address or are inactive. Give one of them this address (and make it active), or change their codes in e-Boekhouden.',
		},
	);
}
