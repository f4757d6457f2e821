import { EBoekhoudenApi } from '../../../credentials/EBoekhoudenApi.credentials';
import { testCredential } from '../../harness';
import { openBooks, run, type Books } from './setup';

let books: Books;
beforeAll(async () => {
	books = await openBooks();
});
afterAll(async () => await books.sandbox.close());
beforeEach(() => books.sandbox.resetCounts());

describe('e-Boekhouden.nl credential against the sandbox', () => {
	it('the Test button passes with a good token', async () => {
		const result = await testCredential(new EBoekhoudenApi(), {
			accessToken: 'sandbox-api-token',
			baseUrl: books.sandbox.url,
		});
		expect(result.status).toBe('OK');
		expect(books.sandbox.counts()['POST /v1/session']).toBe(1);
	});

	it('a wrong token fails clearly, without showing the token', async () => {
		const result = await testCredential(new EBoekhoudenApi(), {
			accessToken: 'wrong-token-123',
			baseUrl: books.sandbox.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('e-Boekhouden rejected the API token');
		expect(result.message).not.toContain('wrong-token-123');
	});

	it('an expired token says so', async () => {
		const result = await testCredential(new EBoekhoudenApi(), {
			accessToken: 'sandbox-expired-token',
			baseUrl: books.sandbox.url,
		});
		expect(result).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('API_SESSION_004'),
		});
	});

	it('a source e-Boekhouden would refuse is refused before any call', async () => {
		const result = await testCredential(new EBoekhoudenApi(), {
			accessToken: 'sandbox-api-token',
			source: 'my-n8n-instance',
			baseUrl: books.sandbox.url,
		});
		expect(result).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('Source "my-n8n-instance" is not accepted'),
		});
		expect(books.sandbox.counts()['POST /v1/session']).toBeUndefined();
	});

	it('a node run with a wrong token fails with the same clear message', async () => {
		const wrong = {
			...books,
			credentials: {
				eBoekhoudenApi: { accessToken: 'wrong-token-123', baseUrl: books.sandbox.url },
			},
		};
		const error = await run(wrong, {
			resource: 'ledger',
			operation: 'getAll',
			returnAll: true,
		}).catch((e: unknown) => e as Error);
		expect((error as Error).message).toContain('e-Boekhouden rejected the API token');
		expect(JSON.stringify(error)).not.toContain('wrong-token-123');
		expect(books.sandbox.counts()['POST /v1/session']).toBe(1);
	});
});
