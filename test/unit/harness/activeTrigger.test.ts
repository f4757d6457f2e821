import { activateTrigger, registerCredentialType } from '../../harness';
import type { HarnessCredentials } from '../../harness';
import { startTestServer } from './fixtures/server';
import type { TestServer } from './fixtures/server';
import { CounterTrigger, qsCredential, SeenOrdersTrigger } from './fixtures/types';

let server: TestServer;
let orders: string[];
let credentials: HarnessCredentials;

const emitted = (result: Awaited<ReturnType<ReturnType<typeof activateTrigger>['poll']>>) =>
	result?.[0].map((item) => item.json.order) ?? null;

beforeAll(async () => {
	registerCredentialType(qsCredential);
	server = await startTestServer(() => ({ body: { orders } }));
	credentials = { harnessQsApi: { token: 't', baseUrl: server.url } };
});
afterAll(async () => await server.close());
beforeEach(() => {
	orders = ['1001', '1002'];
});

describe('activateTrigger (n8n’s rules for saving static data)', () => {
	it('saves a cursor that is assigned anew, so a restart emits nothing twice', async () => {
		const trigger = activateTrigger(new SeenOrdersTrigger(), { parameters: {}, credentials });

		expect(emitted(await trigger.poll())).toEqual(['1001', '1002']);
		orders = [...orders, '1003'];
		expect(emitted(await trigger.poll())).toEqual(['1003']);
		trigger.restart();

		expect(await trigger.poll()).toBeNull();
		expect(trigger.saved()).toEqual({ seen: ['1001', '1002', '1003'] });
	});

	it('does not save a push into an array from an earlier poll: after a restart the order comes again', async () => {
		const trigger = activateTrigger(new SeenOrdersTrigger(), {
			parameters: { rememberBy: 'push' },
			credentials,
		});

		expect(emitted(await trigger.poll())).toEqual(['1001', '1002']);
		orders = [...orders, '1003'];
		expect(emitted(await trigger.poll())).toEqual(['1003']);
		expect(trigger.saved()).toEqual({ seen: ['1001', '1002'] });
		trigger.restart();

		expect(emitted(await trigger.poll())).toEqual(['1003']);
	});

	it('saves after the activation poll even without items, then only after polls that emit', async () => {
		orders = [];
		const trigger = activateTrigger(new CounterTrigger(), { parameters: {}, credentials });

		expect(await trigger.poll()).toBeNull();
		expect(trigger.saved()).toEqual({ count: 1 });
		expect(await trigger.poll()).toBeNull();
		expect(trigger.saved()).toEqual({ count: 1 });
		orders = ['1001'];
		expect((await trigger.poll())?.[0][0].json.count).toBe(3);
		expect(trigger.saved()).toEqual({ count: 3 });
	});
});
