import type { RequestLogEntry } from './types';

export interface RequestCounter {
	record(entry: RequestLogEntry): void;
	/** Requests per route key (`'GET /v1/orders/:number'`) since the last reset, faulted ones included. */
	counts(): Record<string, number>;
	/** Every request since the last reset, in arrival order (admin requests excluded). */
	requestLog(): RequestLogEntry[];
	/** Clears both the counts and the log. */
	resetCounts(): void;
}

/** Keeps a long demo run from growing without bound; counts stay exact. */
const LOG_MAX_ENTRIES = 10_000;
const SECRET_QUERY_KEY = /token|secret|password|key/i;

/** The query string with every token-like value masked, so the log never holds a secret. */
export function maskQuery(query: URLSearchParams): string {
	const masked = new URLSearchParams();
	query.forEach((value, key) => masked.append(key, SECRET_QUERY_KEY.test(key) ? '***' : value));
	return masked.toString();
}

export function createCounter(): RequestCounter {
	let perRoute = new Map<string, number>();
	let log: RequestLogEntry[] = [];
	return {
		record(entry) {
			perRoute.set(entry.route, (perRoute.get(entry.route) ?? 0) + 1);
			log.push(entry);
			if (log.length > LOG_MAX_ENTRIES) log = log.slice(log.length - LOG_MAX_ENTRIES);
		},
		counts() {
			return Object.fromEntries(perRoute);
		},
		requestLog() {
			return log.map((entry) => ({ ...entry }));
		},
		resetCounts() {
			perRoute = new Map();
			log = [];
		},
	};
}
