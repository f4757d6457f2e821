import type { Route } from '../common';
import {
	bodyObject,
	guarded,
	pathId,
	today,
	withLookupLatency,
	type BooksContext,
} from './context';
import { invalid, notFound } from './errors';
import { readFilters } from './filters';
import { pageOf, readPaging } from './paging';
import { buildRelation, relationOutput } from './relationFields';
import { takeId, type BooksStore, type RelationRecord } from './store';

function nextFreeCode(store: BooksStore): string {
	const taken = new Set([...store.relations.values()].map((relation) => relation.code));
	while (taken.has(String(store.next.relationCode))) store.next.relationCode += 1;
	return String(store.next.relationCode++);
}

function codeTaken(store: BooksStore, code: string, exceptId?: number): boolean {
	return [...store.relations.values()].some(
		(relation) => relation.code === code && relation.id !== exceptId,
	);
}

function findRelation(store: BooksStore, id: number | undefined): RelationRecord {
	const relation = id === undefined ? undefined : store.relations.get(id);
	if (!relation) throw notFound('REL_055');
	return relation;
}

/** GET/POST /v1/relation, GET/PATCH /v1/relation/{id} (docs/api-notes.md, e-Boekhouden §5). */
export function relationRoutes(context: BooksContext): Route[] {
	const { store } = context;

	const search = guarded((req) => {
		const paging = readPaging(req.query);
		// Which e-mail field `?email=` matches is undocumented (docs/api-notes.md, e-Boekhouden §5.1): the sandbox matches `emailAddress`,
		// exactly, case-insensitive unless `emailMatching` is 'caseSensitive', so the node is tested against both.
		const matches = readFilters<RelationRecord>(req.query, {
			code: { kind: 'string', value: (relation) => relation.code },
			type: { kind: 'string', value: (relation) => relation.type },
			email: {
				kind: 'string',
				value: (relation) => relation.text.emailAddress,
				caseSensitive: context.settings.emailMatching === 'caseSensitive',
			},
			name: { kind: 'string', value: (relation) => relation.name },
			contact: { kind: 'string', value: (relation) => relation.text.contact },
			city: { kind: 'string', value: (relation) => relation.text.city },
		});
		const found = [...store.relations.values()].filter(matches).sort((a, b) => a.id - b.id);
		return {
			status: 200,
			body: pageOf(
				found.map(({ id, type, code }) => ({ id, type, code })),
				paging,
			),
		};
	});

	const get = guarded((req) => ({
		status: 200,
		body: relationOutput(findRelation(store, pathId(req))),
	}));

	const create = guarded((req) => {
		const empty: RelationRecord = {
			id: 0,
			type: 'B',
			code: '',
			date: today(context.settings),
			name: '',
			inactive: null,
			termOfPayment: null,
			doNotReceiveNewsletters: null,
			ledgerId: null,
			mandate: false,
			text: {},
		};
		const relation = buildRelation(store, bodyObject(req), empty);
		if (relation.code !== '' && codeTaken(store, relation.code)) throw invalid('REL_049', 'Code');
		relation.code = relation.code || nextFreeCode(store);
		relation.id = takeId(store, 'relationId');
		store.relations.set(relation.id, relation);
		return { status: 201, body: { id: relation.id, code: relation.code } };
	});

	const patch = guarded((req) => {
		const current = findRelation(store, pathId(req));
		const updated = buildRelation(store, bodyObject(req), current);
		if (codeTaken(store, updated.code, current.id)) throw invalid('REL_049', 'Code');
		store.relations.set(current.id, updated);
		return { status: 204 };
	});

	return [
		{ method: 'GET', path: '/v1/relation', handler: withLookupLatency(context, search) },
		{ method: 'POST', path: '/v1/relation', handler: create },
		{ method: 'GET', path: '/v1/relation/:id', handler: withLookupLatency(context, get) },
		{ method: 'PATCH', path: '/v1/relation/:id', handler: patch },
	];
}
