import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { EBoekhoudenApi } from '../../../credentials/EBoekhoudenApi.credentials';

const TOKEN = 'my-secret-api-token';

function helperAnswering(statusCode: number, body: unknown) {
	const httpRequest = jest.fn(async (options: IHttpRequestOptions) => ({
		request: options.url,
		statusCode,
		body,
		headers: {},
	}));
	return { helper: { helpers: { httpRequest } } as unknown as IHttpRequestHelper, httpRequest };
}

const credential = new EBoekhoudenApi();

async function failureOf(work: Promise<unknown>): Promise<Error & { description: string }> {
	try {
		await work;
	} catch (error) {
		return error as Error & { description: string };
	}
	throw new Error('expected the session call to fail');
}
const data = (overrides: Record<string, unknown> = {}) => ({
	accessToken: TOKEN,
	source: 'n8n',
	baseUrl: 'https://books.test/',
	...overrides,
});

describe('e-Boekhouden.nl API credential', () => {
	it('opens a session with the API token and source, and keeps the session token', async () => {
		const { helper, httpRequest } = helperAnswering(200, { token: 'session-1', expiresIn: 3600 });
		await expect(credential.preAuthentication.call(helper, data())).resolves.toEqual({
			sessionToken: 'session-1',
		});
		expect(httpRequest).toHaveBeenCalledWith(
			expect.objectContaining({
				method: 'POST',
				url: 'https://books.test/v1/session',
				body: { accessToken: TOKEN, source: 'n8n' },
			}),
		);
	});

	it('sends the session token raw in Authorization, as the spec says', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '={{$credentials.sessionToken}}' } },
		});
		const session = credential.properties.find((property) => property.name === 'sessionToken');
		expect(session).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	});

	it('tests the token with a request that needs a session', () => {
		expect(credential.test.request).toMatchObject({
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/invoicetemplate',
		});
	});

	it.each(['', 'way too long source', 'n8n!', 'naïve'])(
		'refuses source %j before any call',
		async (source) => {
			const { helper, httpRequest } = helperAnswering(200, { token: 'x' });
			await expect(
				credential.preAuthentication.call(helper, data({ source })),
			).rejects.toMatchObject({
				message: `Source "${source}" is not accepted by e-Boekhouden`,
				description: expect.stringContaining('1–10 letters, digits, underscores or spaces'),
			});
			expect(httpRequest).not.toHaveBeenCalled();
		},
	);

	it.each(['n8n', 'Web shop_1', '1234567890'])('accepts source %j', async (source) => {
		const { helper } = helperAnswering(200, { token: 'x', expiresIn: 60 });
		await expect(credential.preAuthentication.call(helper, data({ source }))).resolves.toEqual({
			sessionToken: 'x',
		});
	});

	it.each([
		[
			403,
			{
				type: 'security',
				code: 'SECURITY_001',
				title: 'No permission.',
				status: 403,
				securityType: 0,
			},
			'e-Boekhouden rejected the API token (e-Boekhouden SECURITY_001)',
		],
		[
			400,
			{
				type: 'validation',
				code: 'API_SESSION_004',
				title: 'Access token has expired.',
				status: 400,
			},
			'e-Boekhouden rejected the API token (e-Boekhouden API_SESSION_004)',
		],
		[
			500,
			{ title: 'Oops' },
			'Could not open an e-Boekhouden session: e-Boekhouden had a server error',
		],
	])(
		'a refused session (%s) says so clearly and never shows the token',
		async (status, body, message) => {
			const { helper } = helperAnswering(status, { ...body, message: `token was ${TOKEN}` });
			const error = await failureOf(credential.preAuthentication.call(helper, data()));
			expect(error.message).toBe(message);
			expect(`${error.message} ${error.description}`).not.toContain(TOKEN);
		},
	);

	it('points to the right kind of token when it is refused', async () => {
		const { helper } = helperAnswering(403, { code: 'SECURITY_001', title: 'No permission.' });
		await expect(credential.preAuthentication.call(helper, data())).rejects.toMatchObject({
			description: expect.stringContaining('"e-Boekhouden API"'),
		});
	});

	it('an unreachable server is named without the token', async () => {
		const httpRequest = jest.fn(async () => {
			throw new Error(`connect ECONNREFUSED with ${TOKEN}`);
		});
		const helper = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
		const error = await failureOf(credential.preAuthentication.call(helper, data()));
		expect(error.message).toBe('e-Boekhouden could not be reached');
		expect(error.description).toContain('https://books.test/v1/session');
		expect(`${error.message} ${error.description}`).not.toContain(TOKEN);
	});

	it('an empty token is refused before any call', async () => {
		const { helper, httpRequest } = helperAnswering(200, { token: 'x' });
		await expect(
			credential.preAuthentication.call(helper, data({ accessToken: '  ' })),
		).rejects.toMatchObject({
			message: 'The e-Boekhouden API token is empty',
		});
		expect(httpRequest).not.toHaveBeenCalled();
	});
});
