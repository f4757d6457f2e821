import type { IExecuteFunctions } from 'n8n-workflow';

import { Keeper } from '../../../shared/keeper';
import { administrationKey } from '../../api/administration';
import { listRelationPage } from '../../api/relations';
import type { ExecutionMemory } from '../../booking/executionMemory';
import { CODE_ATTEMPTS, relationCode } from './code';

export interface ListedRelation {
	id: number;
	type?: string | null;
	code?: string | null;
}

/** The administration's relations by code (upper case), as far as this process has listed or made them. */
export interface RelationListing {
	byCode: Map<string, ListedRelation>;
	/** Relations read so far: the offset of the next page. */
	read: number;
	/** A short page was read: every relation there was then is in `byCode`. */
	complete: boolean;
	/** The page being read, so two node runs (or executions) do not read it twice. */
	reading: Promise<void>;
}

/**
 * A page (up to 2,000 relations) is read only while it stands to spare this many searches by e-mail: a poll with a
 * few orders never lists a large administration.
 */
const EMAILS_PER_PAGE = 4;

/**
 * Kept per administration for every execution of the process (a history import runs one month per execution), and
 * read afresh after 10 minutes so relations made by other workers or by hand since are listed too. A relation made
 * elsewhere since is found by its search by e-mail meanwhile: the listing only ever says "this address has this
 * relation", never "it has none".
 */
const listings = new Keeper<RelationListing>({ minutes: 10, maxKeys: 20 });

export async function relationListing(ctx: IExecuteFunctions): Promise<RelationListing> {
	const empty = async (): Promise<RelationListing> => ({
		byCode: new Map(),
		read: 0,
		complete: false,
		reading: Promise.resolve(),
	});
	return (await listings.get(await administrationKey(ctx), empty)).value;
}

/**
 * The relation this package made for `email`, found by the code derived from the address (code.ts), if the listing
 * holds it. The code is the address's readable start plus 40 bits of its hash, so a relation holding it was made for
 * this address and needs no read to check that. When several of the address's codes are listed, the latest attempt
 * wins: a next code is only made when the relation holding the one before has another address or is inactive.
 * Whether the relation is inactive the listing does not say; a booking refused for that finds it again (finder.ts).
 */
export function listedRelation(
	listing: RelationListing,
	email: string,
): ListedRelation | undefined {
	for (let attempt = CODE_ATTEMPTS - 1; attempt >= 0; attempt--) {
		const listed = listing.byCode.get(relationCode(email, attempt));
		if (listed) return listed;
	}
	return undefined;
}

/** A relation made under one of the address's codes joins the listing, so later executions find it without a search. */
export function addListed(listing: RelationListing, relation: ListedRelation): void {
	if (relation.code) listing.byCode.set(relation.code.toUpperCase(), relation);
}

/** A booking refused the listed relation (inactive, gone): the address is searched again from now on. */
export function dropListed(listing: RelationListing, email: string): void {
	for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++)
		listing.byCode.delete(relationCode(email, attempt));
}

/**
 * Lists the administration's relations, page by page, while the e-mail addresses still unresolved (not known to the
 * execution, not listed yet) are at least EMAILS_PER_PAGE per page this run reads; stops at a short page. Later runs
 * (the next batch, another node, the next execution) go on from where it stopped.
 */
export async function listRelationsFor(
	ctx: IExecuteFunctions,
	listing: RelationListing,
	memory: ExecutionMemory,
	emails: Iterable<string>,
): Promise<void> {
	const wanted = [...new Set(emails)];
	const unresolved = () =>
		wanted.filter((email) => !memory.relations.has(email) && !listedRelation(listing, email))
			.length;
	const run = listing.reading.then(async () => {
		for (let pages = 1; !listing.complete && pages * EMAILS_PER_PAGE <= unresolved(); pages++) {
			const page = await listRelationPage(ctx, listing.read);
			for (const { id, type, code } of page.items) addListed(listing, { id, type, code });
			listing.read += page.items.length;
			listing.complete = page.complete;
		}
	});
	listing.reading = run.catch(() => undefined);
	await run;
}
