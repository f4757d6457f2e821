/**
 * The shop's own `/__admin/` routes, for tests and demos driving the sandbox over HTTP:
 * GET /orders, POST /orders (one order or an array; an order may carry `sandbox: { transactions, … }`),
 * PATCH /orders/:number, POST /orders/:number/status `{ status, changedAt? }`,
 * POST /orders/:number/payment-status `{ status }`, POST /orders/:number/capture (pay later captured),
 * GET /cases, POST /cases `{ case, number?, changedAt? }` (plants one order of a case from cases.ts).
 */
import type { Route, SandboxResponse } from '../common';
import { buildCase, CASES, type CaseName } from './cases';
import type { ShopOrder } from './generator/render';
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

/** The next free order number: one above the highest in the shop. */
export function nextOrderNumber(orders: readonly ShopOrder[]): number {
	const numbers = orders.map((order) => Number(order.number)).filter(Number.isFinite);
	return Math.max(1000, ...numbers) + 1;
}

export function plantCase(
	store: OrderStore,
	name: CaseName,
	options: { number?: number; changedAt?: Date; now: Date },
) {
	const number = options.number ?? nextOrderNumber(store.list().map(({ order }) => order));
	return store.add(buildCase(name, { number, changedAt: options.changedAt, now: options.now }));
}

export function shopAdminRoutes(store: OrderStore, now: () => Date): Route[] {
	return [
		{
			method: 'GET',
			path: '/cases',
			handler: () => ({ status: 200, body: { cases: CASES } }),
		},
		{
			method: 'POST',
			path: '/cases',
			handler: (req) => {
				const body = isRecord(req.body) ? req.body : {};
				const name = body.case;
				if (typeof name !== 'string' || !(CASES as readonly string[]).includes(name))
					return bad(`Send { case, number?, changedAt? }; case is one of ${CASES.join(', ')}`);
				if (body.number !== undefined && !Number.isInteger(body.number))
					return bad('number must be a whole number');
				const changedAt = typeof body.changedAt === 'string' ? new Date(body.changedAt) : undefined;
				if (changedAt && Number.isNaN(changedAt.getTime())) return bad('changedAt is not a date');
				return attempt(
					() => ({
						order: plantCase(store, name as CaseName, {
							number: body.number as number | undefined,
							changedAt,
							now: now(),
						}),
					}),
					201,
				);
			},
		},
		{
			method: 'POST',
			path: '/orders/:number/capture',
			handler: (req) => attempt(() => store.capture(req.params.number)),
		},
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
