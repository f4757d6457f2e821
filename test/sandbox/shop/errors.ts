/**
 * Error answers. The v1 order endpoints answer with the spec's legacy `Error` schema `{ code, message,
 * description }`; the newer payments endpoint with RFC 7807 `ApiProblem` `{ type, title, detail, status }`
 * (docs/api-notes.md, Mijnwebwinkel §11). Neither shape is documented for 401/404 live; these are the sandbox's.
 */
import type { SandboxResponse } from '../common';

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
};

/** The default `type` of MyOnlineStore's api-tools problems (docs/api-notes.md, Mijnwebwinkel §11). */
const PROBLEM_TYPE = 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html';

export function errorBody(
	status: number,
	description: string,
): { code: number; message: string; description: string } {
	return { code: status, message: TITLES[status] ?? `HTTP ${status}`, description };
}

export function legacyError(status: number, description: string): SandboxResponse {
	return { status, body: errorBody(status, description) };
}

export function apiProblem(status: number, detail: string): SandboxResponse {
	return {
		status,
		body: { type: PROBLEM_TYPE, title: TITLES[status] ?? `HTTP ${status}`, detail, status },
	};
}
