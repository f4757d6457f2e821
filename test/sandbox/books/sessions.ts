import { randomBytes } from 'node:crypto';

import type { Handler, Route, SandboxRequest } from '../common';
import { bodyObject, guarded, type BooksContext } from './context';
import { errorBody, invalid } from './errors';

/** `source` must be 1–10 letters, digits, underscores or spaces (docs/api-notes.md, e-Boekhouden §2.1). */
const SOURCE_PATTERN = /^[\w ]{1,10}$/;

export interface Sessions {
	routes: Route[];
	/** Wraps a handler so it answers 401 SECURITY_010 without a live session token. */
	authed(handler: Handler): Handler;
	expireAll(): void;
	activeCount(): number;
	/** Every session token handed out, expired ones too (read-only: the e2e suite looks for them in n8n's data). */
	issued(): string[];
}

export function createSessions(context: BooksContext): Sessions {
	const expiresAt = new Map<string, number>();
	const issued: string[] = [];
	const now = () => context.settings.now().getTime();

	const tokenOf = (req: SandboxRequest): string | undefined => {
		const header = (req.headers.authorization ?? '').trim();
		const bearer = /^Bearer\s+(\S+)$/i.exec(header);
		const mode = context.settings.authHeader;
		if (bearer) return mode === 'raw' ? undefined : bearer[1];
		return mode === 'bearer' || header === '' ? undefined : header;
	};

	const isLive = (token: string | undefined): token is string => {
		const until = token === undefined ? undefined : expiresAt.get(token);
		if (until === undefined) return false;
		if (until > now()) return true;
		expiresAt.delete(token as string);
		return false;
	};

	const unauthorized = () => ({ status: 401, body: errorBody(401, 'SECURITY_010') });

	const create = guarded((req) => {
		const body = bodyObject(req);
		const { accessToken, source } = body;
		if (typeof accessToken !== 'string' || accessToken.trim() === '')
			throw invalid('API_SESSION_003', 'AccessToken');
		if (source === undefined || source === null || source === '')
			throw invalid('API_SESSION_001', 'Source');
		if (typeof source !== 'string' || !SOURCE_PATTERN.test(source))
			throw invalid('API_SESSION_002', 'Source');
		if (accessToken === context.settings.expiredApiToken)
			throw invalid('API_SESSION_004', 'AccessToken');
		if (accessToken !== context.settings.apiToken) {
			// The live code for an unknown token is undocumented; the spec only says 403 with a SecurityError.
			return {
				status: 403,
				body: { ...(errorBody(403, 'SECURITY_001') as object), securityType: 0 },
			};
		}
		const token = randomBytes(24).toString('hex');
		const lifetime = context.settings.sessionLifetimeSeconds;
		expiresAt.set(token, now() + lifetime * 1000);
		issued.push(token);
		return { status: 200, body: { token, expiresIn: lifetime } };
	});

	const remove: Handler = (req) => {
		const token = tokenOf(req);
		if (!isLive(token)) return unauthorized();
		expiresAt.delete(token);
		return { status: 204 };
	};

	return {
		routes: [
			{ method: 'POST', path: '/v1/session', handler: create },
			{ method: 'DELETE', path: '/v1/session', handler: remove },
		],
		authed: (handler) => (req) => (isLive(tokenOf(req)) ? handler(req) : unauthorized()),
		expireAll: () => expiresAt.clear(),
		activeCount: () => [...expiresAt.keys()].filter((token) => isLive(token)).length,
		issued: () => [...issued],
	};
}
