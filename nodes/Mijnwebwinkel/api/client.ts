import type { IDataObject } from 'n8n-workflow';
import type { z } from 'zod';
import { describeInvalidResponse } from './errors';
import type { Order } from '../../shared/order.schema';
import { readOrderNumber, safeParseOrder } from '../../shared/order.schema';
import type { OrderStatus, OrderSummary, Payment } from './schemas';
import {
	countSchema,
	issuePath,
	orderStatusListSchema,
	orderSummarySchema,
	paymentListSchema,
} from './schemas';
import type { MijnwebwinkelTransport } from './transport';

/** The API's maximum page size for `GET /v1/orders` (its default is 10). */
export const PAGE_SIZE_MAX = 100;

/** Every documented filter of `GET /v1/orders` (docs/api-notes.md, Mijnwebwinkel §3.1). */
export interface OrderFilters {
	/** One status id; the API takes a single value. */
	statusId?: number;
	/** Order date from/to, `yyyy-mm-dd`. */
	startDate?: string;
	endDate?: string;
	/** Last status change from/to, `yyyy-mm-dd hh:mm:ss` shop-local. */
	statusChangedStartDate?: string;
	statusChangedEndDate?: string;
	/** Omitted: archived and not archived alike. */
	archived?: boolean;
	debtorEmail?: string;
	debtorId?: string;
	includeTest?: boolean;
	ordering?: 'asc' | 'desc';
}

export function orderQuery(filters: OrderFilters): IDataObject {
	const query: IDataObject = {
		status_id: filters.statusId,
		start_date: filters.startDate,
		end_date: filters.endDate,
		status_changed_start_date: filters.statusChangedStartDate,
		status_changed_end_date: filters.statusChangedEndDate,
		archived: filters.archived,
		debtor_email: filters.debtorEmail,
		debtor_id: filters.debtorId,
		test: filters.includeTest ? true : undefined,
		ordering: filters.ordering,
	};
	return Object.fromEntries(
		Object.entries(query).filter(([, value]) => value !== undefined && value !== ''),
	);
}

/** One page of orders, as the API sent them (not yet validated per order). */
export async function fetchOrdersPage(
	transport: MijnwebwinkelTransport,
	filters: OrderFilters,
	page: { offset: number; limit: number },
): Promise<unknown[]> {
	const limit = Math.min(Math.max(1, Math.floor(page.limit)), PAGE_SIZE_MAX);
	const body = await transport.get('/orders', {
		...orderQuery(filters),
		limit,
		offset: page.offset,
	});
	if (!Array.isArray(body)) {
		throw transport.invalid(
			describeInvalidResponse('an order list', '(response)', 'is not a list'),
			{
				field: '(response)',
			},
		);
	}
	return body;
}

/**
 * The pages of `GET /v1/orders`, one request at a time, until a short page. The next page is asked for only when the
 * caller is done with this one, so what it starts with a page (reading payments) runs while the next is fetched.
 * With `upTo`, no more orders than that are asked for in all.
 */
export async function* orderPages(
	transport: MijnwebwinkelTransport,
	filters: OrderFilters,
	upTo = Infinity,
): AsyncGenerator<unknown[], void, undefined> {
	for (let offset = 0; offset < upTo;) {
		const pageSize = Math.min(PAGE_SIZE_MAX, upTo - offset);
		const page = await fetchOrdersPage(transport, filters, { offset, limit: pageSize });
		yield page;
		if (page.length < pageSize) return;
		offset += page.length;
	}
}

/**
 * Pages through `GET /v1/orders` until a short page, keeping the orders `keep` accepts, and stops as soon as
 * `limit` are kept. Without `keep` the last page asks for no more than still needed.
 */
export async function listOrders(
	transport: MijnwebwinkelTransport,
	filters: OrderFilters,
	options: { limit?: number; keep?: (order: unknown) => boolean } = {},
): Promise<unknown[]> {
	const { limit = Infinity, keep } = options;
	const kept: unknown[] = [];
	for await (const page of orderPages(transport, filters, keep ? Infinity : limit)) {
		for (const order of page) {
			if (kept.length < limit && (!keep || keep(order))) kept.push(order);
		}
		if (kept.length >= limit) break;
	}
	return kept;
}

/** Validates a raw order against the full order schema; the error names the order and the field. */
export function parseOrder(transport: MijnwebwinkelTransport, raw: unknown): Order {
	const result = safeParseOrder(raw);
	if (result.success) return result.order;
	throw transport.invalid(
		describeInvalidResponse(`order ${result.orderNumber}`, result.field, result.message),
		{ orderNumber: result.orderNumber, field: result.field },
	);
}

export function parseOrderSummary(transport: MijnwebwinkelTransport, raw: unknown): OrderSummary {
	const result = orderSummarySchema.safeParse(raw);
	if (result.success) return result.data;
	const orderNumber = readOrderNumber(raw);
	const { field, message } = issuePath(result.error);
	throw transport.invalid(describeInvalidResponse(`order ${orderNumber}`, field, message), {
		orderNumber,
		field,
	});
}

export async function getOrder(
	transport: MijnwebwinkelTransport,
	orderNumber: string,
): Promise<unknown> {
	const raw = await transport.get(`/orders/${encodeURIComponent(orderNumber)}`);
	parseOrder(transport, raw);
	return raw;
}

/** `GET /v1/orders/count` takes the list filters except debtor, ordering and paging. */
export async function countOrders(
	transport: MijnwebwinkelTransport,
	filters: OrderFilters,
): Promise<number> {
	const {
		statusId,
		startDate,
		endDate,
		statusChangedStartDate,
		statusChangedEndDate,
		archived,
		includeTest,
	} = filters;
	const countable = {
		statusId,
		startDate,
		endDate,
		statusChangedStartDate,
		statusChangedEndDate,
		archived,
		includeTest,
	};
	const body = await transport.get('/orders/count', orderQuery(countable));
	return parseWith(transport, countSchema, body, 'an order count').count;
}

export type PaymentEmbed = 'mutations' | 'order' | 'properties';

export async function getOrderPayments(
	transport: MijnwebwinkelTransport,
	orderNumber: string,
	embed: PaymentEmbed[] = [],
): Promise<Payment[]> {
	const query = embed.length ? { embed: embed.join(',') } : {};
	const body = await transport.get(`/orders/${encodeURIComponent(orderNumber)}/payments`, query);
	return parseWith(
		transport,
		paymentListSchema,
		body,
		`the payments of order ${orderNumber}`,
		orderNumber,
	).payments;
}

/** Needs only the partner token. `language` overrides the credential's, e.g. `nl_NL` to read Dutch names. */
export async function getOrderStatuses(
	transport: MijnwebwinkelTransport,
	language?: string,
): Promise<OrderStatus[]> {
	const body = await transport.get('/orderstatuses', language ? { language } : {});
	return parseWith(transport, orderStatusListSchema, body, 'the order statuses');
}

function parseWith<T extends z.ZodTypeAny>(
	transport: MijnwebwinkelTransport,
	schema: T,
	body: unknown,
	what: string,
	orderNumber?: string,
): z.infer<T> {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const { field, message } = issuePath(result.error);
	throw transport.invalid(describeInvalidResponse(what, field, message), { orderNumber, field });
}
