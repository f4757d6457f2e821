/** The shapes both sandbox servers share: a parsed request, a handler's answer, a route, a fault. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SandboxRequest {
	method: string;
	/** Path without the query string, e.g. `/v1/orders/1001`. */
	path: string;
	/** Path parameters by name, e.g. `{ number: '1001' }` for `/v1/orders/:number`. */
	params: Record<string, string>;
	query: URLSearchParams;
	/** Header names in lower case; repeated headers joined with `, `. */
	headers: Record<string, string>;
	/** Parsed JSON, or undefined for an empty body. */
	body: unknown;
}

export interface SandboxResponse {
	status: number;
	/** Sent as JSON unless it is a string; omitted when undefined. */
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
	method: HttpMethod;
	/** Template with `:name` segments, e.g. `/v1/orders/:number`. */
	path: string;
	handler: Handler;
}

export interface Fault {
	method?: string;
	/** A path prefix (`/v1/orders`) or a route template (`/v1/orders/:number`); omitted = every request. */
	path?: string;
	/** Answer with this status instead of handling the request; omitted = only delay, then handle normally. */
	status?: number;
	/** How many matching requests this fault hits (default 1). */
	times?: number;
	/** Sent as a `Retry-After` header (seconds). */
	retryAfterSeconds?: number;
	/** Wait this long before answering (or before normal handling when there is no status). */
	delayMs?: number;
	/** Body for the faulted answer; the server's default error body otherwise. */
	body?: unknown;
}

export interface RequestLogEntry {
	method: string;
	path: string;
	/** Query string with token-like values masked, without the leading `?`. */
	query: string;
	/** `'GET /v1/orders/:number'`, or `'GET /unknown/path'` when no route matched. */
	route: string;
	status: number;
	faulted: boolean;
}
