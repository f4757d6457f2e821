import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through between the node and the books sandbox on 127.0.0.1 that can lose e-Boekhouden's answer: the
 * request is carried out in the books, but the node hears a 500 or a dropped connection. The sandbox's own faults
 * answer instead of handling the request, so they cannot show a write that went through unheard.
 */
export type Loss = 'serverError' | 'droppedConnection';

export interface AnswerLosingProxy {
	url: string;
	/** Loses the answer to the next `method path` request (path without query), once. */
	loseNext(method: string, path: string, loss: Loss): void;
	close(): Promise<void>;
}

const SERVER_ERROR_BODY = JSON.stringify({
	type: 'server',
	code: 'ERR_001',
	title: 'Something went wrong.',
	status: 500,
});

async function readAll(stream: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startAnswerLosingProxy(target: string): Promise<AnswerLosingProxy> {
	const upstream = new URL(target);
	const pending: Array<{ key: string; loss: Loss }> = [];

	const forward = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
		const body = await readAll(incoming);
		const answer = await new Promise<IncomingMessage>((resolve, reject) => {
			const sent = request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: incoming.method,
					path: incoming.url,
					headers: { ...incoming.headers, host: upstream.host },
				},
				resolve,
			);
			sent.on('error', reject);
			sent.end(body);
		});
		const answerBody = await readAll(answer);
		const key = `${incoming.method} ${(incoming.url ?? '').split('?')[0]}`;
		const lost = pending.findIndex((entry) => entry.key === key);
		if (lost >= 0) {
			const [{ loss }] = pending.splice(lost, 1);
			if (loss === 'droppedConnection') {
				incoming.socket.destroy();
				return;
			}
			outgoing.writeHead(500, { 'content-type': 'application/json' });
			outgoing.end(SERVER_ERROR_BODY);
			return;
		}
		outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
		outgoing.end(answerBody);
	};

	const server = createServer((incoming, outgoing) => {
		forward(incoming, outgoing).catch(() => incoming.socket.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		loseNext(method, path, loss) {
			pending.push({ key: `${method.toUpperCase()} ${path}`, loss });
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
