/**
 * Dependency-free HTTP toolkit on node:http that both sandbox servers (shop, books) are built on.
 *
 *   startServer({ host?='127.0.0.1', port?=0, routes, faults?, counter?, admin?, errorBody? })
 *     → Promise<{ url, port, faults, counter, close() }>
 *   routes: [{ method, path: '/v1/orders/:number', handler(req) → { status, body?, headers? } (may be async) }]
 *   req: { method, path, params, query: URLSearchParams, headers (lower-case), body (parsed JSON | undefined) }
 *   createCounter() → { counts() {'GET /v1/orders/:number': n}, requestLog() [{method,path,query,route,status,faulted}],
 *     resetCounts() }   (query has token-like values masked; admin requests are neither counted nor logged)
 *   createFaults() → { add({ method?, path? (prefix or template), status?, times=1, retryAfterSeconds?, delayMs?,
 *     body? }), clear(), list() }   (status → answered with it; delayMs only → delayed, then handled normally)
 *   /__admin/: GET state, GET requests (+ inFlight { now, peak }), GET|POST|DELETE faults, GET|POST latency
 *     { latencyMs, jitterMs }, POST reset (counts, log, faults, then admin.reset(); the latency stays)
 *   startServer({ latency: { latencyMs: 150, jitterMs: 30 } }): every answer ±jitter ms later (latency.ts)
 */
export { startServer, type RunningServer, type ServerOptions } from './server';
export { createCounter, maskQuery, type RequestCounter } from './counter';
export { createFaults, checkFault, type Faults } from './faults';
export { ADMIN_PREFIX, type AdminOptions } from './admin';
export {
	checkLatency,
	createLatency,
	drawDelay,
	setLatency,
	updateLatency,
	type Latency,
} from './latency';
export { matchTemplate } from './routes';
export type {
	Fault,
	Handler,
	HttpMethod,
	RequestLogEntry,
	Route,
	SandboxRequest,
	SandboxResponse,
} from './types';
