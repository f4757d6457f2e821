import type { IExecuteFunctions } from 'n8n-workflow';

import { listRelationPage } from '../../api/relations';
import type { ExecutionMemory } from '../../booking/executionMemory';
import { CODE_ATTEMPTS, relationCode } from './code';

export interface ListedRelation {
	id: number;
	type?: string | null;
	code?: string | null;
}

/** The administration's relations by code (upper case), as far as this execution has listed them. */
interface Listing {
	byCode: Map<string, ListedRelation>;
	/** Relations read so far: the offset of the next page. */
	read: number;
	/** A short page was read: every relation is in `byCode`. */
	complete: boolean;
	/** The page being read, so two node runs of one execution do not read it twice. */
	reading: Promise<void>;
}

/**
 * A page (up to 2,000 relations) is read only while it stands to spare this many searches by e-mail: a poll with a
 * few orders never lists a large administration.
 */
const EMAILS_PER_PAGE = 4;

const listings = new WeakMap<ExecutionMemory, Listing>();

function listingOf(memory: ExecutionMemory): Listing {
	let listing = listings.get(memory);
	if (!listing) {
		listing = { byCode: new Map(), read: 0, complete: false, reading: Promise.resolve() };
		listings.set(memory, listing);
	}
	return listing;
}

/**
 * The relation this package made for `email`, found by the code derived from the address (code.ts), if the listing
 * holds it. The code is the address's readable start plus 40 bits of its hash, so a relation holding it was made for
 * this address and needs no read to check that. When several of the address's codes are listed, the latest attempt
 * wins: a next code is only made when the relation holding the one before has another address or is inactive.
 * Whether the relation is inactive the listing does not say; a booking refused for that finds it again (finder.ts).
 */
export function listedRelation(memory: ExecutionMemory, email: string): ListedRelation | undefined {
	const listing = listings.get(memory);
	if (!listing) return undefined;
	for (let attempt = CODE_ATTEMPTS - 1; attempt >= 0; attempt--) {
		const listed = listing.byCode.get(relationCode(email, attempt));
		if (listed) return listed;
	}
	return undefined;
}

/**
 * Lists the administration's relations, page by page, while the e-mail addresses still unresolved (not known to the
 * execution, not listed yet) are at least EMAILS_PER_PAGE per page this run reads; stops at a short page. Later runs
 * of the execution (the next batch, another node) go on from where it stopped.
 */
export async function listRelationsFor(
	ctx: IExecuteFunctions,
	memory: ExecutionMemory,
	emails: Iterable<string>,
): Promise<void> {
	const listing = listingOf(memory);
	const wanted = [...new Set(emails)];
	const unresolved = () =>
		wanted.filter((email) => !memory.relations.has(email) && !listedRelation(memory, email)).length;
	const run = listing.reading.then(async () => {
		for (let pages = 1; !listing.complete && pages * EMAILS_PER_PAGE <= unresolved(); pages++) {
			const page = await listRelationPage(ctx, listing.read);
			for (const { id, type, code } of page.items) {
				if (code) listing.byCode.set(code.toUpperCase(), { id, type, code });
			}
			listing.read += page.items.length;
			listing.complete = page.complete;
		}
	});
	listing.reading = run.catch(() => undefined);
	await run;
}
