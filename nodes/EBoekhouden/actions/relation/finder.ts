import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../api/inputError';
import { RELATION_MAX_LENGTH, cutToLimits } from '../../api/limits';
import { getRelation, patchRelation, searchRelations } from '../../api/relations';
import type { Relation } from '../../api/schemas';
import { errorCode } from '../../api/transport';
import { scopedKey, withKeyLock } from '../../booking/keyLock';
import {
	LIMITS,
	bounded,
	executionMemory,
	type ExecutionMemory,
} from '../../booking/executionMemory';
import { changeBody, customerChanges } from './changes';
import { normaliseEmail } from './code';
import { sameEmail, type FoundRelation } from './found';
import {
	addListed,
	dropListed,
	listRelationsFor,
	listedRelation,
	relationListing,
	type ListedRelation,
	type RelationListing,
} from './listing';
import { createRelationFor } from './newRelation';

export type { FoundRelation } from './found';

/** Relations updated from an order in an execution: at most one PATCH each per execution. */
const updatedIn = new WeakMap<ExecutionMemory, Set<number>>();
/** Relations taken from a search or listing item without reading them: fields other than id, code and type are the order's. */
const unread = new WeakSet<IDataObject>();

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
/**
 * `[like]` wildcards (docs/api-notes.md, e-Boekhouden §3: `%`, `?`; `_` too in case the filter reaches SQL as it
 * is): one hit for an address holding one may be another address's relation, so it is read.
 */
const LIKE_WILDCARD = /[%?_]/;

/**
 * Find or create by e-mail, case-insensitive (docs/api-notes.md, e-Boekhouden §5.5). First the execution's listing by
 * code (listing.ts), then `email[like]` without wildcards, e-Boekhouden's case-insensitive match. One hit is taken
 * as it is; several are read to skip inactive ones and take the lowest id, with a warning. An inactive relation taken
 * unread is refused by the booking, which finds the relation again with `fresh` (every hit read). None: created
 * (newRelation.ts). Results are remembered for the execution.
 */
export class RelationFinder {
	private memory?: Promise<ExecutionMemory>;
	private listed?: Promise<RelationListing>;
	/** Find or Create's option Update Changed Customer Details (off elsewhere): needs the relation's own fields. */
	private readonly updatesChanges: boolean;

	constructor(private readonly ctx: IExecuteFunctions) {
		const options = ctx.getNodeParameter('options', 0, {}) as IDataObject | undefined;
		this.updatesChanges = options?.updateCustomerChanges === true;
	}

	private async open(): Promise<ExecutionMemory> {
		return await (this.memory ??= executionMemory(this.ctx));
	}

	private async listing(): Promise<RelationListing> {
		return await (this.listed ??= relationListing(this.ctx));
	}

	/** Lists the administration's relations for these addresses when there are enough of them (listing.ts). */
	async prepare(emailAddresses: string[]): Promise<void> {
		const addresses = emailAddresses.map(normaliseEmail);
		await listRelationsFor(this.ctx, await this.listing(), await this.open(), addresses);
	}

	async findOrCreate(
		emailAddress: string,
		createFields: IDataObject,
		options: FindOptions = {},
	): Promise<FoundRelation> {
		const found = await this.findOrCreateOnly(emailAddress, createFields, options);
		if (unread.has(found.relation)) {
			// Taken unread: besides id, code and type the fields are this order's, also when an earlier order found it.
			const { id, code, type } = found.relation;
			const relation = {
				...createFields,
				emailAddress: normaliseEmail(emailAddress),
				id,
				code,
				type,
			};
			return { ...found, relation };
		}
		if (!this.updatesChanges || found.created) return found;
		return await this.carryOver(normaliseEmail(emailAddress), found, createFields);
	}

	private remembered(memory: ExecutionMemory, email: string): FoundRelation | undefined {
		const known = memory.relations.get(email);
		if (!known || (this.updatesChanges && unread.has(known.relation))) return undefined;
		return { ...known, created: false, warnings: [] };
	}

	private async findOrCreateOnly(
		emailAddress: string,
		createFields: IDataObject,
		{ fresh = false }: FindOptions,
	): Promise<FoundRelation> {
		const email = normaliseEmail(emailAddress);
		const memory = await this.open();
		if (fresh) memory.relations.delete(email);
		const known = this.remembered(memory, email);
		if (known) return known;
		const found = await withKeyLock(scopedKey(this.ctx, 'relation', email), async () => {
			const again = this.remembered(memory, email);
			if (again) return again;
			const listed = fresh ? undefined : await this.fromListing(email, createFields);
			if (listed) return listed;
			const { match, inactive } = await this.find(email, createFields, fresh);
			const made = match ?? (await createRelationFor(this.ctx, email, createFields, inactive));
			addListed(await this.listing(), made.relation as ListedRelation);
			return made;
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

	/** The relation as a listing or search item gives it (id, type, code), with the order's fields. */
	private taken(item: ListedRelation, email: string, createFields: IDataObject): FoundRelation {
		const relation = {
			...createFields,
			emailAddress: email,
			id: item.id,
			code: item.code ?? null,
			type: item.type ?? createFields.type ?? null,
		};
		unread.add(relation);
		return { relation, created: false, matches: 1, warnings: [] };
	}

	/** The relation listed under the address's code; read when its fields are needed, and then only if it holds. */
	private async fromListing(
		email: string,
		createFields: IDataObject,
	): Promise<FoundRelation | undefined> {
		const listing = await this.listing();
		const listed = listedRelation(listing, email);
		if (!listed) return undefined;
		if (!this.updatesChanges) return this.taken(listed, email, createFields);
		let relation: Relation;
		try {
			relation = await getRelation(this.ctx, listed.id);
		} catch (error) {
			// Deleted by hand since it was listed (the listing is kept for minutes): found by e-mail instead.
			if (errorCode(error) !== 'REL_055') throw asNodeError(this.ctx, error);
			dropListed(listing, email);
			return undefined;
		}
		if (sameEmail(relation, email) && relation.inactive !== true)
			return { relation, created: false, matches: 1, warnings: [] };
		dropListed(listing, email);
		return undefined;
	}

	/** The order's changed customer details written to the found relation, once per relation per execution. */
	private async carryOver(
		email: string,
		found: FoundRelation,
		order: IDataObject,
	): Promise<FoundRelation> {
		const memory = await this.open();
		const updated = updatedIn.get(memory) ?? new Set<number>();
		updatedIn.set(memory, updated);
		const { id } = found.relation;
		if (updated.has(id)) return found;
		const relation = found.relation;
		const changes = customerChanges(relation, order);
		if (Object.keys(changes).length === 0) return found;
		updated.add(id);
		const body = cutToLimits(changeBody(relation, changes), RELATION_MAX_LENGTH) as IDataObject & {
			name: string;
		};
		try {
			await patchRelation(this.ctx, id, body);
		} catch (error) {
			throw asNodeError(this.ctx, error);
		}
		const changed = { ...found, relation: { ...relation, ...body }, changes };
		this.keep(memory, email, changed);
		return changed;
	}

	/**
	 * For a booking e-Boekhouden refused with one of STALE_RELATION_CODES: this execution stops using the relation
	 * found for `emailAddress`; call findOrCreate with `{ fresh: true }` once to find it again.
	 */
	async forget(emailAddress: string): Promise<void> {
		const memory = await this.open();
		memory.relations.delete(normaliseEmail(emailAddress));
		dropListed(await this.listing(), normaliseEmail(emailAddress));
	}

	private async find(
		email: string,
		createFields: IDataObject,
		readAll: boolean,
	): Promise<{ match?: FoundRelation; inactive: number }> {
		const hits = await searchRelations(this.ctx, { 'email[like]': email }, { max: MAX_HITS_READ });
		const readsOne = readAll || this.updatesChanges || LIKE_WILDCARD.test(email);
		if (hits.length === 1 && !readsOne) {
			return { match: this.taken(hits[0], email, createFields), inactive: 0 };
		}
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
}
