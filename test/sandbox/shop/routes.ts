/**
 * The Mijnwebwinkel API routes the sandbox serves (spec paths /orders, /orders/count, /orders/{order_number},
 * /orders/{order_number}/payments, /orderstatuses; version 1 only). Tokens travel in the query string.
 */
import type { Route, SandboxRequest, SandboxResponse } from '../common';
import { apiProblem, legacyError } from './errors';
import { DEFAULT_LANGUAGE, LANGUAGES, localizeOrder } from './localize';
import { EMBEDS, orderPayments, type Embed } from './payments';
import { matches, page, parseFilter, parsePaging } from './query';
import { describeStatuses, type OrderStatus } from './statuses';
import type { OrderStore } from './store';

export interface ShopContext {
	store: OrderStore;
	statuses: readonly OrderStatus[];
	storeToken: string;
	partnerToken: string;
}

type ErrorAnswer = (status: number, detail: string) => SandboxResponse;
type Checked = { answer: SandboxResponse } | { language: string };

/**
 * Tokens, `format` and `language`. Both tokens are required, except on /orderstatuses (partner token only).
 * `format=xml` is refused with 400: the sandbox speaks JSON only, and a client asking for XML should notice.
 */
function check(
	req: SandboxRequest,
	context: ShopContext,
	storeTokenNeeded: boolean,
	fail: ErrorAnswer,
): Checked {
	const partnerOk = req.query.get('partner_token') === context.partnerToken;
	const storeOk = !storeTokenNeeded || req.query.get('token') === context.storeToken;
	if (!partnerOk || !storeOk)
		return { answer: fail(401, 'A valid token and partner_token are required') };
	const format = req.query.get('format') ?? 'json';
	if (format !== 'json')
		return { answer: fail(400, `format=${format} is not supported by the sandbox; use json`) };
	const language = req.query.get('language') ?? DEFAULT_LANGUAGE;
	if (!(LANGUAGES as readonly string[]).includes(language))
		return { answer: fail(400, `Unknown language ${language}`) };
	return { language };
}

function listOrders(req: SandboxRequest, context: ShopContext): SandboxResponse {
	const checked = check(req, context, true, legacyError);
	if ('answer' in checked) return checked.answer;
	const filter = parseFilter(req.query, true);
	if ('error' in filter) return legacyError(400, filter.error);
	const paging = parsePaging(req.query);
	if ('error' in paging) return legacyError(400, paging.error);
	const found = context.store
		.list()
		.map(({ order }) => order)
		.filter((order) => matches(order, filter.value));
	return {
		status: 200,
		body: page(found, paging.value).map((order) => localizeOrder(order, checked.language)),
	};
}

function countOrders(req: SandboxRequest, context: ShopContext): SandboxResponse {
	const checked = check(req, context, true, legacyError);
	if ('answer' in checked) return checked.answer;
	const filter = parseFilter(req.query, false);
	if ('error' in filter) return legacyError(400, filter.error);
	const count = context.store.list().filter(({ order }) => matches(order, filter.value)).length;
	return { status: 200, body: { count } };
}

function getOrder(req: SandboxRequest, context: ShopContext): SandboxResponse {
	const checked = check(req, context, true, legacyError);
	if ('answer' in checked) return checked.answer;
	const stored = context.store.get(req.params.number);
	if (!stored) return legacyError(404, `Order ${req.params.number} not found`);
	return { status: 200, body: localizeOrder(stored.order, checked.language) };
}

function getPayments(req: SandboxRequest, context: ShopContext): SandboxResponse {
	const checked = check(req, context, true, apiProblem);
	if ('answer' in checked) return checked.answer;
	const asked = (req.query.get('embed') ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	const unknown = asked.filter((part) => !(EMBEDS as readonly string[]).includes(part));
	if (unknown.length > 0)
		return apiProblem(400, `embed must be one or more of ${EMBEDS.join(', ')}`);
	const stored = context.store.get(req.params.number);
	if (!stored) return apiProblem(404, `Order ${req.params.number} not found`);
	return { status: 200, body: { payments: orderPayments(stored, new Set(asked as Embed[])) } };
}

function getStatuses(req: SandboxRequest, context: ShopContext): SandboxResponse {
	const checked = check(req, context, false, legacyError);
	if ('answer' in checked) return checked.answer;
	return { status: 200, body: describeStatuses(context.statuses, checked.language) };
}

export function shopRoutes(context: ShopContext): Route[] {
	return [
		{ method: 'GET', path: '/v1/orders', handler: (req) => listOrders(req, context) },
		{ method: 'GET', path: '/v1/orders/count', handler: (req) => countOrders(req, context) },
		{ method: 'GET', path: '/v1/orders/:number', handler: (req) => getOrder(req, context) },
		{
			method: 'GET',
			path: '/v1/orders/:number/payments',
			handler: (req) => getPayments(req, context),
		},
		{ method: 'GET', path: '/v1/orderstatuses', handler: (req) => getStatuses(req, context) },
	];
}
