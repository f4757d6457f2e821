/**
 * The shop's 429 pauses every request to that shop together (one shared pause honouring Retry-After), while the
 * payment reads run several at a time. Time is jest's fake clock; every request takes 150 ms of it.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createTransport } from '../../../../nodes/Mijnwebwinkel/api/transport';
import {
	createPaymentsReader,
	readPaymentsAhead,
} from '../../../../nodes/Mijnwebwinkel/api/paymentsReader';
import { clearBackoffs } from '../../../../nodes/shared/backoff';
import { node } from '../helpers/fakeContext';

const LATENCY_MS = 150;

type Answer = { statusCode: number; body?: unknown; headers?: Record<string, string> };

const paymentsOf = (orderNumber: string) => ({
	payments: [
		{ id: `p-${orderNumber}`, gateway: 'mollie', method: 'ideal', price: 1210, mutations: [] },
	],
});

/** A shop behind a 150 ms network: records when each request was sent and how many were in flight at most. */
function slowShop(
	answer: (orderNumber: string, attempt: number) => Answer & { latencyMs?: number },
	credential = { id: 'cred-1', name: 'Shop' },
	baseUrl = 'http://shop.test',
) {
	const sent: Array<{ orderNumber: string; at: number }> = [];
	const attempts = new Map<string, number>();
	let inFlight = 0;
	let peak = 0;
	const context = {
		getNode: () => ({ ...node, credentials: { mijnwebwinkelApi: credential } }),
		getCredentials: async () => ({ storeToken: 'store', partnerToken: 'partner', baseUrl }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				const orderNumber = /\/orders\/([^/]+)/.exec(String(request.url))?.[1] ?? '';
				const attempt = (attempts.get(orderNumber) ?? 0) + 1;
				attempts.set(orderNumber, attempt);
				sent.push({ orderNumber, at: Date.now() });
				inFlight++;
				peak = Math.max(peak, inFlight);
				const { latencyMs = LATENCY_MS, ...answered } = answer(orderNumber, attempt);
				await new Promise((resolve) => setTimeout(resolve, latencyMs));
				inFlight--;
				return { headers: {}, ...answered };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, sent, peak: () => peak };
}

const numbers = Array.from({ length: 12 }, (_, index) => String(1001 + index));

beforeEach(() => {
	jest.useFakeTimers({ now: 0 });
	clearBackoffs();
});
afterEach(() => {
	jest.useRealTimers();
	clearBackoffs();
});

describe('One pause for every request to the shop', () => {
	it('a 429 to one reader pauses all readers for its Retry-After; at most 4 in flight; order and per-order errors kept', async () => {
		const shop = slowShop((orderNumber, attempt) => {
			if (orderNumber === '1002' && attempt === 1)
				return { statusCode: 429, headers: { 'retry-after': '5' }, latencyMs: 100 };
			if (orderNumber === '1007') return { statusCode: 404, body: {} };
			return { statusCode: 200, body: paymentsOf(orderNumber) };
		});
		const reader = createPaymentsReader(createTransport(shop.context));
		const done = readPaymentsAhead(reader, numbers, 4);
		await jest.advanceTimersByTimeAsync(LATENCY_MS);
		// 1001–1004 were sent at 0; 1002 was refused at 100 ms: nobody sends again before 5,100 ms, although
		// three readers were free from 150 ms.
		expect(shop.sent.map(({ orderNumber }) => orderNumber)).toEqual([
			'1001',
			'1002',
			'1003',
			'1004',
		]);
		await jest.advanceTimersByTimeAsync(5_100 - LATENCY_MS - 1);
		expect(shop.sent).toHaveLength(4);
		await jest.advanceTimersByTimeAsync(1);
		const afterPause = shop.sent.slice(4);
		expect(afterPause.map(({ at }) => at)).toEqual([5_100, 5_100, 5_100, 5_100]);
		expect(afterPause.map(({ orderNumber }) => orderNumber).sort()).toEqual([
			'1002',
			'1005',
			'1006',
			'1007',
		]);
		await jest.advanceTimersByTimeAsync(10 * LATENCY_MS);
		const answers = await done;

		expect(shop.peak()).toBe(4);
		expect(shop.sent).toHaveLength(13); // 12 orders, one of them twice
		const read = await Promise.all(numbers.map(async (number) => await answers.read(number)));
		expect(read).toEqual(
			numbers.map((number) =>
				number === '1007'
					? { problem: 'Order 1007 was not found in this shop', temporary: false }
					: { payments: paymentsOf(number).payments },
			),
		);
	});

	it('a burst of 429s on every reader is one pause, as long as the longest Retry-After, not a retry each', async () => {
		const shop = slowShop((orderNumber, attempt) =>
			attempt === 1
				? { statusCode: 429, headers: { 'retry-after': String(Number(orderNumber) - 1000) } }
				: { statusCode: 200, body: paymentsOf(orderNumber) },
		);
		const reader = createPaymentsReader(createTransport(shop.context));
		const done = readPaymentsAhead(reader, numbers.slice(0, 4), 4);
		await jest.advanceTimersByTimeAsync(LATENCY_MS + 4_000 + LATENCY_MS);
		await done;
		// Asked 1, 2, 3 and 4 seconds: everyone waits the 4 seconds once, then goes.
		expect(shop.sent.map(({ at }) => at)).toEqual([0, 0, 0, 0, 4_150, 4_150, 4_150, 4_150]);
	});

	it('another execution with the same credential waits for the same pause; another shop does not', async () => {
		let refused = false;
		const answer = (orderNumber: string): Answer => {
			if (!refused) {
				refused = true;
				return { statusCode: 429, headers: { 'retry-after': '4' } };
			}
			return { statusCode: 200, body: paymentsOf(orderNumber) };
		};
		const first = slowShop(answer);
		const second = slowShop(answer);
		const otherShop = slowShop(answer, { id: 'cred-2', name: 'Other shop' }, 'http://other.test');
		const firstRead = createTransport(first.context).get('/orders/1001/payments');
		await jest.advanceTimersByTimeAsync(LATENCY_MS + 1_000);
		const secondRead = createTransport(second.context).get('/orders/1002/payments');
		const otherRead = createTransport(otherShop.context).get('/orders/1003/payments');
		await jest.advanceTimersByTimeAsync(0);
		expect(second.sent).toEqual([]);
		expect(otherShop.sent.map(({ at }) => at)).toEqual([1_150]);
		await jest.advanceTimersByTimeAsync(3_000 + LATENCY_MS);
		await Promise.all([firstRead, secondRead, otherRead]);
		expect(second.sent.map(({ at }) => at)).toEqual([4_150]);
	});

	it('a Retry-After over a minute is not sat out: that request fails saying how long, the others fail unsent, later ones go again', async () => {
		const shop = slowShop((orderNumber, attempt) =>
			orderNumber === '1001' && attempt === 1
				? { statusCode: 429, headers: { 'retry-after': '600' } }
				: { statusCode: 200, body: paymentsOf(orderNumber) },
		);
		const transport = createTransport(shop.context);
		const first = transport.get('/orders/1001/payments').catch((error: Error) => error);
		await jest.advanceTimersByTimeAsync(LATENCY_MS);
		const refused = (await first) as Error & { description?: string };
		expect(refused.message).toBe('Mijnwebwinkel is limiting the number of requests');
		expect(refused.description).toContain('Tried 1 times. It asked to wait 600 seconds.');

		const unsent = (await transport
			.get('/orders/1002/payments')
			.catch((error: Error) => error)) as Error & {
			description?: string;
		};
		expect(unsent.message).toBe('Mijnwebwinkel is limiting the number of requests');
		expect(unsent.description).toContain('Not sent');
		expect(shop.sent).toHaveLength(1);

		await jest.advanceTimersByTimeAsync(600_000);
		const later = transport.get('/orders/1003/payments');
		await jest.advanceTimersByTimeAsync(LATENCY_MS);
		await expect(later).resolves.toEqual(paymentsOf('1003'));
	});

	it('a request that gives up after 4 refusals leaves the last pause in place for the others', async () => {
		const shop = slowShop((orderNumber) =>
			orderNumber === '1001'
				? { statusCode: 429, headers: { 'retry-after': '1' } }
				: { statusCode: 200, body: paymentsOf(orderNumber) },
		);
		const transport = createTransport(shop.context);
		const first = transport.get('/orders/1001/payments').catch((error: Error) => error);
		await jest.advanceTimersByTimeAsync(4 * LATENCY_MS + 3 * 1_000);
		expect(((await first) as Error & { description?: string }).description).toContain(
			'Tried 4 times.',
		);
		const next = transport.get('/orders/1002/payments');
		await jest.advanceTimersByTimeAsync(999);
		expect(shop.sent).toHaveLength(4);
		await jest.advanceTimersByTimeAsync(1 + LATENCY_MS);
		await expect(next).resolves.toEqual(paymentsOf('1002'));
		expect(shop.sent.map(({ at }) => at)).toEqual([0, 1_150, 2_300, 3_450, 4_600]);
	});
});
