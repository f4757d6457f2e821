/**
 * The shop's own `/__admin/` routes, for tests and demos driving the sandbox over HTTP:
 * GET /orders, POST /orders (one order or an array), PATCH /orders/:number, POST /orders/:number/status
 * `{ status, changedAt? }`, POST /orders/:number/payment-status `{ status }`.
 */
import type { Route, SandboxResponse } from '../common';
import { OrderStoreError, type OrderStore } from './store';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function attempt(change: () => unknown, status = 200): SandboxResponse {
	try {
		return { status, body: change() };
	} catch (error) {
		if (error instanceof OrderStoreError)
			return { status: error.status, body: { message: error.message } };
		throw error;
	}
}

function bad(message: string): SandboxResponse {
	return { status: 400, body: { message } };
}

export function shopAdminRoutes(store: OrderStore): Route[] {
	return [
		{
			method: 'GET',
			path: '/orders',
			handler: () => ({ status: 200, body: { orders: store.list().map(({ order }) => order) } }),
		},
		{
			method: 'POST',
			path: '/orders',
			handler: (req) => {
				const orders = Array.isArray(req.body) ? req.body : [req.body];
				return attempt(() => ({ orders: orders.map((order) => store.add(order)) }), 201);
			},
		},
		{
			method: 'PATCH',
			path: '/orders/:number',
			handler: (req) =>
				isRecord(req.body)
					? attempt(() => store.update(req.params.number, req.body as Json))
					: bad('Send a JSON object'),
		},
		{
			method: 'POST',
			path: '/orders/:number/status',
			handler: (req) => {
				const body = isRecord(req.body) ? req.body : {};
				if (typeof body.status !== 'number')
					return bad('Send { status: number, changedAt?: ISO date }');
				const changedAt = typeof body.changedAt === 'string' ? new Date(body.changedAt) : undefined;
				if (changedAt && Number.isNaN(changedAt.getTime())) return bad('changedAt is not a date');
				return attempt(() => store.setStatus(req.params.number, body.status as number, changedAt));
			},
		},
		{
			method: 'POST',
			path: '/orders/:number/payment-status',
			handler: (req) => {
				const body = isRecord(req.body) ? req.body : {};
				if (typeof body.status !== 'string')
					return bad('Send { status: string }, e.g. { "status": "captured" }');
				return attempt(() => store.setPaymentStatus(req.params.number, body.status as string));
			},
		},
	];
}
