import type { RequestCounter } from './counter';
import type { Faults } from './faults';
import { updateLatency, type Latency } from './latency';
import type { Fault, Route, SandboxResponse } from './types';

export const ADMIN_PREFIX = '/__admin';

export interface AdminOptions {
	/** JSON-able dump for `GET /__admin/state`. */
	state?: () => unknown;
	/** Called by `POST /__admin/reset` after counts, log and faults are cleared (e.g. back to the seed data). */
	reset?: () => void | Promise<void>;
	/** Extra admin routes; their paths are relative to `/__admin` (e.g. `/expire-sessions`). */
	routes?: Route[];
}

function addFaults(faults: Faults, body: unknown): SandboxResponse {
	const list = (Array.isArray(body) ? body : [body]) as Fault[];
	try {
		for (const fault of list) faults.add(fault);
	} catch (error) {
		return { status: 400, body: { message: (error as Error).message } };
	}
	return { status: 201, body: { faults: faults.list() } };
}

function setLatency(latency: Latency, body: unknown): SandboxResponse {
	try {
		updateLatency(latency, (body ?? {}) as Partial<Latency>);
	} catch (error) {
		return { status: 400, body: { message: (error as Error).message } };
	}
	return { status: 200, body: { ...latency } };
}

/** The `/__admin/` routes every sandbox server has, plus the server's own extras. */
export function adminRoutes(
	counter: RequestCounter,
	faults: Faults,
	options: AdminOptions = {},
	latency?: Latency,
): Route[] {
	const own: Route[] = [
		{
			method: 'GET',
			path: '/state',
			handler: () =>
				options.state
					? { status: 200, body: options.state() }
					: { status: 404, body: { message: 'This server keeps no state' } },
		},
		{
			method: 'GET',
			path: '/requests',
			handler: () => ({
				status: 200,
				body: {
					counts: counter.counts(),
					requests: counter.requestLog(),
					inFlight: counter.inFlight(),
				},
			}),
		},
		{
			method: 'GET',
			path: '/faults',
			handler: () => ({ status: 200, body: { faults: faults.list() } }),
		},
		{ method: 'POST', path: '/faults', handler: (req) => addFaults(faults, req.body) },
		{
			method: 'DELETE',
			path: '/faults',
			handler: () => {
				faults.clear();
				return { status: 204 };
			},
		},
		...(latency
			? ([
					{
						method: 'GET',
						path: '/latency',
						handler: () => ({ status: 200, body: { ...latency } }),
					},
					{ method: 'POST', path: '/latency', handler: (req) => setLatency(latency, req.body) },
				] satisfies Route[])
			: []),
		{
			method: 'POST',
			path: '/reset',
			handler: async () => {
				counter.resetCounts();
				faults.clear();
				await options.reset?.();
				return { status: 200, body: { reset: true } };
			},
		},
	];
	return [...own, ...(options.routes ?? [])].map((route) => ({
		...route,
		path: `${ADMIN_PREFIX}${route.path}`,
	}));
}
