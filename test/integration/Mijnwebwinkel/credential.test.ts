import { testCredential } from '../../harness';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { MijnwebwinkelApi } from '../../../credentials/MijnwebwinkelApi.credentials';

describe('Mijnwebwinkel API credential test', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 20, seed: 1 } } });
	});
	afterAll(async () => {
		await sb.close();
	});

	const data = () => ({
		storeToken: 'sandbox-store-token',
		partnerToken: 'sandbox-partner-token',
		baseUrl: sb.shopUrl,
	});

	it('passes with the right tokens, proving both with one request', async () => {
		sb.shop.resetCounts();
		expect(await testCredential(new MijnwebwinkelApi(), data())).toEqual({
			status: 'OK',
			message: expect.any(String),
		});
		expect(sb.shop.counts()).toEqual({ 'GET /v1/orders/count': 1 });
	});

	it('fails clearly with a wrong store token', async () => {
		const result = await testCredential(new MijnwebwinkelApi(), {
			...data(),
			storeToken: 'nope-store',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('refused the store token or the partner token');
		expect(result.message).not.toContain('nope-store');
	});

	it('fails clearly with a wrong partner token', async () => {
		const result = await testCredential(new MijnwebwinkelApi(), {
			...data(),
			partnerToken: 'nope-partner',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('the store token must have been made for the partner');
	});

	it('accepts a base URL with a trailing slash', async () => {
		expect(
			(await testCredential(new MijnwebwinkelApi(), { ...data(), baseUrl: `${sb.shopUrl}/` }))
				.status,
		).toBe('OK');
	});

	it('says when the base URL has no Mijnwebwinkel API', async () => {
		const result = await testCredential(new MijnwebwinkelApi(), {
			...data(),
			baseUrl: `${sb.shopUrl}/elsewhere`,
		});
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining('No Mijnwebwinkel API found'),
		});
	});
});
