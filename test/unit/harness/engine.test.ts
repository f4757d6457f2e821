import { executeNode, expressionEngineInUse, registerCredentialType } from '../../harness';
import { startTestServer } from './fixtures/server';
import type { TestServer } from './fixtures/server';
import { EchoNode, qsCredential } from './fixtures/types';

let server: TestServer;

beforeAll(async () => {
	registerCredentialType(qsCredential);
	server = await startTestServer();
});
afterAll(async () => await server.close());

it('evaluates expressions with the engine N8N_EXPRESSION_ENGINE names (legacy unless set)', async () => {
	const { output } = await executeNode(new EchoNode(), {
		parameters: { label: '={{ $json.amount.toFixed(2) }} EUR, {{ $json.tags.join("/") }}' },
		items: [{ json: { amount: 12.5, tags: ['nl', 'btw'] } }],
		credentials: { harnessQsApi: { token: 't', baseUrl: server.url } },
	});

	expect(output[0][0].json.label).toBe('12.50 EUR, nl/btw');
	expect(expressionEngineInUse()).toBe(process.env.N8N_EXPRESSION_ENGINE || 'legacy');
});
