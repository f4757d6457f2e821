/** Wire helpers for the sandbox server: read a request, write a response, injected delays that end on close. */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SandboxResponse } from './types';

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export function send(res: ServerResponse, answer: SandboxResponse): void {
	const headers: Record<string, string> = { ...answer.headers };
	let payload: string | undefined;
	if (answer.body !== undefined && answer.status !== 204) {
		const isText = typeof answer.body === 'string';
		payload = isText ? (answer.body as string) : JSON.stringify(answer.body);
		const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
		if (!hasType)
			headers['Content-Type'] = isText
				? 'text/plain; charset=utf-8'
				: 'application/json; charset=utf-8';
	}
	res.writeHead(answer.status, headers);
	res.end(payload);
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** Delays that `endAll()` cuts short, so closing a server never waits for an injected `delayMs`. */
export function createDelays(): { wait(ms: number): Promise<void>; endAll(): void } {
	const waiting = new Set<() => void>();
	return {
		wait: (ms) =>
			new Promise<void>((resolve) => {
				const done = () => {
					waiting.delete(done);
					clearTimeout(timer);
					resolve();
				};
				const timer = setTimeout(done, ms);
				waiting.add(done);
			}),
		endAll: () => {
			for (const done of [...waiting]) done();
		},
	};
}
