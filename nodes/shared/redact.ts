/**
 * Tokens must never reach an error message, a log line or execution data (docs/api-notes.md, Design rules "Secrets stay secret").
 * Mijnwebwinkel sends its tokens in the query string, so any URL is suspect.
 */
const SECRET_QUERY_PARAMETERS = [
	'token',
	'partner_token',
	'accessToken',
	'access_token',
	'sessionToken',
];
const MASK = '***';
const SECRET_IN_QUERY = new RegExp(
	`([?&](?:${SECRET_QUERY_PARAMETERS.join('|')})=)[^&#\\s"'<>]*`,
	'gi',
);

/** Masks secret query parameters in every URL inside `text`, and every given secret wherever it occurs. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
	let result = text.replace(SECRET_IN_QUERY, `$1${MASK}`);
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join(MASK);
	}
	return result;
}

/** Deep copy of a JSON-like value with every string redacted. */
export function redactDeep<T>(value: T, secrets: ReadonlyArray<string | undefined> = []): T {
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = redactDeep(entry, secrets);
		return copy as T;
	}
	return value;
}
