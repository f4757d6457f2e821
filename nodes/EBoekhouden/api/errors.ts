import { BY_CODE, type Known } from './errorCodes';
import { BY_FAMILY, BY_STATUS } from './errorFamilies';
import type { ErrorKind } from './errorKind';

export type { ErrorKind };

/**
 * Pure translation of an e-Boekhouden answer into words a bookkeeper understands. Keyed on the HTTP status and
 * e-Boekhouden's own error code (docs/api-notes.md, e-Boekhouden §3.1, appendix A), never on message text: the
 * wording of `title` may change, the codes are the contract.
 */
export interface ExplainedError {
	message: string;
	description: string;
	kind: ErrorKind;
	code?: string;
}

interface ErrorBody {
	code?: unknown;
	title?: unknown;
	message?: unknown;
	propertyName?: unknown;
	errors?: unknown;
}

function readBody(body: unknown): ErrorBody {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as ErrorBody)
		: {};
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function serverSays(body: ErrorBody): string {
	const parts = [text(body.title), text(body.message)].filter(
		(part): part is string => part !== undefined,
	);
	if (Array.isArray(body.errors))
		parts.push(...body.errors.map(text).filter((part): part is string => part !== undefined));
	const property = text(body.propertyName);
	if (parts.length === 0) return '';
	return ` e-Boekhouden says: "${parts.join(' ')}"${property ? ` (field ${property})` : ''}.`;
}

function lookup(status: number | undefined, code: string | undefined): Known | undefined {
	if (code && BY_CODE[code]) return BY_CODE[code];
	if (code) {
		const family = BY_FAMILY.find(([prefix]) => code.startsWith(prefix));
		if (family) return family[1];
	}
	if (status === undefined) return undefined;
	return BY_STATUS[String(status)] ?? (status >= 500 ? BY_STATUS['5xx'] : undefined);
}

/** Status + body → message, description and kind. A failure without a status is a network failure. */
export function explainError(status: number | undefined, body: unknown): ExplainedError {
	const parsed = readBody(body);
	const code = text(parsed.code);
	const known = lookup(status, code);
	if (!known && status === undefined) {
		return {
			message: 'e-Boekhouden could not be reached',
			description:
				'The connection failed or timed out. Check the base URL in the credential and try again.',
			kind: 'network',
		};
	}
	const base = known ?? {
		message: `e-Boekhouden answered with HTTP ${status}`,
		hint: '',
		kind: 'unknown' as const,
	};
	return {
		message: code ? `${base.message} (e-Boekhouden ${code})` : base.message,
		description: `${base.hint}${serverSays(parsed)}`.trim(),
		kind: base.kind,
		code,
	};
}

/** A response that does not match what the node expects: name the endpoint and the field. */
export function explainUnexpectedAnswer(
	endpoint: string,
	path: string,
	problem: string,
): ExplainedError {
	return {
		message: `e-Boekhouden sent an answer this node does not understand (${endpoint})`,
		description: `Field ${path || '(root)'}: ${problem}. The API may have changed; please report this.`,
		kind: 'unknown',
	};
}
