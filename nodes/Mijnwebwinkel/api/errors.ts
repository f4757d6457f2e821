/**
 * Pure translation of a failed Mijnwebwinkel request into words a shop owner can act on.
 * Matches on HTTP status, request path and error code only, never on the API's message text
 * (that text is quoted in the description, not interpreted).
 */

export type ErrorKind =
	| 'auth'
	| 'forbidden'
	| 'notFound'
	| 'badRequest'
	| 'rateLimited'
	| 'server'
	| 'unreachable'
	| 'invalidResponse';

export interface ErrorDescription {
	message: string;
	description: string;
	kind: ErrorKind;
	httpCode?: string;
}

export interface HttpProblem {
	status: number;
	body: unknown;
	/** Path below the version prefix, e.g. `/orders/1042`. */
	path: string;
	/** Requests sent; 0 when a pause another request was given stopped this one from being sent. */
	attempts: number;
	/** True once a request that needs only the partner token succeeded, so a 401 must be the store token. */
	partnerTokenAccepted?: boolean;
	retryAfterSeconds?: number;
}

const TOKEN_HELP =
	'In your shop go to Instellingen → Add-ons & Modules → API (older shops: Instellingen → API), click "Token toevoegen", ' +
	'pick the partner whose partner token is in this credential, save, and copy the token with "Toon token".';

/** Paths that take the partner token alone, no store token (docs/api-notes.md, Mijnwebwinkel §2). */
export const PARTNER_ONLY_PATHS: readonly string[] = ['/orderstatuses', '/payment/gateways'];
const ORDER_PATH = /^\/orders\/([^/?]+)(\/payments)?$/;

export function describeHttpError(problem: HttpProblem): ErrorDescription {
	const { status } = problem;
	const httpCode = String(status);
	const said = apiText(problem.body);
	const withApiText = (text: string) => (said ? `${text} Mijnwebwinkel said: "${said}"` : text);
	if (status === 401) return { ...describeUnauthorized(problem), httpCode, kind: 'auth' };
	if (status === 403) {
		return {
			message: 'Mijnwebwinkel denied access with these tokens',
			description: withApiText(
				'The tokens were accepted but may not read this. The API needs the PREMIUM plan or higher, and some data needs special access from Mijnwebwinkel.',
			),
			kind: 'forbidden',
			httpCode,
		};
	}
	if (status === 404) {
		const order = ORDER_PATH.exec(problem.path);
		if (order) {
			return {
				message: `Order ${decodeURIComponent(order[1])} was not found in this shop`,
				description:
					'Check the order number. Test orders are only found by the list operations with "Include Test Orders".',
				kind: 'notFound',
				httpCode,
			};
		}
		return {
			message: 'The Mijnwebwinkel API was not found at this address',
			description:
				'Check the Base URL in the Mijnwebwinkel API credential; normally it is https://api.myonlinestore.com.',
			kind: 'notFound',
			httpCode,
		};
	}
	if (status === 429) {
		const wait = problem.retryAfterSeconds
			? ` It asked to wait ${problem.retryAfterSeconds} seconds.`
			: '';
		const tried =
			problem.attempts > 0
				? `Tried ${problem.attempts} times.`
				: 'Not sent: Mijnwebwinkel had told this n8n to hold back requests to this shop.';
		return {
			message: 'Mijnwebwinkel is limiting the number of requests',
			description: `${tried}${wait} The limit applies per partner and shop; try again in a few minutes.`,
			kind: 'rateLimited',
			httpCode,
		};
	}
	if (status >= 500) {
		return {
			message: `Mijnwebwinkel had a server error (HTTP ${status})`,
			description: withApiText(
				`Tried ${problem.attempts} times. This is usually temporary; the next run will try again.`,
			),
			kind: 'server',
			httpCode,
		};
	}
	return {
		message: `Mijnwebwinkel rejected the request (HTTP ${status})`,
		description: withApiText('Check the filters and values given to the node.'),
		kind: 'badRequest',
		httpCode,
	};
}

function describeUnauthorized(problem: HttpProblem): Omit<ErrorDescription, 'kind' | 'httpCode'> {
	if (PARTNER_ONLY_PATHS.includes(problem.path)) {
		return {
			message: 'Mijnwebwinkel refused the partner token',
			description:
				'Check the Partner Token in the Mijnwebwinkel API credential: it is the token of the registered application (partner), not the store token.',
		};
	}
	if (problem.partnerTokenAccepted) {
		return {
			message: 'Mijnwebwinkel refused the store token',
			description: `The partner token works, so the store token is wrong, revoked, or was made for another partner. ${TOKEN_HELP}`,
		};
	}
	return {
		message: 'Mijnwebwinkel refused the store token or the partner token',
		description: `Check both tokens in the Mijnwebwinkel API credential. The store token must have been made for the partner whose partner token is entered. ${TOKEN_HELP}`,
	};
}

const NETWORK_HINTS: Record<string, string> = {
	ECONNREFUSED: 'The server refused the connection.',
	ENOTFOUND: 'The host name does not exist; check the Base URL.',
	EAI_AGAIN: 'The host name could not be looked up (DNS).',
	ETIMEDOUT: 'The connection timed out.',
	ECONNABORTED: 'The request timed out.',
	ECONNRESET: 'The connection was closed unexpectedly.',
	EHOSTUNREACH: 'The host is unreachable.',
	CERT_HAS_EXPIRED: 'The server certificate has expired.',
	ERR_CANCELED: 'The request was cancelled because the execution was stopped.',
};

export function describeNetworkError(
	code: string | undefined,
	baseUrl: string,
	attempts: number,
): ErrorDescription {
	const hint = (code && NETWORK_HINTS[code]) || 'The request failed before an answer came back.';
	return {
		message: `Could not reach the Mijnwebwinkel API at ${baseUrl}`,
		description: `${hint}${code ? ` (${code})` : ''} Tried ${attempts} times. Check the Base URL in the credential and the network of this n8n.`,
		kind: 'unreachable',
	};
}

export function describeInvalidResponse(
	what: string,
	field: string,
	problem: string,
): ErrorDescription {
	return {
		message: `Mijnwebwinkel sent ${what} that this node cannot read: ${field} ${problem}`,
		description:
			'The answer does not have the shape the Mijnwebwinkel API documents. Please report it with the order number and field named here.',
		kind: 'invalidResponse',
	};
}

/** The API's own words from a legacy `{code, message, description}` or an RFC 7807 `{title, detail}` body. */
function apiText(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	const parts = [record.message, record.description, record.title, record.detail].filter(
		(part): part is string => typeof part === 'string' && part.trim() !== '',
	);
	const unique = [...new Set(parts.map((part) => part.trim()))];
	return unique.length ? unique.join(' – ').slice(0, 300) : undefined;
}
