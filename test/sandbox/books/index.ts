/**
 * A stand-in e-Boekhouden.nl administration (REST v1) on 127.0.0.1, faithful to docs/api-notes.md, e-Boekhouden:
 * sessions that expire, relations, invoices with VAT per code, mutations, open items, ledgers, templates, cost centres,
 * the documented error codes and limits. Built on ../common (request counts, request log, faults, /__admin/).
 * Extra admin routes: POST /__admin/expire-sessions, POST /__admin/settings {emailMatching?, closedUntil?,
 * lookupLatencyMs?},
 * GET /__admin/invoices/:id (the invoice's `urlPdfFile`). POST /__admin/reset empties the administration.
 */
import { startServer, type Fault, type Faults, type RequestLogEntry } from '../common';
import type { AuthHeaderMode, BooksContext, BooksSettings, EmailMatching } from './context';
import { errorBody } from './errors';
import { invoiceRoutes, invoiceOutput } from './invoices';
import { lookupRoutes } from './lookups';
import { mutationRoutes } from './mutations';
import { relationRoutes } from './relations';
import { createSessions } from './sessions';
import { dumpState } from './stateDump';
import { createStore } from './store';

export type { AuthHeaderMode, EmailMatching } from './context';

export interface BooksOptions {
	host?: string;
	/** 0 (the default) picks a free port; the CLI uses 18082. */
	port?: number;
	apiToken?: string;
	expiredApiToken?: string;
	sessionLifetimeSeconds?: number;
	/** Which `Authorization` forms count: the raw token (the spec), `Bearer <token>`, or both (default). */
	authHeader?: AuthHeaderMode;
	/** How `GET /v1/relation?email=` compares e-mail addresses (default case-insensitive). */
	emailMatching?: EmailMatching;
	/** Bookings dated on or before this yyyy-mm-dd are refused as a closed period. */
	closedUntil?: string | null;
	/** Latency added to relation look-ups after their answer is computed (default 0). */
	lookupLatencyMs?: number;
	now?: () => Date;
}

export interface BooksSandbox {
	url: string;
	port: number;
	state(): Record<string, unknown>;
	counts(): Record<string, number>;
	resetCounts(): void;
	requestLog(): RequestLogEntry[];
	faults: Faults;
	/** Ends every session now, so the next call answers 401 (to test renewal mid-batch). */
	expireSessions(): void;
	/** Every session token this administration handed out, expired ones too. */
	sessionTokens(): string[];
	/** Empties the administration (relations, invoices, mutations) and the counts. */
	reset(): void;
	settings: Pick<BooksSettings, 'emailMatching' | 'closedUntil' | 'authHeader' | 'lookupLatencyMs'>;
	close(): Promise<void>;
}

export async function startBooks(options: BooksOptions = {}): Promise<BooksSandbox> {
	const settings: BooksSettings = {
		apiToken: options.apiToken ?? 'sandbox-api-token',
		expiredApiToken: options.expiredApiToken ?? 'sandbox-expired-token',
		sessionLifetimeSeconds: options.sessionLifetimeSeconds ?? 3600,
		authHeader: options.authHeader ?? 'both',
		emailMatching: options.emailMatching ?? 'caseInsensitive',
		closedUntil: options.closedUntil ?? null,
		lookupLatencyMs: options.lookupLatencyMs ?? 0,
		now: options.now ?? (() => new Date()),
	};
	const context: BooksContext = { store: createStore(), settings, url: '', held: new Set() };
	const sessions = createSessions(context);
	const apiRoutes = [
		...relationRoutes(context),
		...invoiceRoutes(context),
		...mutationRoutes(context),
		...lookupRoutes(context),
	].map((route) => ({ ...route, handler: sessions.authed(route.handler) }));
	const emptyAdministration = () => {
		Object.assign(context.store, createStore());
	};

	const server = await startServer({
		host: options.host,
		port: options.port ?? 0,
		routes: [...sessions.routes, ...apiRoutes],
		errorBody: (status, message) =>
			errorBody(status, status >= 500 ? 'ERR_001' : undefined, undefined, message),
		admin: {
			state: () => dumpState(context, sessions.activeCount()),
			reset: emptyAdministration,
			routes: [
				{
					method: 'POST',
					path: '/expire-sessions',
					handler: () => {
						sessions.expireAll();
						return { status: 204 };
					},
				},
				{
					method: 'POST',
					path: '/settings',
					handler: (req) => {
						const body = (req.body ?? {}) as Partial<
							Pick<BooksSettings, 'emailMatching' | 'closedUntil' | 'lookupLatencyMs'>
						>;
						if (body.emailMatching !== undefined) settings.emailMatching = body.emailMatching;
						if (body.closedUntil !== undefined) settings.closedUntil = body.closedUntil;
						if (body.lookupLatencyMs !== undefined)
							settings.lookupLatencyMs = Math.max(0, Number(body.lookupLatencyMs) || 0);
						return {
							status: 200,
							body: {
								emailMatching: settings.emailMatching,
								closedUntil: settings.closedUntil,
								lookupLatencyMs: settings.lookupLatencyMs,
							},
						};
					},
				},
				{
					method: 'GET',
					path: '/invoices/:id',
					handler: (req) => {
						const invoice = context.store.invoices.find(
							(candidate) => String(candidate.id) === req.params.id,
						);
						return invoice
							? { status: 200, body: invoiceOutput(invoice, context.url) }
							: { status: 404, body: errorBody(404, 'FACT_021') };
					},
				},
			],
		},
	});
	context.url = server.url;

	return {
		url: server.url,
		port: server.port,
		state: () => dumpState(context, sessions.activeCount()),
		counts: () => server.counter.counts(),
		resetCounts: () => server.counter.resetCounts(),
		requestLog: () => server.counter.requestLog(),
		faults: server.faults,
		expireSessions: () => sessions.expireAll(),
		sessionTokens: () => sessions.issued(),
		reset: () => {
			emptyAdministration();
			server.counter.resetCounts();
		},
		settings,
		close: async () => {
			for (const send of [...context.held]) send();
			await server.close();
		},
	};
}

export type { Fault };
