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
	now: () => Date;
}

export interface BooksContext {
	store: BooksStore;
	settings: BooksSettings;
	/** Base URL of the running server (set once it listens), for `urlPdfFile`. */
	url: string;
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
