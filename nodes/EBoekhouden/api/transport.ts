import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { z } from 'zod';

import { backoffFor } from '../../shared/backoff';
import { RETRY_AFTER_MAX_MS, rateLimitWait, retryAfterHeader } from '../../shared/retryAfter';
import { explainError, explainUnexpectedAnswer } from './errors';
import { apiError, asRecord, readThrown, type Answer } from './failure';

export { apiError, errorCode, errorKind } from './failure';

/**
 * The only place that talks HTTP to e-Boekhouden. A dead session (401) is renewed by n8n itself through the
 * credential's preAuthentication and the request resent once (docs/api-notes.md, n8n Community packages §3.4), so 401 is
 * the one status left to throw; every other answer comes back here to be retried or translated.
 */
export type EBoekhoudenContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'eBoekhoudenApi';
export const RATE_LIMIT_RETRIES = 4;
export { RETRY_AFTER_DEFAULT_MS, RETRY_AFTER_MAX_MS } from '../../shared/retryAfter';
export const SERVER_ERROR_RETRIES = 3;
export const SERVER_ERROR_BACKOFF_MS = [1_000, 2_000, 4_000];
const REQUEST_TIMEOUT_MS = 60_000;

export interface ApiRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * e-Boekhouden itself refuses a repeat of this write (FACT_101 for a numbered invoice, MUTA_008 for a checked
	 * payment reference), so it may be sent again after a 5xx or a dropped connection like a GET.
	 */
	idempotent?: boolean;
}

interface Connection {
	baseUrl: string;
	secrets: string[];
	/** The administration's shared back-off: credential and server, never a token. */
	backoffKey: string;
}

const connections = new WeakMap<object, Promise<Connection>>();

async function connectionOf(ctx: EBoekhoudenContext): Promise<Connection> {
	let connection = connections.get(ctx);
	if (!connection) {
		const credential =
			typeof ctx.getNode === 'function' ? ctx.getNode().credentials?.[CREDENTIAL_TYPE] : undefined;
		connection = ctx.getCredentials(CREDENTIAL_TYPE).then((credentials) => {
			const baseUrl = String(credentials.baseUrl || 'https://api.e-boekhouden.nl').replace(
				/\/+$/,
				'',
			);
			return {
				baseUrl,
				secrets: [credentials.accessToken, credentials.sessionToken].filter(
					(secret): secret is string => typeof secret === 'string',
				),
				backoffKey: `${credential?.id ?? credential?.name ?? ''}|${baseUrl}`,
			};
		});
		connections.set(ctx, connection);
	}
	return await connection;
}

/** The base URL the credential points at (the administration's server). */
export async function baseUrlOf(ctx: EBoekhoudenContext): Promise<string> {
	return (await connectionOf(ctx)).baseUrl;
}

async function send(
	ctx: EBoekhoudenContext,
	request: ApiRequest,
	baseUrl: string,
): Promise<Answer> {
	try {
		const response = asRecord(
			await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
				method: request.method,
				baseURL: baseUrl,
				url: request.path,
				qs: request.qs,
				body: request.body,
				json: true,
				timeout: REQUEST_TIMEOUT_MS,
				returnFullResponse: true,
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
			}),
		);
		return {
			status: Number(response.statusCode),
			body: response.body,
			headers: asRecord(response.headers),
		};
	} catch (error) {
		return readThrown(error);
	}
}

/**
 * One request. 429 is retried for every method: the request was refused, not carried out. The wait is shared: a
 * 429 pauses every request of this process to the same administration (shared/backoff.ts, shared/retryAfter.ts), and each request
 * waits for a running pause before it is sent, so items worked on in parallel slow down together. 5xx and network
 * failures are retried for GET and for a write marked idempotent; any other write is never repeated blindly
 * (callers check before they create).
 */
export async function apiRequest<S extends z.ZodTypeAny>(
	ctx: EBoekhoudenContext,
	request: ApiRequest,
	schema?: S,
): Promise<z.infer<S>> {
	const { baseUrl, secrets, backoffKey } = await connectionOf(ctx);
	const backoff = backoffFor(backoffKey);
	let rateLimited = 0;
	let failed = 0;
	for (;;) {
		// A pause longer than a minute (shared/retryAfter.ts) is not waited out: nothing is sent until it ends.
		if (!(await backoff.pass(RETRY_AFTER_MAX_MS)))
			throw apiError(ctx, explainError(429, undefined), 429, secrets);
		const answer = await send(ctx, request, baseUrl);
		if (answer.session) throw apiError(ctx, answer.session, undefined, secrets);
		const status = answer.status;
		if (status !== undefined && status >= 200 && status < 300) {
			if (!schema) return answer.body;
			const parsed = schema.safeParse(answer.body);
			if (parsed.success) return parsed.data;
			const issue = parsed.error.issues[0];
			const endpoint = `${request.method} ${request.path}`;
			throw apiError(
				ctx,
				explainUnexpectedAnswer(endpoint, issue.path.join('.'), issue.message),
				status,
				secrets,
			);
		}
		if (status === 429) {
			const next = rateLimitWait(retryAfterHeader(answer.headers), rateLimited++);
			if (next.retry && rateLimited <= RATE_LIMIT_RETRIES) {
				await backoff.hold(next.waitMs);
				continue;
			}
			if (!next.retry) backoff.arm(next.askedMs);
		}
		const transient = status === undefined || status >= 500;
		const repeatable = request.method === 'GET' || request.idempotent === true;
		if (transient && repeatable && failed < SERVER_ERROR_RETRIES) {
			await sleep(SERVER_ERROR_BACKOFF_MS[failed++]);
			continue;
		}
		throw apiError(ctx, explainError(status, answer.body), status, secrets);
	}
}
