import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { baseUrlOf } from '../../api/transport';

/**
 * Relation ids found by e-mail, remembered across executions in the workflow's static data, so a returning
 * customer costs no search on the next poll. n8n saves static data after an execution that changed it (not in
 * manual test runs), also on queue-mode workers; it is saved only when a value is assigned, so the list is always
 * replaced, never pushed to. Only a short hash of administration + e-mail is kept, not the address: 2,000 entries,
 * most recent last, stay under about 64 KB. A remembered id can go stale (the relation deleted or made inactive):
 * the booking that e-Boekhouden refuses for it forgets the entry and finds the relation again.
 */
export const REMEMBERED_MAX = 2_000;
/**
 * In the workflow's global static data, not the node's: the node that books (and learns an id is stale) is often
 * another e-Boekhouden node than the Find or Create that remembered it, and both must see one memory.
 */
const KEY = 'eBoekhoudenRelationIdsByEmail';
/** 72 bits: no two of a few thousand addresses share one. */
const HASH_LENGTH = 12;

type Entry = [hash: string, id: number];

export class RememberedRelations {
	private constructor(
		private readonly data: IDataObject | undefined,
		private readonly scope: string,
	) {}

	/**
	 * Switched off for now: an execution that changes static data makes n8n save the whole workflow's static data as
	 * that execution loaded it, which rolled back what the Mijnwebwinkel Trigger had saved in the meantime (its
	 * pay-later watch; the e2e sync suite caught it). `enabled` is for the unit tests of the memory itself.
	 */
	static async of(ctx: IExecuteFunctions, enabled = false): Promise<RememberedRelations> {
		const data =
			enabled && typeof ctx.getWorkflowStaticData === 'function'
				? ctx.getWorkflowStaticData('global')
				: undefined;
		const credential = ctx.getNode().credentials?.eBoekhoudenApi;
		const scope = `${credential?.id ?? credential?.name ?? ''}|${await baseUrlOf(ctx)}`;
		return new RememberedRelations(data, scope);
	}

	private hash(email: string): string {
		return createHash('sha256')
			.update(`${this.scope}|${email}`)
			.digest('base64url')
			.slice(0, HASH_LENGTH);
	}

	private entries(): Entry[] {
		const stored = this.data?.[KEY];
		return Array.isArray(stored)
			? (stored as unknown[]).filter(
					(entry): entry is Entry =>
						Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]),
				)
			: [];
	}

	get(email: string): number | undefined {
		const hash = this.hash(email);
		return this.entries().find(([known]) => known === hash)?.[1];
	}

	remember(email: string, id: number): void {
		if (!this.data) return;
		const hash = this.hash(email);
		const entries = this.entries();
		const last = entries[entries.length - 1];
		if (last && last[0] === hash && last[1] === id) return;
		const kept = entries.filter(([known]) => known !== hash);
		this.data[KEY] = [...kept.slice(-(REMEMBERED_MAX - 1)), [hash, id]];
	}

	forget(email: string): void {
		if (!this.data) return;
		const hash = this.hash(email);
		const entries = this.entries();
		if (entries.some(([known]) => known === hash))
			this.data[KEY] = entries.filter(([known]) => known !== hash);
	}
}
