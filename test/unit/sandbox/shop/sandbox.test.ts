import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parseCliOptions } from '../../../sandbox/cli';
import { startSandbox } from '../../../sandbox';
import { makeOrder } from './fixtures';

describe('startSandbox', () => {
	it('starts the shop and the books on 127.0.0.1 and closes both', async () => {
		const sandbox = await startSandbox({ shop: { orders: [makeOrder(1001)] } });
		try {
			expect(sandbox.shopUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(sandbox.booksUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(sandbox.shopUrl).not.toBe(sandbox.booksUrl);
			const count = await fetch(
				`${sandbox.shopUrl}/v1/orders/count?token=sandbox-store-token&partner_token=sandbox-partner-token`,
			);
			expect(await count.json()).toEqual({ count: 1 });
			expect((await fetch(`${sandbox.booksUrl}/__admin/state`)).status).toBe(200);
			expect(sandbox.shop.orders()).toHaveLength(1);
			expect(sandbox.books.state()).toBeDefined();
		} finally {
			await sandbox.close();
		}
		await expect(fetch(`${sandbox.shopUrl}/v1/orders`)).rejects.toThrow();
	});
});

describe('sandbox CLI options', () => {
	it('defaults to ports 18081 and 18082 and 200 generated orders with seed 42', () => {
		const options = parseCliOptions([]);
		expect(options.sandbox).toEqual({
			shop: { port: 18081, seed: { count: 200, seed: 42, includeOss: false, periodDays: 60 } },
			books: { port: 18082, apiToken: 'sandbox-api-token' },
		});
		expect(options.help).toBe(false);
	});

	it('takes ports, count, seed and OSS from the command line', () => {
		const options = parseCliOptions([
			'--shop-port',
			'0',
			'--books-port',
			'19000',
			'--count',
			'20',
			'--seed',
			'7',
			'--include-oss',
		]);
		expect(options.sandbox.shop).toEqual({
			port: 0,
			seed: { count: 20, seed: 7, includeOss: true, periodDays: 60 },
		});
		expect(options.sandbox.books?.port).toBe(19000);
	});

	it('serves exactly the orders of --orders FILE', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'shop-cli-'));
		try {
			const file = path.join(folder, 'orders.json');
			writeFileSync(file, JSON.stringify({ orders: [makeOrder(1001), makeOrder(1002)] }));
			const options = parseCliOptions(['--orders', file]);
			expect(options.sandbox.shop?.orders).toEqual([makeOrder(1001), makeOrder(1002)]);
			expect(options.sandbox.shop?.seed).toBeUndefined();
			writeFileSync(file, JSON.stringify({ order: {} }));
			expect(() => parseCliOptions(['--orders', file])).toThrow('JSON array of orders');
		} finally {
			rmSync(folder, { recursive: true });
		}
	});

	it('refuses a malformed number and an unknown option', () => {
		expect(() => parseCliOptions(['--count', 'many'])).toThrow('--count must be a whole number');
		expect(() => parseCliOptions(['--colour', 'blue'])).toThrow();
	});
});
