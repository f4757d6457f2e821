import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { redact } from '../../shared/redact';
import { explainError } from './errors';
import { sessionSchema } from './schemas';

/** e-Boekhouden's pattern for `source` (API_SESSION_002), as the serious clients check it (docs/api-notes.md, e-Boekhouden §2.1). */
export const SOURCE_PATTERN = /^[A-Za-z0-9_ ]{1,10}$/;

const TOKEN_HELP =
	'Use a token of type "e-Boekhouden API" (Beheer → Inrichting → Koppelingen → API), not the old API/SOAP codes, and check that it has not expired or been removed.';

/**
 * An error n8n shows as is. It carries no HTTP status (nor a `code`, which n8n would read as one), so n8n does not
 * take it for an expired session and retry it.
 */
export class SessionError extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly eBoekhoudenCode?: string,
	) {
		super(message);
		this.name = 'SessionError';
	}
}

export function checkSource(source: unknown): string {
	const value = typeof source === 'string' ? source : '';
	if (!SOURCE_PATTERN.test(value)) {
		throw new SessionError(
			`Source "${value}" is not accepted by e-Boekhouden`,
			'Source must be 1–10 letters, digits, underscores or spaces, e.g. n8n. Change it in the e-Boekhouden.nl credential.',
			'API_SESSION_002',
		);
	}
	return value;
}

function failure(status: number | undefined, body: unknown, secrets: string[]): SessionError {
	const code = (body as IDataObject | undefined)?.code;
	const explained = explainError(status, body);
	const tokenRefused =
		status === 401 ||
		status === 403 ||
		code === 'API_SESSION_003' ||
		code === 'API_SESSION_004' ||
		explained.kind === 'access';
	const message = tokenRefused
		? `e-Boekhouden rejected the API token${typeof code === 'string' ? ` (e-Boekhouden ${code})` : ''}`
		: `Could not open an e-Boekhouden session: ${explained.message}`;
	const description = tokenRefused
		? `${TOKEN_HELP} ${explained.description}`.trim()
		: explained.description;
	return new SessionError(redact(message, secrets), redact(description, secrets), explained.code);
}

/**
 * Renewals in this process by the session they replace. When a session expires while several requests are in
 * flight (Requests in Parallel), each is answered 401 and n8n renews the session for each, passing the expired one:
 * the first opens a new session, the others get that one instead of opening one each. Kept a minute.
 */
const REPLACEMENT_KEPT_MS = 60_000;
const replacements = new Map<string, { token: Promise<string>; at: number }>();

/** `POST {baseUrl}/v1/session` → the session token. The source is checked before any call is made. */
export async function openSession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const source = checkSource(credentials.source);
	const accessToken =
		typeof credentials.accessToken === 'string' ? credentials.accessToken.trim() : '';
	if (accessToken === '') {
		throw new SessionError('The e-Boekhouden API token is empty', TOKEN_HELP, 'API_SESSION_003');
	}
	const baseUrl = String(credentials.baseUrl || 'https://api.e-boekhouden.nl').replace(/\/+$/, '');
	const stale = typeof credentials.sessionToken === 'string' ? credentials.sessionToken : '';
	const key = `${baseUrl}\n${source}\n${accessToken}\n${stale}`;
	const now = Date.now();
	for (const [other, { at }] of replacements)
		if (now - at >= REPLACEMENT_KEPT_MS) replacements.delete(other);
	const known = replacements.get(key);
	if (known) return await known.token;
	const renewal = { token: requestSession(helper, baseUrl, accessToken, source), at: now };
	replacements.set(key, renewal);
	// A failed renewal is not shared beyond this moment; with no session yet, only the opening in flight is shared.
	const forget = () => {
		if (replacements.get(key) === renewal) replacements.delete(key);
	};
	renewal.token.then(() => (stale === '' ? forget() : undefined), forget);
	return await renewal.token;
}

async function requestSession(
	helper: IHttpRequestHelper,
	baseUrl: string,
	accessToken: string,
	source: string,
): Promise<string> {
	const response = (await helper.helpers
		.httpRequest({
			method: 'POST',
			url: `${baseUrl}/v1/session`,
			body: { accessToken, source },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})
		.catch(() => undefined)) as IDataObject | undefined;
	if (!response) {
		throw new SessionError(
			'e-Boekhouden could not be reached',
			`No answer from ${redact(baseUrl, [accessToken])}/v1/session. Check the base URL and the network.`,
		);
	}
	const status = Number(response.statusCode);
	const parsed = sessionSchema.safeParse(response.body);
	if (status >= 200 && status < 300 && parsed.success) return parsed.data.token;
	throw failure(status >= 200 && status < 300 ? 502 : status, response.body, [accessToken]);
}
