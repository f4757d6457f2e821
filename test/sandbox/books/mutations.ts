import type { Route } from '../common';
import { guarded, pathId, type BooksContext } from './context';
import { invalid, notFound } from './errors';
import { readFilters } from './filters';
import { createMutationHandler } from './mutationCreate';
import { toEuros } from './money';
import { pageOf, readPaging } from './paging';
import type { BooksStore, MutationRecord, OpenItem } from './store';

/** `Mutation` (GET /v1/mutation/{id}): rows without per-row VAT, `vat[]` totals per VAT code (docs/api-notes.md, e-Boekhouden §6.6). */
export function mutationOutput(mutation: MutationRecord): Record<string, unknown> {
	return {
		id: mutation.id,
		type: mutation.type,
		date: mutation.date,
		description: mutation.description,
		termOfPayment: mutation.termOfPayment,
		ledgerId: mutation.ledgerId,
		relationId: mutation.relationId,
		inExVat: mutation.inExVat,
		invoiceNumber: mutation.invoiceNumber,
		entryNumber: mutation.entryNumber,
		rows: mutation.rows.map((row) => ({
			ledgerId: row.ledgerId,
			vatCode: row.vatCode,
			amount: toEuros(row.amount),
			...(row.vatAmount === null ? {} : { vatAmount: toEuros(row.vatAmount) }),
			costCenterId: row.costCenterId,
			description: row.description,
			invoiceNumber: row.invoiceNumber,
			relationId: row.relationId,
		})),
		vat: mutation.vat.map(({ vatCode, amount }) => ({ vatCode, amount: toEuros(amount) })),
	};
}

/** `OutstandingInvoiceListItem` (docs/api-notes.md, e-Boekhouden §6.5). */
export function outstandingOutput(store: BooksStore, item: OpenItem): Record<string, unknown> {
	const relation = store.relations.get(item.relationId);
	return {
		date: item.date,
		mutationId: item.mutationId,
		invoiceNumber: item.invoiceNumber,
		relationId: item.relationId,
		relationCode: relation?.code ?? '',
		company: relation?.name ?? '',
		totalAmount: toEuros(item.total),
		paidAmount: toEuros(item.paid),
		outstandingAmount: toEuros(item.total - item.paid),
	};
}

/** GET/POST /v1/mutation, GET /v1/mutation/{id}, GET /v1/mutation/invoice/outstanding. */
export function mutationRoutes(context: BooksContext): Route[] {
	const { store } = context;

	const search = guarded((req) => {
		const paging = readPaging(req.query);
		const matches = readFilters<MutationRecord>(req.query, {
			id: { kind: 'number', value: (mutation) => mutation.id },
			type: { kind: 'number', value: (mutation) => mutation.type },
			invoiceNumber: { kind: 'string', value: (mutation) => mutation.invoiceNumber },
			date: { kind: 'date', value: (mutation) => mutation.date },
			description: { kind: 'string', value: (mutation) => mutation.description },
		});
		const found = store.mutations.filter(matches).map((mutation) => ({
			id: mutation.id,
			type: mutation.type,
			date: mutation.date,
			invoiceNumber: mutation.invoiceNumber,
			ledgerId: mutation.ledgerId,
			amount: toEuros(mutation.amount),
			entryNumber: mutation.entryNumber,
		}));
		return { status: 200, body: pageOf(found, paging) };
	});

	const get = guarded((req) => {
		const id = pathId(req);
		const mutation = store.mutations.find((candidate) => candidate.id === id);
		if (!mutation) throw notFound('MUT_300');
		return { status: 200, body: mutationOutput(mutation) };
	});

	const outstanding = guarded((req) => {
		const credDeb = req.query.get('credDeb');
		if (credDeb === null || credDeb === '') throw invalid('MUTA_006', 'CredDeb');
		if (credDeb !== 'C' && credDeb !== 'D') throw invalid('MUTA_007', 'CredDeb');
		const paging = readPaging(req.query);
		const matches = readFilters<OpenItem>(req.query, {
			invoiceNumber: { kind: 'string', value: (item) => item.invoiceNumber },
		});
		// Fully paid items drop off the list; overpaid ones (outstanding below zero) stay, as open items do.
		const open = store.openItems
			.filter((item) => item.credDeb === credDeb && item.total !== item.paid && matches(item))
			.sort((a, b) => a.date.localeCompare(b.date) || a.mutationId - b.mutationId)
			.map((item) => outstandingOutput(store, item));
		return { status: 200, body: pageOf(open, paging) };
	});

	return [
		{ method: 'GET', path: '/v1/mutation', handler: search },
		{ method: 'POST', path: '/v1/mutation', handler: createMutationHandler(context) },
		{ method: 'GET', path: '/v1/mutation/invoice/outstanding', handler: outstanding },
		{ method: 'GET', path: '/v1/mutation/:id', handler: get },
	];
}
