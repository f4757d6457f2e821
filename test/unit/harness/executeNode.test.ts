import { NodeApiError } from 'n8n-workflow';

import { executeNode, registerCredentialType } from '../../harness';
import { startTestServer } from './fixtures/server';
import type { TestServer } from './fixtures/server';
import { EchoNode, headerCredential, qsCredential, sessionCredential } from './fixtures/types';

let server: TestServer;

beforeAll(async () => {
	[qsCredential, headerCredential, sessionCredential].forEach(registerCredentialType);
	server = await startTestServer();
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	server.route = (request) => ({ body: { path: request.path } });
});

describe('executeNode', () => {
	it('applies a credential type’s query-string authentication to the request', async () => {
		const { output } = await executeNode(new EchoNode(), {
			parameters: {},
			credentials: { harnessQsApi: { token: 'shop-token-1', baseUrl: server.url } },
		});

		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].path).toBe('/echo');
		expect(server.requests[0].query).toEqual({ token: 'shop-token-1' });
		expect(output[0][0].json.response).toEqual({ path: '/echo' });
	});

	it('applies header authentication, resolving the expression in the header value', async () => {
		await executeNode(new EchoNode(), {
			parameters: { authentication: 'harnessHeaderApi' },
			credentials: { harnessHeaderApi: { apiKey: 'k-42', baseUrl: server.url } },
		});

		expect(server.requests[0].headers['x-api-key']).toBe('key k-42');
		expect(server.requests[0].query).toEqual({});
	});

	it('fills in the defaults of every parameter the test does not set, for the newest version', async () => {
		const { output } = await executeNode(new EchoNode(), {
			parameters: {},
			credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
		});

		expect(output[0][0].json).toMatchObject({
			label: 'default label',
			limit: 50,
			typeVersion: 2,
			nodeName: 'Harness Echo',
		});
	});

	it('runs the type version and node name the test asks for', async () => {
		const { output } = await executeNode(new EchoNode(), {
			parameters: {},
			credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
			typeVersion: 1,
			nodeName: 'Boek Order',
		});

		expect(output[0][0].json).toMatchObject({ typeVersion: 1, nodeName: 'Boek Order' });
	});

	it('evaluates expressions against each input item', async () => {
		const { output } = await executeNode(new EchoNode(), {
			parameters: { label: '={{ $json.name }} via harness', path: '=/orders/{{ $json.id }}' },
			items: [
				{ json: { name: 'Order 1001', id: 1001 } },
				{ json: { name: 'Order 1002', id: 1002 } },
			],
			credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
		});

		expect(output[0].map((item) => item.json.label)).toEqual([
			'Order 1001 via harness',
			'Order 1002 via harness',
		]);
		expect(server.requests.map((request) => request.path)).toEqual([
			'/orders/1001',
			'/orders/1002',
		]);
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('throws the node’s own error when On Error is "Stop Workflow"', async () => {
		server.route = () => ({ status: 500, body: { message: 'boom' } });

		const run = executeNode(new EchoNode(), {
			parameters: {},
			credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
		});

		await expect(run).rejects.toBeInstanceOf(NodeApiError);
	});

	it('keeps going with Continue On Fail: the failed item becomes an error item paired to its input', async () => {
		server.route = (request) =>
			request.path === '/orders/2' ? { status: 500 } : { body: { ok: true } };

		const { output } = await executeNode(new EchoNode(), {
			parameters: { path: '=/orders/{{ $json.id }}' },
			items: [{ json: { id: 1 } }, { json: { id: 2 } }, { json: { id: 3 } }],
			credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
			continueOnFail: true,
		});

		expect(output[0]).toHaveLength(3);
		expect(output[0][1].json.error).toEqual(expect.any(String));
		expect(output[0][1].pairedItem).toEqual({ item: 1 });
		expect(output[0][2].json.response).toEqual({ ok: true });
	});

	it('routes failed items to a second output with On Error "Continue (using error output)"', async () => {
		server.route = (request) =>
			request.path === '/orders/2' ? { status: 500 } : { body: { ok: true } };

		const { output } = await executeNode(new EchoNode(), {
			parameters: { path: '=/orders/{{ $json.id }}' },
			items: [{ json: { id: 1 } }, { json: { id: 2 } }],
			credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
			onError: 'continueErrorOutput',
		});

		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
	});

	it('fails like n8n when the node needs a credential the test did not give', async () => {
		await expect(executeNode(new EchoNode(), { parameters: {} })).rejects.toThrow(/credentials/i);
	});
});
