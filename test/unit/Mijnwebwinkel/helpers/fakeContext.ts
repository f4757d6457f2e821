import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

/** A response the fake n8n request helper hands back (as with `returnFullResponse`), or an error it throws. */
export type FakeAnswer =
	{ statusCode: number; body?: unknown; headers?: Record<string, string> } | Error;

export const STORE_TOKEN = 'store-secret-123';
export const PARTNER_TOKEN = 'partner-secret-456';

export const node: INode = {
	id: 'mww',
	name: 'Mijnwebwinkel',
	type: 'n8n-nodes-mijnwebwinkel-eboekhouden.mijnwebwinkel',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * Only what the transport touches: the node, the credential and `httpRequestWithAuthentication`, which
 * answers from a script (or a function of the request) and records every request.
 */
export function fakeContext(
	answers: FakeAnswer[] | ((request: IHttpRequestOptions) => FakeAnswer),
) {
	const requests: IHttpRequestOptions[] = [];
	const next = (request: IHttpRequestOptions): FakeAnswer => {
		if (typeof answers === 'function') return answers(request);
		const answer = answers.shift();
		if (!answer) throw new Error('no scripted answer left');
		return answer;
	};
	const context = {
		getNode: () => node,
		getCredentials: async () => ({
			storeToken: STORE_TOKEN,
			partnerToken: PARTNER_TOKEN,
			language: 'nl_NL',
			baseUrl: 'http://shop.test/',
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				requests.push(request);
				const answer = next(request);
				if (answer instanceof Error) throw answer;
				return { headers: {}, body: undefined, ...answer };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}

/** Every string reachable from an error (own properties, nested), to look for leaked secrets. */
export function everythingIn(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (value === null || typeof value !== 'object' || seen.has(value)) return String(value);
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((key) => `${key}=${everythingIn((value as Record<string, unknown>)[key], seen)}`)
		.join('\n');
}
