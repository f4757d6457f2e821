/**
 * Network latency in front of the books sandbox: a plain HTTP proxy on 127.0.0.1 that can hold back e-Boekhouden's
 * ANSWERS to relation look-ups. The sandbox's own `delayMs` fault waits before it handles a request, so a look-up
 * it delays still sees a relation created meanwhile; a slow network is different: the answer is computed at once
 * and arrives late, which is the window in which two processes both conclude "no relation yet"
 * (docs/api-notes.md, n8n Queue mode faults, scenario 4c).
 *
 * The barrier makes that window certain instead of lucky, as a hostile network could: the answer to the first
 * look-up of an e-mail address is held until a second process looks the same address up (or `timeoutMs` passes),
 * then both answers (each computed when its request arrived) are sent at once.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
	url: string;
	/** Answers to `GET /v1/relation…` arrive this much later (0 = off). */
	setRelationLookupLatency(ms: number): void;
	/** How many answers were held back so far. */
	delayedAnswers(): number;
	/** Holds the first look-up by e-mail of each address until a second one for it arrives (0 = off). */
	setLookupBarrier(timeoutMs: number): void;
	/** Look-ups of the same address that the barrier released together: proof that two processes raced. */
	pairedLookups(): number;
	close(): Promise<void>;
}

export async function startLatencyProxy(target: string): Promise<LatencyProxy> {
	const upstream = new URL(target);
	let latencyMs = 0;
	let delayed = 0;
	let barrierMs = 0;
	let paired = 0;
	/** Per look-up query: the held answer's release, or 'done' once the barrier let it pass. */
	const barrier = new Map<string, (() => void) | 'done'>();
	/** Sends a look-up's answer now, after the latency, or when the barrier opens (`query`: a look-up by e-mail). */
	const hold = (query: string | undefined, send: () => void) => {
		if (query !== undefined && barrierMs > 0 && barrier.get(query) !== 'done') {
			const waiting = barrier.get(query);
			if (typeof waiting === 'function') {
				paired += 1;
				barrier.set(query, 'done');
				waiting();
				send();
				return;
			}
			delayed += 1;
			const release = () => {
				clearTimeout(timer);
				barrier.set(query, 'done');
				send();
			};
			const timer = setTimeout(release, barrierMs);
			barrier.set(query, release);
			return;
		}
		if (latencyMs > 0) {
			delayed += 1;
			setTimeout(send, latencyMs);
		} else send();
	};
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = request.url ?? '';
			const isLookup = request.method === 'GET' && url.startsWith('/v1/relation');
			// Look-ups by e-mail (`email=` or `email[like]=`) are what two processes race on.
			const query = isLookup && /email/i.test(decodeURIComponent(url)) ? url : undefined;
			const forward = http.request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: request.method,
					path: request.url,
					headers: { ...request.headers, host: upstream.host },
				},
				(answer) => {
					const body: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => body.push(chunk));
					answer.on('end', () => {
						const send = () => {
							response.writeHead(answer.statusCode ?? 502, answer.headers);
							response.end(Buffer.concat(body));
						};
						if (isLookup) hold(query, send);
						else send();
					});
				},
			);
			forward.on('error', () => {
				response.writeHead(502);
				response.end();
			});
			forward.end(Buffer.concat(chunks));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		setRelationLookupLatency: (ms) => (latencyMs = ms),
		delayedAnswers: () => delayed,
		setLookupBarrier: (ms) => {
			barrierMs = ms;
			barrier.clear();
		},
		pairedLookups: () => paired,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
