import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { RELATION_MAX_LENGTH, cutToLimits } from '../../api/limits';
import { createRelation, getRelation, searchRelations } from '../../api/relations';
import type { Relation } from '../../api/schemas';
import { scopedKey, withKeyLock } from '../shared/concurrency';

export interface FoundRelation {
	relation: IDataObject & { id: number };
	created: boolean;
	/** Relations e-Boekhouden returned for this e-mail address (incl. inactive ones). */
	matches: number;
	warnings: string[];
}

/** Search hits beyond this are not read: a shop customer has one relation, rarely a few. */
const MAX_HITS_READ = 50;

function sameEmail(relation: Relation, email: string): boolean {
	return [relation.emailAddress, relation.emailAddressInvoice].some(
		(address) => typeof address === 'string' && address.trim().toLowerCase() === email,
	);
}

/**
 * Find or create by e-mail, case-insensitive (reference §5.5). `email[like]` without wildcards is e-Boekhouden's
 * case-insensitive match; each hit is read to check the address and skip inactive relations (FACT_003 would refuse
 * the invoice). Several matches → the lowest id, with a warning. Results are remembered for the run, and each
 * e-mail is locked so two executions at once cannot both create it.
 */
export class RelationFinder {
	private readonly byEmail = new Map<string, FoundRelation>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	async findOrCreate(emailAddress: string, createFields: IDataObject): Promise<FoundRelation> {
		const email = emailAddress.trim().toLowerCase();
		const known = this.byEmail.get(email);
		if (known) return { ...known, created: false };
		const found = await withKeyLock(scopedKey(this.ctx, 'relation', email), async () => {
			const { match, inactive } = await this.find(email);
			return match ?? (await this.create(email, createFields, inactive));
		});
		this.byEmail.set(email, found);
		return found;
	}

	private async find(email: string): Promise<{ match?: FoundRelation; inactive: number }> {
		const hits = await searchRelations(this.ctx, { 'email[like]': email }, { max: MAX_HITS_READ });
		const ordered = [...hits].sort((a, b) => a.id - b.id);
		let inactive = 0;
		for (const hit of ordered) {
			const relation = await getRelation(this.ctx, hit.id);
			if (!sameEmail(relation, email)) continue;
			if (relation.inactive === true) {
				inactive++;
				continue;
			}
			const warnings: string[] = [];
			if (ordered.length > 1) {
				warnings.push(
					`${ordered.length} relations in e-Boekhouden match ${email}; used ${relation.code ?? relation.id} (ID ${relation.id}), the lowest active ID${inactive ? `, skipping ${inactive} inactive` : ''}.`,
				);
			}
			return { match: { relation, created: false, matches: ordered.length, warnings }, inactive };
		}
		return { inactive };
	}

	private async create(
		email: string,
		createFields: IDataObject,
		inactive: number,
	): Promise<FoundRelation> {
		const fields = cutToLimits({ ...createFields, emailAddress: email }, RELATION_MAX_LENGTH);
		const { id, code } = await createRelation(this.ctx, fields);
		const warnings = inactive
			? [
					`Created a new relation for ${email}: the ${inactive} existing one(s) with this e-mail are inactive.`,
				]
			: [];
		return {
			relation: { ...fields, id, code: code ?? undefined },
			created: true,
			matches: inactive,
			warnings,
		};
	}
}
