import { createTransport } from '../../../../nodes/Mijnwebwinkel/api/transport';
import { createPaymentsReader } from '../../../../nodes/Mijnwebwinkel/api/paymentsReader';
import type { FakeAnswer } from '../helpers/fakeContext';
import { fakeContext, PARTNER_TOKEN, STORE_TOKEN } from '../helpers/fakeContext';

const payment = { id: 'p1', gateway: 'mollie', method: 'ideal', price: 1210, mutations: [] };

function readerFor(answers: FakeAnswer[]) {
	const { context, requests } = fakeContext(answers);
	const transport = createTransport(context, { wait: async () => {} });
	return { reader: createPaymentsReader(transport), requests };
}

describe('createPaymentsReader', () => {
	it('reads the payments array with mutations and the payment order embedded', async () => {
		const { reader, requests } = readerFor([{ statusCode: 200, body: { payments: [payment] } }]);
		expect(await reader.read('1042')).toEqual({ payments: [payment] });
		expect(requests[0].url).toMatch(/\/v1\/orders\/1042\/payments$/);
		expect(requests[0].qs).toMatchObject({ embed: 'mutations,order' });
	});

	it('calls a rate limit or a server error that outlasts the retries temporary', async () => {
		const limited = readerFor([
			{ statusCode: 429, headers: { 'retry-after': '3600' }, body: {} },
		]).reader;
		expect(await limited.read('1042')).toEqual({
			problem: 'Mijnwebwinkel is limiting the number of requests',
			temporary: true,
		});
		const down = readerFor(Array.from({ length: 4 }, () => ({ statusCode: 503, body: {} }))).reader;
		expect(await down.read('1042')).toMatchObject({ temporary: true });
	});

	it('calls an answer it cannot read, or a missing order, lasting, and never names a token', async () => {
		const odd = readerFor([{ statusCode: 200, body: { payments: [{ id: 'p1', price: 12.1 }] } }]);
		const answer = await odd.reader.read('1042');
		expect(answer).toEqual({
			problem: expect.stringContaining('the payments of order 1042'),
			temporary: false,
		});
		expect(JSON.stringify(answer)).not.toContain(STORE_TOKEN);
		expect(JSON.stringify(answer)).not.toContain(PARTNER_TOKEN);
		const missing = readerFor([{ statusCode: 404, body: {} }]).reader;
		expect(await missing.read('9')).toEqual({
			problem: 'Order 9 was not found in this shop',
			temporary: false,
		});
	});
});
