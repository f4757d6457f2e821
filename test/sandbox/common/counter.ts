import type { RequestLogEntry } from './types';

export interface RequestCounter {
	record(entry: RequestLogEntry): void;
	/** Requests per route key (`'GET /v1/orders/:number'`) since the last reset, faulted ones included. */
	counts(): Record<string, number>;
	/** Every request since the last reset, in arrival order (admin requests excluded). */
	requestLog(): RequestLogEntry[];
	/** Clears the counts, the log and the peak of requests in flight. */
	resetCounts(): void;
	/** A request arrived / was answered: what `inFlight()` counts. */
	enter(): void;
	leave(): void;
	/** Requests being handled right now (latency included), and the most at once since the last reset. */
	inFlight(): { now: number; peak: number };
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
	let now = 0;
	let peak = 0;
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
			peak = now;
		},
		enter() {
			now += 1;
			peak = Math.max(peak, now);
		},
		leave() {
			now = Math.max(0, now - 1);
		},
		inFlight() {
			return { now, peak };
		},
	};
}
