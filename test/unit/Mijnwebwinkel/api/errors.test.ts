import {
	describeHttpError,
	describeInvalidResponse,
	describeNetworkError,
} from '../../../../nodes/Mijnwebwinkel/api/errors';

describe('describeHttpError', () => {
	const base = { body: undefined, attempts: 1 };

	it('blames the partner token when a partner-only endpoint says 401', () => {
		const found = describeHttpError({ ...base, status: 401, path: '/orderstatuses' });
		expect(found.kind).toBe('auth');
		expect(found.message).toBe('Mijnwebwinkel refused the partner token');
		expect(found.httpCode).toBe('401');
	});

	it('blames the store token once the partner token is known to work', () => {
		const found = describeHttpError({
			...base,
			status: 401,
			path: '/orders',
			partnerTokenAccepted: true,
		});
		expect(found.message).toBe('Mijnwebwinkel refused the store token');
		expect(found.description).toContain('Token toevoegen');
		expect(found.description).toContain('Instellingen → Add-ons & Modules → API');
	});

	it('names both tokens when it cannot tell which one is wrong', () => {
		const found = describeHttpError({ ...base, status: 401, path: '/orders/count' });
		expect(found.message).toBe('Mijnwebwinkel refused the store token or the partner token');
		expect(found.description).toContain('partner');
	});

	it('says which order was not found', () => {
		const found = describeHttpError({ ...base, status: 404, path: '/orders/1042' });
		expect(found).toMatchObject({
			kind: 'notFound',
			message: 'Order 1042 was not found in this shop',
		});
		expect(describeHttpError({ ...base, status: 404, path: '/orders/T-7/payments' }).message).toBe(
			'Order T-7 was not found in this shop',
		);
	});

	it('points at the base URL for any other 404', () => {
		const found = describeHttpError({ ...base, status: 404, path: '/orders' });
		expect(found.message).toBe('The Mijnwebwinkel API was not found at this address');
		expect(found.description).toContain('Base URL');
	});

	it('reports rate limiting with the attempts and the asked wait', () => {
		const found = describeHttpError({
			...base,
			status: 429,
			path: '/orders',
			attempts: 4,
			retryAfterSeconds: 120,
		});
		expect(found.kind).toBe('rateLimited');
		expect(found.description).toContain('Tried 4 times');
		expect(found.description).toContain('120 seconds');
	});

	it('treats every 5xx as a server error and quotes the legacy error body', () => {
		const found = describeHttpError({
			...base,
			status: 503,
			path: '/orders',
			body: { code: 503, message: 'Maintenance', description: 'Back at 14:00' },
		});
		expect(found).toMatchObject({ kind: 'server', httpCode: '503' });
		expect(found.message).toBe('Mijnwebwinkel had a server error (HTTP 503)');
		expect(found.description).toContain('Maintenance – Back at 14:00');
	});

	it('quotes an RFC 7807 problem on a rejected request', () => {
		const found = describeHttpError({
			...base,
			status: 422,
			path: '/orders',
			body: {
				type: 'about:blank',
				title: 'Invalid',
				detail: 'limit must be at most 100',
				status: 422,
			},
		});
		expect(found.kind).toBe('badRequest');
		expect(found.description).toContain('Invalid – limit must be at most 100');
	});

	it('does not read meaning into the message text', () => {
		const found = describeHttpError({
			...base,
			status: 400,
			path: '/orders',
			body: { message: 'Unauthorized token' },
		});
		expect(found.kind).toBe('badRequest');
	});

	it('ignores bodies that are not objects', () => {
		const found = describeHttpError({
			...base,
			status: 500,
			path: '/orders',
			body: '<html>oops</html>',
		});
		expect(found.description).not.toContain('Mijnwebwinkel said');
	});
});

describe('describeNetworkError', () => {
	it('says the shop API is unreachable, with the code and the address', () => {
		const found = describeNetworkError('ECONNREFUSED', 'http://127.0.0.1:1', 1);
		expect(found.kind).toBe('unreachable');
		expect(found.message).toBe('Could not reach the Mijnwebwinkel API at http://127.0.0.1:1');
		expect(found.description).toContain('(ECONNREFUSED)');
		expect(found.message).not.toContain('ECONNREFUSED');
	});

	it('copes with an unknown or missing code', () => {
		expect(
			describeNetworkError(undefined, 'https://api.myonlinestore.com', 4).description,
		).toContain('Tried 4 times');
	});
});

describe('describeInvalidResponse', () => {
	it('names what and which field', () => {
		const found = describeInvalidResponse('order 1042', 'price.total', 'is not a decimal amount');
		expect(found.message).toBe(
			'Mijnwebwinkel sent order 1042 that this node cannot read: price.total is not a decimal amount',
		);
		expect(found.kind).toBe('invalidResponse');
	});
});
