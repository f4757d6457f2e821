/**
 * What to do with a "429 Too Many Requests": one reading of Retry-After and one policy for both APIs.
 *
 * - Retry-After given and at most RETRY_AFTER_MAX_MS (a minute): wait exactly that long, together with every other
 *   request to the same account (backoff.ts), then try again.
 * - Given and longer: do not wait. Trying earlier than asked only earns another 429, and an execution that sits
 *   still for many minutes looks hung; the request fails saying how long the API asked, the shared pause stays armed
 *   so nothing else is sent to that account meanwhile, and the next run tries again.
 * - Missing or unreadable: RETRY_AFTER_DEFAULT_MS, doubled for every earlier refusal of the same request
 *   (2, 4, 8, 16 s), never over the maximum.
 */

export const RETRY_AFTER_DEFAULT_MS = 2_000;
export const RETRY_AFTER_MAX_MS = 60_000;

export type RateLimitWait =
	| { retry: true; waitMs: number }
	| { retry: false; /** How long the API asked for. */ askedMs: number };

/** The Retry-After header among response headers, whatever the case of its name. */
export function retryAfterHeader(headers: unknown): unknown {
	if (headers === null || typeof headers !== 'object') return undefined;
	const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
	return entry?.[1];
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`, never negative. */
export function parseRetryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
	const value = Array.isArray(header) ? (header as unknown[])[0] : header;
	if (typeof value === 'number')
		return Number.isFinite(value) ? Math.max(0, value * 1000) : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The policy above, for a request refused `earlierRefusals` times before this answer. */
export function rateLimitWait(
	header: unknown,
	earlierRefusals: number,
	now: number = Date.now(),
): RateLimitWait {
	const asked = parseRetryAfterMs(header, now);
	if (asked === undefined) {
		const waitMs = RETRY_AFTER_DEFAULT_MS * 2 ** Math.max(0, earlierRefusals);
		return { retry: true, waitMs: Math.min(waitMs, RETRY_AFTER_MAX_MS) };
	}
	return asked <= RETRY_AFTER_MAX_MS
		? { retry: true, waitMs: asked }
		: { retry: false, askedMs: asked };
}
