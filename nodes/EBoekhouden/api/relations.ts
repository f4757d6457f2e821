import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE_MAX, fetchAll, fetchPages, type Page, type Paging } from './paging';
import {
	createdRelationSchema,
	relationListItemSchema,
	relationSchema,
	type Relation,
	type RelationListItem,
} from './schemas';
import { apiRequest, type EBoekhoudenContext } from './transport';

/** Filters of `GET /v1/relation` (docs/api-notes.md, e-Boekhouden §4): `code`, `type`, `email`, `name`, `contact`, `city`, with `[like]` etc. */
export type RelationFilters = IDataObject;

/** The list holds only id, type and code (docs/api-notes.md, e-Boekhouden §5.1); fetch a relation for its fields. */
export async function searchRelations(
	ctx: EBoekhoudenContext,
	filters: RelationFilters,
	paging?: Paging,
): Promise<RelationListItem[]> {
	return (await fetchAll(
		ctx,
		'/v1/relation',
		filters,
		relationListItemSchema,
		paging,
	)) as RelationListItem[];
}

/** One page of all the administration's relations (no filter), each with only id, type and code. */
export async function listRelationPage(
	ctx: EBoekhoudenContext,
	offset: number,
): Promise<Page<RelationListItem>> {
	return (await fetchPages(ctx, '/v1/relation', {}, relationListItemSchema, {
		max: PAGE_SIZE_MAX,
		start: offset,
	})) as Page<RelationListItem>;
}

export async function getRelation(ctx: EBoekhoudenContext, id: number): Promise<Relation> {
	return (await apiRequest(
		ctx,
		{ method: 'GET', path: `/v1/relation/${id}` },
		relationSchema,
	)) as Relation;
}

/**
 * `resend`: send again after a 5xx or a dropped connection. Only for a caller that gives a code and reads REL_049
 * ("Code already exists", docs/api-notes.md, e-Boekhouden §5.3) as "perhaps my own first attempt": codes are unique, so a repeat cannot duplicate.
 */
export async function createRelation(
	ctx: EBoekhoudenContext,
	fields: IDataObject,
	options: { resend?: boolean } = {},
): Promise<{ id: number; code?: string | null }> {
	const coded = typeof fields.code === 'string' && fields.code !== '';
	return await apiRequest(
		ctx,
		{
			method: 'POST',
			path: '/v1/relation',
			body: fields,
			idempotent: coded && options.resend === true,
		},
		createdRelationSchema,
	);
}

/** PATCH requires `name` on every call (docs/api-notes.md, e-Boekhouden §5.4); the answer is empty. */
export async function patchRelation(
	ctx: EBoekhoudenContext,
	id: number,
	fields: IDataObject & { name: string },
): Promise<void> {
	await apiRequest(ctx, { method: 'PATCH', path: `/v1/relation/${id}`, body: fields });
}
