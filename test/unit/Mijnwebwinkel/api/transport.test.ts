import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createTransport } from '../../../../nodes/Mijnwebwinkel/api/transport';
import {
	everythingIn,
	fakeContext,
	node,
	PARTNER_TOKEN,
	STORE_TOKEN,
} from '../helpers/fakeContext';

const ok = (body: unknown) => ({ statusCode: 200, body });

function setup(answers: Parameters<typeof fakeContext>[0]) {
	const { context, requests } = fakeContext(answers);
	const waits: number[] = [];
	const transport = createTransport(context, { wait: async (ms) => void waits.push(ms) });
	return { transport, requests, waits };
}

async function caught(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

/** What n8n throws when no answer came back: a NodeApiError around the HTTP client's error (with the URL). */
function connectionError(code: string) {
	const url = `http://shop.test/v1/orders?token=${STORE_TOKEN}&partner_token=${PARTNER_TOKEN}`;
	const clientError = Object.assign(new Error(`connect ${code} ${url}`), {
		code,
		isAxiosError: true,
		config: { url, params: { token: STORE_TOKEN, partner_token: PARTNER_TOKEN } },
	});
	return new NodeApiError(node, clientError as unknown as JsonObject);
}

describe('createTransport', () => {
	it('sends a GET below /v1 of the credential base URL, with the language and the query', async () => {
		const { transport, requests } = setup([ok([])]);
		await expect(transport.get('/orders', { limit: 100, offset: 0 })).resolves.toEqual([]);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			url: 'http://shop.test/v1/orders',
			qs: { language: 'nl_NL', limit: 100, offset: 0 },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	});

	it('lets a call ask for another language', async () => {
		const { transport, requests } = setup([ok([])]);
		await transport.get('/orderstatuses', { language: 'en_GB' });
		expect(requests[0].qs).toEqual({ language: 'en_GB' });
	});

	it('waits as long as Retry-After says on 429, then tries again', async () => {
		const { transport, requests, waits } = setup([
			{ statusCode: 429, headers: { 'retry-after': '7' } },
			{ statusCode: 429, headers: { 'retry-after': '2' } },
			ok({ count: 3 }),
		]);
		await expect(transport.get('/orders/count')).resolves.toEqual({ count: 3 });
		expect(waits).toEqual([7000, 2000]);
		expect(requests).toHaveLength(3);
	});

	it('waits 2 seconds on a 429 without Retry-After, then twice as long each time', async () => {
		const { transport, waits } = setup([{ statusCode: 429 }, { statusCode: 429 }, ok([])]);
		await transport.get('/orders');
		expect(waits).toEqual([2000, 4000]);
	});

	it('does not sit out a Retry-After over a minute, and says how long was asked', async () => {
		const { transport, requests, waits } = setup([
			{ statusCode: 429, headers: { 'retry-after': '3600' } },
		]);
		const error = await caught(transport.get('/orders'));
		expect(waits).toEqual([]);
		expect(requests).toHaveLength(1);
		expect(error.message).toBe('Mijnwebwinkel is limiting the number of requests');
		expect(error.description).toContain('3600 seconds');
		expect(error.httpCode).toBe('429');
	});

	it('backs off 1, 2 and 4 seconds on server errors and gives up after 4 tries', async () => {
		const { transport, requests, waits } = setup([
			{ statusCode: 500 },
			{ statusCode: 502 },
			{ statusCode: 503 },
			{ statusCode: 504, body: { code: 504, message: 'Gateway timeout' } },
		]);
		const error = await caught(transport.get('/orders'));
		expect(requests).toHaveLength(4);
		expect(waits).toEqual([1000, 2000, 4000]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Mijnwebwinkel had a server error (HTTP 504)');
		expect(error.description).toContain('Tried 4 times');
		expect(error.context.kind).toBe('server');
	});

	it('recovers when a server error passes', async () => {
		const { transport, waits } = setup([{ statusCode: 503 }, ok([{ number: 1 }])]);
		await expect(transport.get('/orders')).resolves.toEqual([{ number: 1 }]);
		expect(waits).toEqual([1000]);
	});

	it('does not retry a client error', async () => {
		const { transport, requests } = setup([
			{ statusCode: 400, body: { message: 'limit too high' } },
		]);
		const error = await caught(transport.get('/orders', { limit: 500 }));
		expect(requests).toHaveLength(1);
		expect(error.message).toBe('Mijnwebwinkel rejected the request (HTTP 400)');
	});

	it('retries a dropped connection but not a refused one', async () => {
		const dropped = setup([connectionError('ECONNRESET'), ok([])]);
		await expect(dropped.transport.get('/orders')).resolves.toEqual([]);
		expect(dropped.waits).toEqual([1000]);

		const refused = setup([connectionError('ECONNREFUSED')]);
		const error = await caught(refused.transport.get('/orders'));
		expect(refused.requests).toHaveLength(1);
		expect(error.message).toBe('Could not reach the Mijnwebwinkel API at http://shop.test');
		expect(error.description).toContain('ECONNREFUSED');
		expect(error.context.kind).toBe('unreachable');
	});

	it('blames the store token when the partner token has just worked', async () => {
		const { transport } = setup([
			ok([{ status: 1, description: 'In behandeling', credit_order: false }]),
			{ statusCode: 401 },
		]);
		await transport.get('/orderstatuses');
		const error = await caught(transport.get('/orders'));
		expect(error.message).toBe('Mijnwebwinkel refused the store token');
		expect(error.httpCode).toBe('401');
	});

	it('never lets a token into the error, whatever the answer echoes', async () => {
		const echoes = [
			{
				statusCode: 401,
				body: { message: `Invalid token ${STORE_TOKEN}`, description: `partner ${PARTNER_TOKEN}` },
			},
			{
				statusCode: 400,
				body: { detail: `see https://api.test/v1/orders?token=${STORE_TOKEN}&x=1` },
			},
		];
		for (const answer of echoes) {
			const { transport } = setup([answer]);
			const text = everythingIn(await caught(transport.get('/orders')));
			expect(text).not.toContain(STORE_TOKEN);
			expect(text).not.toContain(PARTNER_TOKEN);
		}
		for (const code of ['ECONNREFUSED', 'ENOTFOUND']) {
			const { transport } = setup([connectionError(code)]);
			const text = everythingIn(await caught(transport.get('/orders')));
			expect(text).toContain(code);
			expect(text).not.toContain(STORE_TOKEN);
			expect(text).not.toContain(PARTNER_TOKEN);
		}
	});

	it('passes on an n8n error that is not a failed request, such as a missing credential', async () => {
		const missing = new NodeOperationError(
			node,
			'Node "Mijnwebwinkel" does not have any credentials set',
		);
		const { transport } = setup([missing]);
		await expect(transport.get('/orders')).rejects.toBe(missing);
	});

	it('names the order and field of an answer that fails its schema', () => {
		const { transport } = setup([]);
		const error = transport.invalid(
			{ message: 'bad', description: 'worse', kind: 'invalidResponse' },
			{ orderNumber: '1042', field: 'price.total' },
		);
		expect(error.context).toMatchObject({
			orderNumber: '1042',
			field: 'price.total',
			kind: 'invalidResponse',
		});
	});
});
