import {
	NodeApiError,
	sleep,
	type IHttpRequestHelper,
	type INode,
	type JsonObject,
} from 'n8n-workflow';
import { z } from 'zod';

import { createInvoice } from '../../../../nodes/EBoekhouden/api/invoices';
import { createMutation, createMutationOnce } from '../../../../nodes/EBoekhouden/api/mutations';
import { createRelation } from '../../../../nodes/EBoekhouden/api/relations';
import { SessionError, openSession } from '../../../../nodes/EBoekhouden/api/session';
import { apiRequest, errorKind } from '../../../../nodes/EBoekhouden/api/transport';
import { clearBackoffs } from '../../../../nodes/shared/pool';
import { fakeContext } from '../../../support/executeContext';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const sleepMock = sleep as jest.MockedFunction<typeof sleep>;
const ACCESS_TOKEN = 'secret-api-token-1234';
const SESSION_TOKEN = 'session-token-abcdef';

type Reply = { statusCode: number; body?: unknown; headers?: Record<string, string> } | Error;

function contextAnswering(...replies: Reply[]) {
	const ctx = fakeContext({
		parameters: {},
		credentials: {
			accessToken: ACCESS_TOKEN,
			sessionToken: SESSION_TOKEN,
			baseUrl: 'https://books.test/',
		},
	});
	const send = jest.fn(async () => {
		const reply = replies.length > 1 ? replies.shift() : replies[0];
		if (reply instanceof Error) throw reply;
		return { headers: {}, ...reply };
	});
	(ctx.helpers as unknown as Record<string, unknown>).httpRequestWithAuthentication = send;
	return { ctx, send };
}

/** What n8n-core throws when the request fails (a 401 after renewal, a dropped connection). */
function thrownByN8n(status: number | undefined, data?: unknown): Error {
	return Object.assign(new Error('Request failed'), {
		httpCode: status === undefined ? null : String(status),
		cause: { response: status === undefined ? undefined : { status, data, headers: {} } },
	});
}

/** What n8n-core throws when the connection is dropped: its NodeApiError around the socket error. */
function connectionReset(): Error {
	const socketError = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
	return new NodeApiError(
		{ name: 'e-Boekhouden.nl' } as INode,
		socketError as unknown as JsonObject,
	);
}

const ok = (body: unknown) => ({ statusCode: 200, body });
const itemsSchema = z.object({ items: z.array(z.object({ id: z.number() })) });

/** Time moves only when someone sleeps, so the shared back-off sees the waits the requests made. */
let clock = 0;
beforeEach(() => {
	clock = Date.UTC(2026, 0, 1);
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
	sleepMock.mockClear();
	sleepMock.mockImplementation(async (ms?: number) => {
		clock += ms ?? 0;
	});
	clearBackoffs();
});
afterEach(() => jest.restoreAllMocks());

describe('apiRequest', () => {
	it('sends through n8n’s authenticated helper with the credential’s base URL and reads the answer', async () => {
		const { ctx, send } = contextAnswering(ok({ items: [{ id: 1 }] }));
		const answer = await apiRequest(
			ctx,
			{ method: 'GET', path: '/v1/ledger', qs: { code: '8000' } },
			itemsSchema,
		);
		expect(answer).toEqual({ items: [{ id: 1 }] });
		expect(send).toHaveBeenCalledWith('eBoekhoudenApi', {
			method: 'GET',
			baseURL: 'https://books.test',
			url: '/v1/ledger',
			qs: { code: '8000' },
			body: undefined,
			json: true,
			timeout: 60_000,
			returnFullResponse: true,
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
		});
	});

	it('waits as long as Retry-After says on a 429, then carries on', async () => {
		const { ctx, send } = contextAnswering(
			{ statusCode: 429, headers: { 'retry-after': '3' } },
			{ statusCode: 429, headers: { 'retry-after': '1' } },
			ok({ items: [] }),
		);
		await apiRequest(ctx, { method: 'GET', path: '/v1/invoice' });
		expect(send).toHaveBeenCalledTimes(3);
		expect(sleepMock.mock.calls).toEqual([[3000], [1000]]);
	});

	it('retries a refused write (429) too: the request was not carried out', async () => {
		const { ctx, send } = contextAnswering(
			{ statusCode: 429, headers: { 'retry-after': '2' } },
			ok({ id: 9 }),
		);
		await apiRequest(ctx, { method: 'POST', path: '/v1/mutation', body: { type: 3 } });
		expect(send).toHaveBeenCalledTimes(2);
		expect(sleepMock.mock.calls).toEqual([[2000]]);
	});

	it('gives up on 429 after four waits, doubling the wait when no Retry-After is given', async () => {
		const { ctx, send } = contextAnswering({ statusCode: 429 });
		const failure = apiRequest(ctx, { method: 'GET', path: '/v1/relation' });
		await expect(failure).rejects.toMatchObject({
			message: 'e-Boekhouden is rate limiting requests',
		});
		expect(send).toHaveBeenCalledTimes(5);
		expect(sleepMock.mock.calls).toEqual([[2000], [4000], [8000], [16000]]);
	});

	it('does not wait out a Retry-After over a minute: the request fails, and nothing else is sent meanwhile', async () => {
		const { ctx, send } = contextAnswering({ statusCode: 429, headers: { 'retry-after': '600' } });
		await expect(apiRequest(ctx, { method: 'GET', path: '/v1/relation' })).rejects.toMatchObject({
			message: 'e-Boekhouden is rate limiting requests',
		});
		await expect(apiRequest(ctx, { method: 'GET', path: '/v1/invoice' })).rejects.toMatchObject({
			message: 'e-Boekhouden is rate limiting requests',
		});
		expect(send).toHaveBeenCalledTimes(1);
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('retries a GET on 5xx three times with growing pauses', async () => {
		const { ctx, send } = contextAnswering(
			{ statusCode: 503 },
			{ statusCode: 500 },
			ok({ items: [] }),
		);
		await apiRequest(ctx, { method: 'GET', path: '/v1/invoice' });
		expect(send).toHaveBeenCalledTimes(3);
		expect(sleepMock.mock.calls).toEqual([[1000], [2000]]);
	});

	it('stops after three 5xx retries of a GET', async () => {
		const { ctx, send } = contextAnswering({
			statusCode: 500,
			body: { code: 'ERR_001', title: 'Something went wrong.' },
		});
		await expect(apiRequest(ctx, { method: 'GET', path: '/v1/invoice' })).rejects.toMatchObject({
			httpCode: '500',
		});
		expect(send).toHaveBeenCalledTimes(4);
		expect(sleepMock.mock.calls).toEqual([[1000], [2000], [4000]]);
	});

	it.each(['POST', 'PATCH'] as const)(
		'never repeats a %s after a 5xx: it may have been carried out',
		async (method) => {
			const { ctx, send } = contextAnswering({ statusCode: 500 });
			await expect(
				apiRequest(ctx, { method, path: '/v1/invoice', body: {} }),
			).rejects.toMatchObject({
				context: expect.objectContaining({ kind: 'server' }),
			});
			expect(send).toHaveBeenCalledTimes(1);
			expect(sleepMock).not.toHaveBeenCalled();
		},
	);

	it('retries a GET after a dropped connection, but not a POST', async () => {
		const get = contextAnswering(thrownByN8n(undefined), ok({ items: [] }));
		await apiRequest(get.ctx, { method: 'GET', path: '/v1/invoice' });
		expect(get.send).toHaveBeenCalledTimes(2);
		const post = contextAnswering(thrownByN8n(undefined));
		await expect(
			apiRequest(post.ctx, { method: 'POST', path: '/v1/invoice', body: {} }),
		).rejects.toMatchObject({
			message: 'e-Boekhouden could not be reached',
		});
		expect(post.send).toHaveBeenCalledTimes(1);
	});

	it('turns FACT_101 into an "already booked" error with the code and HTTP status', async () => {
		const { ctx } = contextAnswering({
			statusCode: 400,
			body: {
				type: 'validation',
				code: 'FACT_101',
				title: 'Invoice number is in use.',
				status: 400,
			},
		});
		const error = await apiRequest(ctx, { method: 'POST', path: '/v1/invoice', body: {} }).catch(
			(e: unknown) => e,
		);
		expect(errorKind(error)).toBe('alreadyBooked');
		expect(error).toMatchObject({
			message: 'This invoice number is already booked (e-Boekhouden FACT_101)',
			httpCode: '400',
			context: expect.objectContaining({ code: 'FACT_101' }),
		});
	});

	it('a 401 that survived n8n’s session renewal is an authentication error, not retried', async () => {
		const { ctx, send } = contextAnswering(
			thrownByN8n(401, { code: 'SECURITY_010', title: 'Not authenticated.' }),
		);
		await expect(apiRequest(ctx, { method: 'GET', path: '/v1/ledger' })).rejects.toMatchObject({
			context: expect.objectContaining({ kind: 'auth', code: 'SECURITY_010' }),
		});
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('a session that could not be opened shows the credential’s explanation, without retrying', async () => {
		const sessionError = new SessionError(
			'e-Boekhouden rejected the API token',
			'Use a token of type …',
		);
		const { ctx, send } = contextAnswering(
			Object.assign(new Error('wrapped'), { cause: sessionError }),
		);
		await expect(apiRequest(ctx, { method: 'GET', path: '/v1/ledger' })).rejects.toMatchObject({
			message: 'e-Boekhouden rejected the API token',
			description: 'Use a token of type …',
		});
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('never lets a token into the error, even when the server echoes it', async () => {
		const { ctx } = contextAnswering({
			statusCode: 400,
			body: {
				code: 'REL_023',
				title: `Email ${ACCESS_TOKEN} is invalid.`,
				message: `Session ${SESSION_TOKEN} at https://books.test/v1/relation?accessToken=${ACCESS_TOKEN}`,
			},
		});
		const error = (await apiRequest(ctx, { method: 'POST', path: '/v1/relation', body: {} }).catch(
			(e: unknown) => e,
		)) as {
			message: string;
			description: string;
			context: unknown;
		};
		const shown = JSON.stringify({
			message: error.message,
			description: error.description,
			context: error.context,
		});
		expect(shown).not.toContain(ACCESS_TOKEN);
		expect(shown).not.toContain(SESSION_TOKEN);
		expect(error.description).toContain('***');
	});

	it('an answer that does not fit the schema is a clear error, not a crash later', async () => {
		const { ctx } = contextAnswering(ok({ items: [{ id: 'not a number' }] }));
		await expect(
			apiRequest(ctx, { method: 'GET', path: '/v1/ledger' }, itemsSchema),
		).rejects.toMatchObject({
			message: 'e-Boekhouden sent an answer this node does not understand (GET /v1/ledger)',
		});
	});
});

describe('one back-off for every request to the administration', () => {
	/** Sleeps that end only when the test moves the clock past them. */
	function heldSleeps() {
		const sleepers: Array<{ at: number; wake: () => void }> = [];
		sleepMock.mockImplementation(
			(ms?: number) =>
				new Promise<void>((resolve) => sleepers.push({ at: clock + (ms ?? 0), wake: resolve })),
		);
		return async (ms: number) => {
			clock += ms;
			for (const sleeper of [...sleepers])
				if (sleeper.at <= clock) {
					sleepers.splice(sleepers.indexOf(sleeper), 1);
					sleeper.wake();
				}
			for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
		};
	}

	it('a 429 to one request makes the other requests to the same administration wait too', async () => {
		const advance = heldSleeps();
		const first = contextAnswering({ statusCode: 429, headers: { 'retry-after': '5' } }, ok({}));
		const other = contextAnswering(ok({}));
		const refused = apiRequest(first.ctx, { method: 'GET', path: '/v1/invoice' });
		await advance(0);
		expect(first.send).toHaveBeenCalledTimes(1);
		await advance(1_000);
		const waiting = apiRequest(other.ctx, { method: 'POST', path: '/v1/mutation', body: {} });
		await advance(0);
		expect(other.send).not.toHaveBeenCalled();
		expect(sleepMock.mock.calls).toEqual([[5000], [4000]]);
		await advance(3_999);
		expect(other.send).not.toHaveBeenCalled();
		expect(first.send).toHaveBeenCalledTimes(1);
		await advance(1);
		await Promise.all([refused, waiting]);
		expect(first.send).toHaveBeenCalledTimes(2);
		expect(other.send).toHaveBeenCalledTimes(1);
	});

	it('another administration (another base URL) is not held up', async () => {
		const advance = heldSleeps();
		const first = contextAnswering({ statusCode: 429, headers: { 'retry-after': '5' } }, ok({}));
		const elsewhere = contextAnswering(ok({}));
		(elsewhere.ctx as unknown as { getCredentials: () => Promise<unknown> }).getCredentials =
			async () => ({ accessToken: ACCESS_TOKEN, baseUrl: 'https://other-books.test' });
		const refused = apiRequest(first.ctx, { method: 'GET', path: '/v1/invoice' });
		await advance(0);
		await apiRequest(elsewhere.ctx, { method: 'GET', path: '/v1/invoice' });
		expect(elsewhere.send).toHaveBeenCalledTimes(1);
		await advance(5_000);
		await refused;
	});
});

describe('the two writes e-Boekhouden guards against a repeat', () => {
	it('repeats a write marked idempotent after a 5xx, with the pauses of a GET', async () => {
		const { ctx, send } = contextAnswering({ statusCode: 500 }, { statusCode: 502 }, ok({ id: 9 }));
		const answer = await apiRequest(ctx, {
			method: 'POST',
			path: '/v1/invoice',
			body: { invoiceNumber: 'MWW-1' },
			idempotent: true,
		});
		expect(answer).toEqual({ id: 9 });
		expect(send).toHaveBeenCalledTimes(3);
		expect(sleepMock.mock.calls).toEqual([[1000], [2000]]);
	});

	it('repeats a write marked idempotent after a dropped connection (ECONNRESET)', async () => {
		const { ctx, send } = contextAnswering(connectionReset(), ok({ id: 9 }));
		await apiRequest(ctx, { method: 'POST', path: '/v1/mutation', body: {}, idempotent: true });
		expect(send).toHaveBeenCalledTimes(2);
		expect(sleepMock.mock.calls).toEqual([[1000]]);
	});

	it('gives up on a write marked idempotent after three repeats, like a GET', async () => {
		const { ctx, send } = contextAnswering(connectionReset());
		await expect(
			apiRequest(ctx, { method: 'POST', path: '/v1/invoice', body: {}, idempotent: true }),
		).rejects.toMatchObject({ message: 'e-Boekhouden could not be reached' });
		expect(send).toHaveBeenCalledTimes(4);
		expect(sleepMock.mock.calls).toEqual([[1000], [2000], [4000]]);
	});

	it('a plain POST is still sent once after ECONNRESET', async () => {
		const { ctx, send } = contextAnswering(connectionReset(), ok({ id: 9 }));
		await expect(
			apiRequest(ctx, { method: 'POST', path: '/v1/invoice', body: {} }),
		).rejects.toMatchObject({ message: 'e-Boekhouden could not be reached' });
		expect(send).toHaveBeenCalledTimes(1);
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('an invoice with its own number is sent again after a 500; one e-Boekhouden numbers is not', async () => {
		const numbered = contextAnswering(
			{ statusCode: 500 },
			ok({ id: 4, invoiceNumber: 'MWW-1042' }),
		);
		const created = await createInvoice(numbered.ctx, { invoiceNumber: 'MWW-1042' });
		expect(created).toMatchObject({ id: 4, invoiceNumber: 'MWW-1042' });
		expect(numbered.send).toHaveBeenCalledTimes(2);
		const unnumbered = contextAnswering({ statusCode: 500 }, ok({ id: 5, invoiceNumber: '1' }));
		await expect(createInvoice(unnumbered.ctx, { invoiceNumber: '' })).rejects.toMatchObject({
			httpCode: '500',
		});
		expect(unnumbered.send).toHaveBeenCalledTimes(1);
	});

	it('a payment with a checked reference is sent again after ECONNRESET; other mutations are not', async () => {
		const guarded = contextAnswering(connectionReset(), ok({ id: 77 }));
		await expect(createMutationOnce(guarded.ctx, { type: 3 }, 'Betaling MWW-1')).resolves.toEqual({
			id: 77,
		});
		expect(guarded.send).toHaveBeenCalledTimes(2);
		const plain = contextAnswering(connectionReset(), ok({ id: 78 }));
		await expect(
			createMutation(plain.ctx, { type: 3, paymentReference: 'Betaling MWW-1' }),
		).rejects.toMatchObject({ message: 'e-Boekhouden could not be reached' });
		expect(plain.send).toHaveBeenCalledTimes(1);
	});

	it('a repeated payment that meets MUTA_008 is "booked before", not an error', async () => {
		const { ctx, send } = contextAnswering(
			{ statusCode: 503 },
			{
				statusCode: 400,
				body: { type: 'validation', code: 'MUTA_008', title: 'Payment reference already exists.' },
			},
		);
		await expect(createMutationOnce(ctx, { type: 3 }, 'Betaling MWW-1')).resolves.toBeUndefined();
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('creating a relation is never repeated after a 500', async () => {
		const { ctx, send } = contextAnswering({ statusCode: 500 }, ok({ id: 3 }));
		await expect(createRelation(ctx, { type: 'P', name: 'Jan' })).rejects.toMatchObject({
			httpCode: '500',
		});
		expect(send).toHaveBeenCalledTimes(1);
	});
});

describe('one renewal for the requests in flight when the session expires', () => {
	function sessionServer() {
		let issued = 0;
		const httpRequest = jest.fn(async () => {
			await new Promise((resolve) => setImmediate(resolve));
			return { statusCode: 200, body: { token: `session-${++issued}`, expiresIn: 3600 } };
		});
		return { helper: { helpers: { httpRequest } } as unknown as IHttpRequestHelper, httpRequest };
	}
	const credentials = (sessionToken?: string) => ({
		accessToken: ACCESS_TOKEN,
		source: 'n8n',
		baseUrl: 'https://renewals.test',
		...(sessionToken === undefined ? {} : { sessionToken }),
	});

	it('requests renewing the same expired session all get the one new session', async () => {
		const { helper, httpRequest } = sessionServer();
		const tokens = await Promise.all(
			Array.from({ length: 8 }, async () => await openSession(helper, credentials('expired-a'))),
		);
		expect(new Set(tokens)).toEqual(new Set(['session-1']));
		expect(httpRequest).toHaveBeenCalledTimes(1);
		// That one expiring in turn opens another.
		expect(await openSession(helper, credentials('session-1'))).toBe('session-2');
		expect(httpRequest).toHaveBeenCalledTimes(2);
	});

	it('a first session is shared only while it is being opened', async () => {
		const { helper, httpRequest } = sessionServer();
		const [a, b] = await Promise.all([
			openSession(helper, credentials()),
			openSession(helper, credentials()),
		]);
		expect([a, b]).toEqual(['session-1', 'session-1']);
		expect(await openSession(helper, credentials())).toBe('session-2');
		expect(httpRequest).toHaveBeenCalledTimes(2);
	});
});
