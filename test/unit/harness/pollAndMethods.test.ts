import type { IDataObject } from 'n8n-workflow';

import { listSearch, loadOptions, pollNode, registerCredentialType } from '../../harness';
import type { HarnessCredentials } from '../../harness';
import { startTestServer } from './fixtures/server';
import type { TestServer } from './fixtures/server';
import { CounterTrigger, EchoNode, qsCredential } from './fixtures/types';

let server: TestServer;
let orders: string[];
let credentials: HarnessCredentials;

beforeAll(async () => {
	registerCredentialType(qsCredential);
	server = await startTestServer();
	credentials = { harnessQsApi: { token: 'poll-token', baseUrl: server.url } };
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	orders = ['1001', '1002'];
	server.route = (request) => {
		if (request.path === '/orders') return { body: { orders } };
		const colours = ['Rood', 'Groen', 'Blauw'].filter((colour) =>
			colour.includes(request.query.filter ?? ''),
		);
		return { body: { colours, next: request.query.page === '1' ? '2' : undefined } };
	};
});

describe('pollNode', () => {
	it('shares the static data object across polls of one workflow', async () => {
		const staticData: IDataObject = {};

		const first = await pollNode(new CounterTrigger(), { parameters: {}, credentials, staticData });
		const second = await pollNode(new CounterTrigger(), {
			parameters: { step: 5 },
			credentials,
			staticData,
		});

		expect(first?.[0].map((item) => item.json.count)).toEqual([1, 1]);
		expect(second?.[0].map((item) => item.json.count)).toEqual([6, 6]);
		expect(staticData).toEqual({ count: 6 });
	});

	it('returns null when poll() finds nothing, and still keeps what poll() stored', async () => {
		orders = [];
		const staticData: IDataObject = { count: 41 };

		const result = await pollNode(new CounterTrigger(), {
			parameters: {},
			credentials,
			staticData,
		});

		expect(result).toBeNull();
		expect(staticData).toEqual({ count: 42 });
	});

	it('polls with authentication, in trigger mode, with the pollTimes parameter n8n’s loader adds', async () => {
		const result = await pollNode(new CounterTrigger(), {
			parameters: {},
			credentials,
			staticData: {},
		});

		expect(server.requests[0].query).toEqual({ token: 'poll-token' });
		expect(result?.[0][0].json).toMatchObject({
			mode: 'trigger',
			activation: 'activate',
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		});
	});

	it('runs a manual poll as n8n’s Fetch Test Event: the node decides, nothing it stores is kept', async () => {
		const staticData: IDataObject = { count: 3 };

		const result = await pollNode(new CounterTrigger(), {
			parameters: {},
			credentials,
			staticData,
			mode: 'manual',
		});

		expect(result?.[0][0].json).toMatchObject({
			sample: true,
			mode: 'manual',
			orders: ['1001', '1002'],
		});
		expect(staticData).toEqual({ count: 3 });
	});
});

describe('loadOptions and listSearch', () => {
	it('loads dropdown options with the credential applied', async () => {
		const options = await loadOptions(new EchoNode(), 'getColours', { credentials });

		expect(options.map((option) => option.value)).toEqual(['rood', 'groen', 'blauw']);
		expect(server.requests[0].query).toMatchObject({ token: 'poll-token' });
	});

	it('passes the filter and pagination token to a list search', async () => {
		const page = await listSearch(new EchoNode(), 'searchColours', {
			credentials,
			filter: 'o',
			paginationToken: '1',
		});

		expect(page.results.map((result) => result.name)).toEqual(['Rood', 'Groen']);
		expect(page.paginationToken).toBe('2');
		expect(server.requests[0].query).toEqual({ filter: 'o', page: '1', token: 'poll-token' });
	});
});
