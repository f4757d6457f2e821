import type { Route } from '../common';
import { guarded, pathId, type BooksContext } from './context';
import { notFound } from './errors';
import { readFilters } from './filters';
import { createInvoiceHandler } from './invoiceCreate';
import { toEuros } from './money';
import { pageOf, readPaging } from './paging';
import type { InvoiceItemRecord, InvoiceRecord } from './store';

/** `InvoiceListItem` (docs/api-notes.md, e-Boekhouden §6.3). */
export function invoiceListItem(invoice: InvoiceRecord, baseUrl: string): Record<string, unknown> {
	return {
		id: invoice.id,
		invoiceNumber: invoice.invoiceNumber,
		relationId: invoice.relationId,
		date: invoice.date,
		reference: invoice.reference,
		text: invoice.text,
		urlPdfFile: `${baseUrl}/__admin/invoices/${invoice.id}`,
		totalExcl: toEuros(invoice.totalExcl),
		totalAmount: toEuros(invoice.totalAmount),
		vatAmount: toEuros(invoice.vatAmount),
		termOfPayment: invoice.termOfPayment,
		templateId: invoice.templateId,
		print: invoice.print,
	};
}

/** `InvoiceItem`: `vatAmount` only where the client gave one (AFW_VERK); per-line VAT is off in this administration. */
function itemOutput(item: InvoiceItemRecord): Record<string, unknown> {
	return {
		quantity: item.quantity,
		unitId: item.unitId,
		code: item.code ?? '',
		productId: item.productId,
		description: item.description,
		pricePerUnit: item.pricePerUnit,
		vatCode: item.vatCode,
		...(item.vatAmount === null ? {} : { vatAmount: toEuros(item.vatAmount) }),
		ledgerId: item.ledgerId,
		costCenterId: item.costCenterId,
		discountAmount: item.discountAmount,
		discountPercentage: item.discountPercentage,
	};
}

/** `Invoice` (GET /v1/invoice/{id}). */
export function invoiceOutput(invoice: InvoiceRecord, baseUrl: string): Record<string, unknown> {
	const listed = invoiceListItem(invoice, baseUrl);
	delete listed.print;
	return {
		...listed,
		inExVat: invoice.inExVat,
		emailTemplateId: invoice.emailTemplateId,
		items: invoice.items.map(itemOutput),
	};
}

/** GET/POST /v1/invoice, GET /v1/invoice/{id}. */
export function invoiceRoutes(context: BooksContext): Route[] {
	const { store } = context;

	const search = guarded((req) => {
		const paging = readPaging(req.query);
		const matches = readFilters<InvoiceRecord>(req.query, {
			invoiceNumber: { kind: 'string', value: (invoice) => invoice.invoiceNumber },
			relationId: { kind: 'number', value: (invoice) => invoice.relationId },
			date: { kind: 'date', value: (invoice) => invoice.date },
		});
		const found = store.invoices
			.filter(matches)
			.map((invoice) => invoiceListItem(invoice, context.url));
		return { status: 200, body: pageOf(found, paging) };
	});

	const get = guarded((req) => {
		const id = pathId(req);
		const invoice = store.invoices.find((candidate) => candidate.id === id);
		if (!invoice) throw notFound('FACT_021');
		return { status: 200, body: invoiceOutput(invoice, context.url) };
	});

	return [
		{ method: 'GET', path: '/v1/invoice', handler: search },
		{ method: 'POST', path: '/v1/invoice', handler: createInvoiceHandler(context) },
		{ method: 'GET', path: '/v1/invoice/:id', handler: get },
	];
}
