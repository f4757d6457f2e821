import type { Handler, SandboxRequest, SandboxResponse } from '../common';
import { ApiError, errorResponse, invalid } from './errors';
import type { BooksStore } from './store';

export type AuthHeaderMode = 'raw' | 'bearer' | 'both';
export type EmailMatching = 'caseInsensitive' | 'caseSensitive';

export interface BooksSettings {
	apiToken: string;
	/** An API token that answers API_SESSION_004 (expired), to test that message. */
	expiredApiToken: string;
	sessionLifetimeSeconds: number;
	authHeader: AuthHeaderMode;
	emailMatching: EmailMatching;
	/** Bookings dated on or before this yyyy-mm-dd fall in a closed period (MUT_005, FACT_VERWERK_001). */
	closedUntil: string | null;
	/**
	 * Network latency on relation look-ups (GET /v1/relation and /v1/relation/{id}), added after the answer is
	 * computed, so two clients can both read "no such relation" before either creates it.
	 */
	lookupLatencyMs: number;
	now: () => Date;
}

export interface BooksContext {
	store: BooksStore;
	settings: BooksSettings;
	/** Base URL of the running server (set once it listens), for `urlPdfFile`. */
	url: string;
	/** Answers held back by `lookupLatencyMs`; closing the server sends them at once. */
	held: Set<() => void>;
}

/** The answer of `handler`, sent `lookupLatencyMs` after it was computed. */
export function withLookupLatency(context: BooksContext, handler: Handler): Handler {
	return async (req) => {
		const response = await handler(req);
		const wait = context.settings.lookupLatencyMs;
		if (wait <= 0) return response;
		await new Promise<void>((resolve) => {
			const done = () => {
				clearTimeout(timer);
				context.held.delete(done);
				resolve();
			};
			const timer = setTimeout(done, wait);
			context.held.add(done);
		});
		return response;
	};
}

/** Runs a handler and turns a thrown ApiError into the spec's error body. */
export function guarded(handler: (req: SandboxRequest) => SandboxResponse): Handler {
	return (req) => {
		try {
			return handler(req);
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			throw error;
		}
	};
}

/** The JSON body as an object, or DATA_01 when there is none. */
export function bodyObject(req: SandboxRequest): Record<string, unknown> {
	if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body))
		throw invalid('DATA_01');
	return req.body as Record<string, unknown>;
}

/** yyyy-mm-dd of `now()` in the Netherlands' calendar. */
export function today(settings: BooksSettings): string {
	return settings.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** A path id as a number, or undefined when it is not a whole number. */
export function pathId(req: SandboxRequest): number | undefined {
	return /^\d+$/.test(req.params.id ?? '') ? Number(req.params.id) : undefined;
}
