import type { Route } from '../common';
import { EMAIL_TEMPLATES, INVOICE_TEMPLATES, UNITS } from './chart';
import { guarded, pathId, type BooksContext } from './context';
import { notFound } from './errors';
import { readFilters, type FilterField } from './filters';
import { pageOf, readPaging } from './paging';

/** A paged, filtered GET over a fixed list. */
function listRoute<T>(
	path: string,
	items: () => readonly T[],
	fields: Record<string, FilterField<T>> = {},
): Route {
	return {
		method: 'GET',
		path,
		handler: guarded((req) => {
			const paging = readPaging(req.query);
			const matches = readFilters(req.query, fields);
			return { status: 200, body: pageOf(items().filter(matches), paging) };
		}),
	};
}

/** Ledgers, invoice and e-mail templates, cost centres and units (docs/api-notes.md, e-Boekhouden §8). */
export function lookupRoutes(context: BooksContext): Route[] {
	const { store } = context;
	return [
		listRoute('/v1/ledger', () => store.ledgers, {
			code: { kind: 'string', value: (ledger) => ledger.code },
			category: { kind: 'string', value: (ledger) => ledger.category },
		}),
		{
			method: 'GET',
			path: '/v1/ledger/:id',
			handler: guarded((req) => {
				const id = pathId(req);
				const ledger = store.ledgers.find((candidate) => candidate.id === id);
				if (!ledger) throw notFound('LEDG_011');
				return { status: 200, body: ledger };
			}),
		},
		listRoute('/v1/invoicetemplate', () => INVOICE_TEMPLATES, {
			name: { kind: 'string', value: (template) => template.name },
			type: { kind: 'string', value: (template) => template.type },
			active: { kind: 'boolean', value: (template) => template.active },
		}),
		listRoute('/v1/emailtemplate', () => EMAIL_TEMPLATES),
		listRoute('/v1/costcenter', () => store.costCenters, {
			parentId: { kind: 'number', value: (centre) => centre.parentId },
			description: { kind: 'string', value: (centre) => centre.description },
		}),
		{
			method: 'GET',
			path: '/v1/costcenter/:id',
			handler: guarded((req) => {
				const id = pathId(req);
				const centre = store.costCenters.find((candidate) => candidate.id === id);
				if (!centre) throw notFound('COST_001');
				return { status: 200, body: { ...centre, fullPath: centre.description } };
			}),
		},
		listRoute('/v1/unit', () => UNITS, {
			singular: { kind: 'string', value: (unit) => unit.singular },
			plural: { kind: 'string', value: (unit) => unit.plural },
		}),
	];
}
