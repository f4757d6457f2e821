import { NodeApiError } from 'n8n-workflow';

import { executeNode, registerCredentialType, testCredential } from '../../harness';
import { startTestServer } from './fixtures/server';
import type { SeenRequest, TestServer } from './fixtures/server';
import { EchoNode, headerCredential, qsCredential, sessionCredential } from './fixtures/types';

let server: TestServer;
let sessionsIssued: number;
/** The session the server accepts right now; requests with any other Authorization get a 401. */
let liveSession: string;

const sessionServer = (request: SeenRequest) => {
	if (request.path === '/session') {
		if ((request.body as { accessToken?: string }).accessToken !== 'api-token')
			return { status: 401 };
		sessionsIssued += 1;
		liveSession = `session-${sessionsIssued}`;
		return { body: { token: liveSession, expiresIn: 3600 } };
	}
	if (request.headers.authorization !== liveSession)
		return { status: 401, body: { message: 'session expired' } };
	return { body: { path: request.path } };
};

const calls = () => server.requests.map((request) => `${request.method} ${request.path}`);

beforeAll(async () => {
	[qsCredential, headerCredential, sessionCredential].forEach(registerCredentialType);
	server = await startTestServer();
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	sessionsIssued = 0;
	liveSession = 'none yet';
	server.route = sessionServer;
});

describe('preAuthentication (hidden expirable session token)', () => {
	const echo = { parameters: { authentication: 'harnessSessionApi' } };

	it('fetches a session when none is stored, sends it, and stores it', async () => {
		const { output, credentials } = await executeNode(new EchoNode(), {
			...echo,
			credentials: { harnessSessionApi: { accessToken: 'api-token', baseUrl: server.url } },
		});

		expect(calls()).toEqual(['POST /session', 'GET /echo']);
		expect(server.requests[1].headers.authorization).toBe('session-1');
		expect(output[0][0].json.response).toEqual({ path: '/echo' });
		expect(credentials.harnessSessionApi.sessionToken).toBe('session-1');
	});

	it('reuses the stored session on the next run without asking for a new one', async () => {
		const first = await executeNode(new EchoNode(), {
			...echo,
			credentials: { harnessSessionApi: { accessToken: 'api-token', baseUrl: server.url } },
		});
		server.requests.length = 0;

		await executeNode(new EchoNode(), { ...echo, credentials: first.credentials });

		expect(calls()).toEqual(['GET /echo']);
	});

	it('after a 401 fetches a new session once and resends: the endpoint sees exactly two requests', async () => {
		const { credentials } = await executeNode(new EchoNode(), {
			...echo,
			credentials: {
				harnessSessionApi: { accessToken: 'api-token', baseUrl: server.url, sessionToken: 'stale' },
			},
		});

		expect(calls()).toEqual(['GET /echo', 'POST /session', 'GET /echo']);
		expect(server.requests.map((request) => request.headers.authorization)).toEqual([
			'stale',
			undefined,
			'session-1',
		]);
		expect(credentials.harnessSessionApi.sessionToken).toBe('session-1');
	});

	it('gives up after one retry when the fresh session is refused too', async () => {
		server.route = (request) =>
			request.path === '/session' ? { body: { token: 'refused-too' } } : { status: 401 };

		const run = executeNode(new EchoNode(), {
			...echo,
			credentials: {
				harnessSessionApi: { accessToken: 'api-token', baseUrl: server.url, sessionToken: 'stale' },
			},
		});

		await expect(run).rejects.toBeInstanceOf(NodeApiError);
		expect(calls()).toEqual(['GET /echo', 'POST /session', 'GET /echo']);
	});

	it('does not change the credentials object the test passed in', async () => {
		const given = { harnessSessionApi: { accessToken: 'api-token', baseUrl: server.url } };

		await executeNode(new EchoNode(), { ...echo, credentials: given });

		expect(given).toEqual({ harnessSessionApi: { accessToken: 'api-token', baseUrl: server.url } });
	});
});

describe('testCredential (the credential dialog’s Test button)', () => {
	beforeEach(() => {
		server.route = (request) => {
			if (request.path === '/session') return sessionServer(request);
			if (request.query.token === 'good') return { body: { shop: 'De Fietsenwinkel' } };
			if (request.query.token === 'read-only') return { status: 403 };
			if (request.headers.authorization === liveSession) return { body: {} };
			return { status: 401 };
		};
	});

	it('reports OK when the test request succeeds with the credential applied', async () => {
		const result = await testCredential(qsCredential, { token: 'good', baseUrl: server.url });

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests[0].path).toBe('/me');
		expect(server.requests[0].query).toEqual({ token: 'good' });
	});

	it('reports the HTTP status text when the test request is refused', async () => {
		const result = await testCredential(qsCredential, { token: 'wrong', baseUrl: server.url });

		expect(result).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	it('reports a matching responseCode rule’s message', async () => {
		const result = await testCredential(qsCredential, { token: 'read-only', baseUrl: server.url });

		expect(result).toEqual({ status: 'Error', message: 'This token may not read the shop' });
	});

	it('runs preAuthentication first for a session credential, even with a session stored', async () => {
		const result = await testCredential(sessionCredential, {
			accessToken: 'api-token',
			baseUrl: server.url,
			sessionToken: 'left over from yesterday',
		});

		expect(result.status).toBe('OK');
		expect(calls()).toEqual(['POST /session', 'GET /me']);
	});

	it('reports an error when preAuthentication itself is refused (n8n-core tries the session twice)', async () => {
		const result = await testCredential(sessionCredential, {
			accessToken: 'wrong',
			baseUrl: server.url,
		});

		expect(result.status).toBe('Error');
		// The 401 from the session call counts as "credentials expired", so n8n-core runs preAuthentication again.
		expect(calls()).toEqual(['POST /session', 'POST /session']);
	});

	it('reports an error for a credential type without a test', async () => {
		const result = await testCredential(headerCredential, { apiKey: 'k', baseUrl: server.url });

		expect(result).toEqual({
			status: 'Error',
			message: 'No testing function found for this credential.',
		});
	});
});
