import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, inputError } from '../../api/inputError';
import { RELATION_MAX_LENGTH, cutToLimits } from '../../api/limits';
import { createRelation, getRelation, patchRelation, searchRelations } from '../../api/relations';
import type { Relation } from '../../api/schemas';
import { errorCode } from '../../api/transport';
import { scopedKey, withKeyLock } from '../shared/concurrency';
import { LIMITS, bounded, executionMemory, type ExecutionMemory } from '../shared/executionMemory';
import { normaliseEmail, relationCode } from './code';
import { changeBody, customerChanges, type CustomerChanges } from './changes';

export interface FoundRelation {
	relation: IDataObject & { id: number };
	created: boolean;
	/** Relations e-Boekhouden returned for this e-mail address (incl. inactive ones). */
	matches: number;
	warnings: string[];
	/** With Update Changed Customer Details: the fields the order changed on the found relation (from → to). */
	changes?: CustomerChanges;
}

/** Relations updated from an order in an execution: at most one PATCH each per execution. */
const updatedIn = new WeakMap<ExecutionMemory, Set<number>>();

/**
 * e-Boekhouden's answers to a booking whose relation no longer exists or is inactive (docs/api-notes.md,
 * e-Boekhouden error codes): the relation id a Find or Create gave is stale and must be found again.
 */
export const STALE_RELATION_CODES: ReadonlySet<string> = new Set([
	'FACT_002',
	'FACT_003',
	'MUT_013',
	'MUT_113',
]);

export interface FindOptions {
	/** Ask e-Boekhouden, ignoring what this execution found before (after a stale-relation refusal). */
	fresh?: boolean;
}

/** Search hits beyond this are not read: a shop customer has one relation, rarely a few. */
const MAX_HITS_READ = 50;
/** Codes tried for one address when earlier ones are held by relations with other addresses. */
export const CODE_ATTEMPTS = 5;

function sameEmail(relation: Relation, email: string): boolean {
	return [relation.emailAddress, relation.emailAddressInvoice].some(
		(address) => typeof address === 'string' && normaliseEmail(address) === email,
	);
}

/**
 * Find or create by e-mail, case-insensitive (docs/api-notes.md, e-Boekhouden §5.5). `email[like]` without wildcards is e-Boekhouden's
 * case-insensitive match; each hit is read to check the address and skip inactive relations (FACT_003 would refuse
 * the invoice). Several matches → the lowest id, with a warning. A new relation gets a code derived from the
 * address (code.ts), so when two processes create the same customer at once e-Boekhouden refuses the second
 * (REL_049) and that one takes the first's relation, found by its code. Results are remembered for the execution.
 */
export class RelationFinder {
	private memory?: Promise<ExecutionMemory>;
	/** Find or Create's option Update Changed Customer Details (off elsewhere). */
	private readonly updatesChanges: boolean;

	constructor(private readonly ctx: IExecuteFunctions) {
		const options = ctx.getNodeParameter('options', 0, {}) as IDataObject | undefined;
		this.updatesChanges = options?.updateCustomerChanges === true;
	}

	async findOrCreate(
		emailAddress: string,
		createFields: IDataObject,
		options: FindOptions = {},
	): Promise<FoundRelation> {
		const found = await this.findOrCreateOnly(emailAddress, createFields, options);
		if (!this.updatesChanges || found.created) return found;
		return await this.carryOver(normaliseEmail(emailAddress), found, createFields);
	}

	private async findOrCreateOnly(
		emailAddress: string,
		createFields: IDataObject,
		{ fresh = false }: FindOptions,
	): Promise<FoundRelation> {
		const email = normaliseEmail(emailAddress);
		const memory = await (this.memory ??= executionMemory(this.ctx));
		if (fresh) memory.relations.delete(email);
		const known = memory.relations.get(email);
		if (known) return { ...known, created: false, warnings: [] };
		const found = await withKeyLock(scopedKey(this.ctx, 'relation', email), async () => {
			const again = memory.relations.get(email);
			if (again) return { ...again, created: false, warnings: [] };
			const { match, inactive } = await this.find(email);
			return match ?? (await this.create(email, createFields, inactive));
		});
		this.keep(memory, email, found);
		return found;
	}

	private keep(memory: ExecutionMemory, email: string, found: FoundRelation): void {
		bounded(
			memory.relations,
			email,
			{ relation: found.relation, matches: found.matches },
			LIMITS.relations,
		);
	}

	/** The order's changed customer details written to the found relation, once per relation per execution. */
	private async carryOver(
		email: string,
		found: FoundRelation,
		order: IDataObject,
	): Promise<FoundRelation> {
		const memory = await (this.memory ??= executionMemory(this.ctx));
		const updated = updatedIn.get(memory) ?? new Set<number>();
		updatedIn.set(memory, updated);
		const { id } = found.relation;
		if (updated.has(id)) return found;
		const relation = found.relation;
		const changes = customerChanges(relation, order);
		const current: FoundRelation = { ...found, relation };
		if (Object.keys(changes).length === 0) return current;
		updated.add(id);
		const body = cutToLimits(changeBody(relation, changes), RELATION_MAX_LENGTH) as IDataObject & {
			name: string;
		};
		try {
			await patchRelation(this.ctx, id, body);
		} catch (error) {
			throw asNodeError(this.ctx, error);
		}
		const changed = { ...current, relation: { ...relation, ...body }, changes };
		this.keep(memory, email, changed);
		return changed;
	}

	/**
	 * For a booking e-Boekhouden refused with one of STALE_RELATION_CODES: this execution stops using the relation
	 * found for `emailAddress`; call findOrCreate with `{ fresh: true }` once to find it again.
	 */
	async forget(emailAddress: string): Promise<void> {
		const memory = await (this.memory ??= executionMemory(this.ctx));
		memory.relations.delete(normaliseEmail(emailAddress));
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

	/** The relation holding `code`, read in full; undefined when none does. */
	private async holderOf(code: string): Promise<Relation | undefined> {
		const hits = await searchRelations(this.ctx, { code }, { max: 10 });
		const hit = hits.find(
			(candidate) => (candidate.code ?? '').toUpperCase() === code.toUpperCase(),
		);
		return hit ? await getRelation(this.ctx, hit.id) : undefined;
	}

	private async create(
		email: string,
		createFields: IDataObject,
		inactive: number,
	): Promise<FoundRelation> {
		const ownCode = typeof createFields.code === 'string' && createFields.code !== '';
		const attempts = ownCode ? 1 : CODE_ATTEMPTS;
		for (let attempt = 0; attempt < attempts; attempt++) {
			const code = ownCode ? String(createFields.code) : relationCode(email, attempt);
			const fields = cutToLimits(
				{ ...createFields, emailAddress: email, code },
				RELATION_MAX_LENGTH,
			);
			try {
				const { id, code: given } = await createRelation(this.ctx, fields, { resend: true });
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
				if (errorCode(error) !== 'REL_049') throw asNodeError(this.ctx, error);
				const holder = await this.holderOf(code);
				if (!holder) {
					// e-Boekhouden says the code is taken but shows no relation with it: creating under another
					// code could duplicate the customer, so stop here; the next run tries again.
					throw inputError(
						this.ctx,
						`Relation code ${code} is in use, but no relation with it can be found`,
						{
							field: 'code',
							description: 'Nothing was created. The order is tried again on the next run.',
						},
					);
				}
				if (sameEmail(holder, email) && holder.inactive !== true)
					return { relation: holder, created: false, matches: inactive + 1, warnings: [] };
				if (ownCode) throw asNodeError(this.ctx, error);
			}
		}
		throw inputError(
			this.ctx,
			`No free relation code for ${email}: the codes ${Array.from({ length: attempts }, (_, attempt) => relationCode(email, attempt)).join(', ')} are held by other relations`,
			{
				field: 'code',
				description:
					'Those relations have another e-mail address or are inactive. Give one of them this address (and make it active), or change their codes in e-Boekhouden.',
			},
		);
	}
}
