import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ADMIN_PREFIX, adminRoutes, type AdminOptions } from './admin';
import { createCounter, maskQuery, type RequestCounter } from './counter';
import { createFaults, type Faults } from './faults';
import { createDelays, flattenHeaders, parseJson, readBody, send } from './http';
import { createLatency, drawDelay, type Latency } from './latency';
import { findRoute, routeKey } from './routes';
import type { Fault, Route, SandboxRequest, SandboxResponse } from './types';

export interface ServerOptions {
	host?: string;
	/** 0 (the default) picks a free port. */
	port?: number;
	routes: Route[];
	faults?: Faults;
	counter?: RequestCounter;
	admin?: AdminOptions;
	/** Network latency on every answer (admin requests excepted); changeable later via `latency` or the admin route. */
	latency?: Partial<Latency>;
	/** Body for answers the server makes itself (faults, 400 bad JSON, 404, 405, 500); default `{ status, message }`. */
	errorBody?: (status: number, message: string) => unknown;
}

export interface RunningServer {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	port: number;
	faults: Faults;
	counter: RequestCounter;
	/** The latency in force; change its fields (or POST /__admin/latency) to change it. */
	latency: Latency;
	close(): Promise<void>;
}

/** Starts a JSON server on 127.0.0.1 with request counting, a request log, fault injection and `/__admin/`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const host = options.host ?? '127.0.0.1';
	const faults = options.faults ?? createFaults();
	const counter = options.counter ?? createCounter();
	const errorBody =
		options.errorBody ?? ((status: number, message: string) => ({ status, message }));
	const latency = createLatency(options.latency);
	const admin = adminRoutes(counter, faults, options.admin, latency);
	const delays = createDelays();
	let closed = false;

	const faultAnswer = (fault: Fault): SandboxResponse => {
		const status = fault.status ?? 500;
		const headers: Record<string, string> = {};
		if (fault.retryAfterSeconds !== undefined)
			headers['Retry-After'] = String(fault.retryAfterSeconds);
		return {
			status,
			headers,
			body: fault.body ?? errorBody(status, `Injected fault: HTTP ${status}`),
		};
	};

	const answer = async (
		req: IncomingMessage,
	): Promise<{
		response: SandboxResponse;
		route: string;
		faulted: boolean;
		request: SandboxRequest;
		/** This answer's network delay, of which the second half is still to be spent. */
		travel: number;
	}> => {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const method = (req.method ?? 'GET').toUpperCase();
		const text = await readBody(req);
		const isAdmin = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`);
		const { match, allowed } = findRoute(isAdmin ? admin : options.routes, method, url.pathname);
		const route = match ? routeKey(method, match.route.path) : routeKey(method, url.pathname);
		const parsed = parseJson(text);
		const request: SandboxRequest = {
			method,
			path: url.pathname,
			params: match?.params ?? {},
			query: url.searchParams,
			headers: flattenHeaders(req),
			body: parsed.ok ? parsed.value : undefined,
		};
		// The way there: half of this answer's network delay before it is handled, the other half after.
		const travel = isAdmin ? 0 : drawDelay(latency);
		const reply = (response: SandboxResponse, faulted = false) => ({
			response,
			route,
			faulted,
			request,
			travel,
		});
		const there = Math.floor(travel / 2);
		if (there > 0) await delays.wait(there);
		const fault = isAdmin ? undefined : faults.take(method, url.pathname, match?.route.path);
		if (fault?.delayMs) await delays.wait(fault.delayMs);
		if (fault?.status !== undefined) return reply(faultAnswer(fault), true);
		if (!match) {
			if (allowed.length > 0) {
				return reply({
					status: 405,
					headers: { Allow: allowed.join(', ') },
					body: errorBody(405, 'Method not allowed'),
				});
			}
			return reply({ status: 404, body: errorBody(404, `No route for ${method} ${url.pathname}`) });
		}
		if (!parsed.ok)
			return reply({ status: 400, body: errorBody(400, 'The request body is not valid JSON') });
		try {
			return reply(await match.route.handler(request), fault !== undefined);
		} catch (error) {
			return reply({
				status: 500,
				body: errorBody(500, `Sandbox handler failed: ${(error as Error).message}`),
			});
		}
	};

	const travelBack = async (
		answered: Awaited<ReturnType<typeof answer>>,
	): Promise<Awaited<ReturnType<typeof answer>>> => {
		const back = answered.travel - Math.floor(answered.travel / 2);
		if (back > 0 && !closed) await delays.wait(back);
		return answered;
	};

	const isAdminPath = (raw: string | undefined) => {
		const pathname = new URL(raw ?? '/', 'http://sandbox.invalid').pathname;
		return pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
	};

	const server = createServer((req, res) => {
		const counted = !isAdminPath(req.url);
		if (counted) counter.enter();
		answer(req)
			.then(travelBack)
			.finally(() => {
				if (counted) counter.leave();
			})
			.then(({ response, route, faulted, request }) => {
				if (closed) return;
				if (!request.path.startsWith(`${ADMIN_PREFIX}/`) && request.path !== ADMIN_PREFIX) {
					const query = maskQuery(request.query);
					counter.record({
						method: request.method,
						path: request.path,
						query,
						route,
						status: response.status,
						faulted,
					});
				}
				send(res, response);
			})
			.catch((error: Error) => {
				if (!closed) send(res, { status: 500, body: errorBody(500, error.message) });
			});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;

	return {
		url: `http://${host}:${port}`,
		port,
		faults,
		counter,
		latency,
		close: () =>
			new Promise<void>((resolve) => {
				closed = true;
				delays.endAll();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
