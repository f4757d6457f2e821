import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { backoffFor, SharedBackoff } from '../../shared/backoff';
import { redact } from '../../shared/redact';
import {
	parseRetryAfterMs,
	rateLimitWait,
	RETRY_AFTER_MAX_MS,
	retryAfterHeader,
} from '../../shared/retryAfter';
import type { ErrorDescription } from './errors';
import { PARTNER_ONLY_PATHS, describeHttpError, describeNetworkError } from './errors';

export const CREDENTIAL_TYPE = 'mijnwebwinkelApi';
export const DEFAULT_BASE_URL = 'https://api.myonlinestore.com';
const VERSION_PREFIX = '/v1';

/** One first try plus three retries, for 429, 5xx and dropped connections (every call here is a GET). */
export const MAX_ATTEMPTS = 4;
export const BACKOFF_BASE_MS = 1_000;
export const REQUEST_TIMEOUT_MS = 30_000;

const RETRYABLE_NETWORK_CODES = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN'];
export type MijnwebwinkelContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface MijnwebwinkelTransport {
	/** GET `path` (below `/v1`) and return the parsed JSON body; throws a redacted `NodeApiError`. */
	get(path: string, query?: IDataObject): Promise<unknown>;
	/** Which shop this transport reaches (credential and base URL), to keep what is known of one shop apart. */
	shop(): Promise<string>;
	/** A `NodeApiError` for an answer that fails its schema, with the order and field in its context. */
	invalid(
		description: ErrorDescription,
		facts: { orderNumber?: string; field: string },
	): NodeApiError;
}

export interface TransportOptions {
	/** How this transport waits between tries (a test gives its own). */
	wait?: (milliseconds: number) => Promise<void>;
	/**
	 * The pause shared on 429 (a test gives its own). By default the one of this shop in this process, so every
	 * request of every execution to it pauses together; with only `wait` given, a pause of this transport alone.
	 */
	backoff?: SharedBackoff;
}

interface Settings {
	baseUrl: string;
	shop: string;
	language: string;
	secrets: string[];
	backoff: SharedBackoff;
}

/** A pause of one transport on a clock that `wait` moves: a test's wait ends at once, and so does the pause. */
function backoffWaitingWith(wait: (milliseconds: number) => Promise<void>): SharedBackoff {
	let waited = 0;
	return new SharedBackoff({
		now: () => Date.now() + waited,
		sleep: async (ms) => {
			waited += ms;
			await wait(ms);
		},
	});
}

export function createTransport(
	context: MijnwebwinkelContext,
	options: TransportOptions = {},
): MijnwebwinkelTransport {
	const wait = options.wait ?? sleep;
	let settings: Settings | undefined;
	let partnerTokenAccepted = false;

	const toError = (found: ErrorDescription, facts: IDataObject = {}) => {
		const secrets = settings?.secrets ?? [];
		const message = redact(found.message, secrets);
		const description = redact(found.description, secrets);
		const error = new NodeApiError(
			context.getNode(),
			{
				message,
				description,
				kind: found.kind,
				...(found.httpCode ? { httpCode: found.httpCode } : {}),
			} as JsonObject,
			{ message, description, httpCode: found.httpCode },
		);
		error.context = { ...error.context, kind: found.kind, ...facts };
		return error;
	};

	const readSettings = async (): Promise<Settings> => {
		if (settings) return settings;
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
		const baseUrl = (text(credentials.baseUrl) || DEFAULT_BASE_URL).replace(/\/+$/, '');
		// The shop limits per partner and store (docs/api-notes.md, Mijnwebwinkel §11): one credential, one pause.
		const credential = context.getNode().credentials?.[CREDENTIAL_TYPE];
		const backoffKey = `${CREDENTIAL_TYPE}|${credential?.id ?? credential?.name ?? ''}|${baseUrl}`;
		settings = {
			baseUrl,
			shop: backoffKey,
			language: text(credentials.language) || 'nl_NL',
			secrets: [text(credentials.storeToken), text(credentials.partnerToken)].filter(Boolean),
			backoff:
				options.backoff ??
				(options.wait ? backoffWaitingWith(options.wait) : backoffFor(backoffKey)),
		};
		return settings;
	};

	const get = async (path: string, query: IDataObject = {}): Promise<unknown> => {
		const { baseUrl, language, backoff } = await readSettings();
		const request: IHttpRequestOptions = {
			method: 'GET',
			url: `${baseUrl}${VERSION_PREFIX}${path}`,
			qs: { language, ...query },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: REQUEST_TIMEOUT_MS,
		};
		const refused = (attempts: number, retryAfterMs: number | undefined) =>
			toError(
				describeHttpError({
					status: 429,
					body: undefined,
					path,
					attempts,
					partnerTokenAccepted,
					retryAfterSeconds:
						retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
				}),
			);
		let refusals = 0;
		for (let attempt = 1; ; attempt++) {
			if (!(await backoff.pass(RETRY_AFTER_MAX_MS)))
				throw refused(attempt - 1, backoff.remainingMs());
			let response: IN8nHttpFullResponse;
			try {
				response = (await context.helpers.httpRequestWithAuthentication.call(
					context,
					CREDENTIAL_TYPE,
					{ ...request, qs: { ...request.qs } },
				)) as IN8nHttpFullResponse;
			} catch (error) {
				const failure = readRequestFailure(error);
				if (!failure) throw new NodeOperationError(context.getNode(), error as Error);
				const { code } = failure;
				if (code && RETRYABLE_NETWORK_CODES.includes(code) && attempt < MAX_ATTEMPTS) {
					await wait(backoffMs(attempt));
					continue;
				}
				throw toError(describeNetworkError(code, baseUrl, attempt));
			}
			const status = response.statusCode;
			if (status >= 200 && status < 300) {
				if (PARTNER_ONLY_PATHS.includes(path)) partnerTokenAccepted = true;
				return response.body;
			}
			const header = retryAfterHeader(response.headers);
			if (status === 429) {
				// The shop's limit is per partner and store, so the pause is shared (shared/retryAfter.ts for the policy).
				const next = rateLimitWait(header, refusals++);
				if (next.retry && attempt < MAX_ATTEMPTS) {
					await backoff.hold(next.waitMs);
					continue;
				}
				// Giving up: the pause still holds for everyone else, as asked.
				backoff.arm(next.retry ? next.waitMs : next.askedMs);
				throw refused(attempt, parseRetryAfterMs(header));
			}
			if (status >= 500 && attempt < MAX_ATTEMPTS) {
				await wait(serverErrorDelayMs(parseRetryAfterMs(header), attempt));
				continue;
			}
			throw toError(
				describeHttpError({
					status,
					body: response.body,
					path,
					attempts: attempt,
					partnerTokenAccepted,
				}),
			);
		}
	};

	return {
		get,
		shop: async () => (await readSettings()).shop,
		invalid: (found, facts) => toError(found, { ...facts }),
	};
}

/** A server error waits for this request alone: its own Retry-After when reasonable, else 1, 2, 4 s. */
export function serverErrorDelayMs(retryAfterMs: number | undefined, attempt: number): number {
	if (retryAfterMs !== undefined && retryAfterMs <= RETRY_AFTER_MAX_MS) return retryAfterMs;
	return backoffMs(attempt);
}

export function backoffMs(attempt: number): number {
	return BACKOFF_BASE_MS * 2 ** (attempt - 1);
}

/**
 * n8n wraps a failed HTTP call (no answer at all) in a NodeApiError whose cause is the HTTP client's error,
 * which carries the request URL with the tokens: it is read for its code here and never passed on.
 * Anything else (a missing credential, say) is not a request failure and is rethrown untouched.
 */
function readRequestFailure(error: unknown): { code?: string } | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	let fromHttpClient = false;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const record = current as { code?: unknown; cause?: unknown; isAxiosError?: unknown };
		if (record.isAxiosError === true) fromHttpClient = true;
		if (typeof record.code === 'string' && /^[A-Z][A-Z_]+$/.test(record.code))
			return { code: record.code };
		current = record.cause;
	}
	return fromHttpClient ? {} : undefined;
}
