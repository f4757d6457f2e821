import type { IExecuteFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redact } from '../../shared/redact';
import type { ErrorKind, ExplainedError } from './errors';

/** How a failed request reaches the node: read what n8n threw, and throw it on as a NodeApiError without secrets. */
export interface Answer {
	status?: number;
	body?: unknown;
	headers: Record<string, unknown>;
	/** The credential could not open a session (api/session.ts); retrying would not help. */
	session?: ExplainedError;
}

export function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** What a thrown request error tells: n8n's NodeApiError wraps the HTTP client error as `cause`. */
export function readThrown(error: unknown): Answer {
	const outer = asRecord(error);
	const cause = asRecord(outer.cause);
	if (outer.name === 'SessionError' || cause.name === 'SessionError') {
		const session = outer.name === 'SessionError' ? outer : cause;
		return {
			headers: {},
			session: {
				message: String(session.message),
				description: String(session.description ?? ''),
				kind: 'auth',
				code: typeof session.eBoekhoudenCode === 'string' ? session.eBoekhoudenCode : undefined,
			},
		};
	}
	const response = asRecord(cause.response ?? outer.response);
	const httpCode = Number(outer.httpCode ?? response.status ?? outer.statusCode);
	return {
		status: Number.isInteger(httpCode) && httpCode > 0 ? httpCode : undefined,
		body: response.data ?? asRecord(outer.context).data,
		headers: asRecord(response.headers),
	};
}

export function apiError(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	explained: ExplainedError,
	status: number | undefined,
	secrets: string[],
) {
	const message = redact(explained.message, secrets);
	const description = redact(explained.description, secrets);
	const facts: JsonObject = {
		message,
		description,
		code: explained.code ?? null,
		kind: explained.kind,
	};
	const error = new NodeApiError(ctx.getNode(), facts, {
		message,
		description,
		httpCode: status === undefined ? undefined : String(status),
	});
	error.context = {
		...error.context,
		code: explained.code,
		kind: explained.kind,
		httpCode: status,
	};
	return error;
}

/** The kind `errors.ts` gave a thrown API error, e.g. `alreadyBooked` for FACT_101. */
export function errorKind(error: unknown): ErrorKind | undefined {
	return asRecord(asRecord(error).context).kind as ErrorKind | undefined;
}

/** e-Boekhouden's own code of a thrown API error, e.g. `MUTA_008`. */
export function errorCode(error: unknown): string | undefined {
	const code = asRecord(asRecord(error).context).code;
	return typeof code === 'string' ? code : undefined;
}
