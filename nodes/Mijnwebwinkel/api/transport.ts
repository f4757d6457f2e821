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
import { redact } from '../../shared/redact';
import type { ErrorDescription } from './errors';
import { describeHttpError, describeNetworkError } from './errors';

export const CREDENTIAL_TYPE = 'mijnwebwinkelApi';
export const DEFAULT_BASE_URL = 'https://api.myonlinestore.com';
const VERSION_PREFIX = '/v1';

/** One first try plus three retries, for 429, 5xx and dropped connections (every call here is a GET). */
export const MAX_ATTEMPTS = 4;
export const BACKOFF_BASE_MS = 1_000;
export const RETRY_AFTER_DEFAULT_MS = 5_000;
/** A longer Retry-After is not waited for: the error says how long, and the next poll tries again. */
export const RETRY_AFTER_MAX_MS = 60_000;
export const REQUEST_TIMEOUT_MS = 30_000;

const RETRYABLE_NETWORK_CODES = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN'];
const PARTNER_ONLY_PATHS = ['/orderstatuses'];

export type MijnwebwinkelContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface MijnwebwinkelTransport {
	/** GET `path` (below `/v1`) and return the parsed JSON body; throws a redacted `NodeApiError`. */
	get(path: string, query?: IDataObject): Promise<unknown>;
	/** A `NodeApiError` for an answer that fails its schema, with the order and field in its context. */
	invalid(
		description: ErrorDescription,
		facts: { orderNumber?: string; field: string },
	): NodeApiError;
}

export interface TransportOptions {
	wait?: (milliseconds: number) => Promise<void>;
}

interface Settings {
	baseUrl: string;
	language: string;
	secrets: string[];
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
		settings = {
			baseUrl: (text(credentials.baseUrl) || DEFAULT_BASE_URL).replace(/\/+$/, ''),
			language: text(credentials.language) || 'nl_NL',
			secrets: [text(credentials.storeToken), text(credentials.partnerToken)].filter(Boolean),
		};
		return settings;
	};

	const get = async (path: string, query: IDataObject = {}): Promise<unknown> => {
		const { baseUrl, language } = await readSettings();
		const request: IHttpRequestOptions = {
			method: 'GET',
			url: `${baseUrl}${VERSION_PREFIX}${path}`,
			qs: { language, ...query },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: REQUEST_TIMEOUT_MS,
		};
		for (let attempt = 1; ; attempt++) {
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
			const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after']);
			const delay = retryDelayMs(status, retryAfterMs, attempt);
			if (delay !== undefined && attempt < MAX_ATTEMPTS) {
				await wait(delay);
				continue;
			}
			throw toError(
				describeHttpError({
					status,
					body: response.body,
					path,
					attempts: attempt,
					partnerTokenAccepted,
					retryAfterSeconds:
						retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
				}),
			);
		}
	};

	return { get, invalid: (found, facts) => toError(found, { ...facts }) };
}

/** How long to wait before retrying, or undefined when this status must not be retried. */
export function retryDelayMs(
	status: number,
	retryAfterMs: number | undefined,
	attempt: number,
): number | undefined {
	if (status === 429) {
		const delay = retryAfterMs ?? RETRY_AFTER_DEFAULT_MS;
		return delay <= RETRY_AFTER_MAX_MS ? delay : undefined;
	}
	if (status >= 500) {
		if (retryAfterMs !== undefined && retryAfterMs <= RETRY_AFTER_MAX_MS) return retryAfterMs;
		return backoffMs(attempt);
	}
	return undefined;
}

export function backoffMs(attempt: number): number {
	return BACKOFF_BASE_MS * 2 ** (attempt - 1);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(header: unknown, now: Date = new Date()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
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
