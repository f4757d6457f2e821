import type { IDataObject } from 'n8n-workflow';

import { executeNode, listSearch, type HarnessCredentials } from '../../harness';
import { OrderToInvoice } from '../../../nodes/OrderToInvoice/OrderToInvoice.node';
import { startBooks, type BooksSandbox } from '../../sandbox';
import { order } from '../../unit/OrderToInvoice/orders';

/**
 * The Order to Invoice ledger pickers against the sandbox administration, through n8n-core's LoadOptionsContext
 * and its real request helpers: the session is opened by the credential's preAuthentication, the chart read from
 * GET /v1/ledger. And the node itself, with that credential on it, still never calls e-Boekhouden when it runs.
 */
let books: BooksSandbox;
let credentials: HarnessCredentials;
beforeAll(async () => {
	books = await startBooks();
	credentials = { eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: books.url } };
});
afterAll(async () => await books.close());
beforeEach(() => books.resetCounts());

const search = async (filter?: string) =>
	await listSearch(new OrderToInvoice(), 'searchLedgers', {
		credentials,
		filter,
		path: 'parameters.revenueLedgerHigh',
	});

describe('Order to Invoice ledger pickers against the sandbox chart of accounts', () => {
	it('list the whole chart by code, with the account names', async () => {
		const { results } = await search();
		expect(results).toEqual(
			expect.arrayContaining([
				{ name: '8000 · Omzet hoog tarief', value: '8000' },
				{ name: '1620 · Uitstaande cadeaubonnen', value: '1620' },
				{ name: '1010 · Bank', value: '1010' },
			]),
		);
		const codes = results.map((result) => result.value);
		expect(codes).toEqual([...codes].sort((a, b) => Number(a) - Number(b)));
		const ledgerReads = books.requestLog().filter((entry) => entry.path === '/v1/ledger');
		expect(ledgerReads).toEqual([
			expect.objectContaining({ method: 'GET', query: 'limit=2000&offset=0', status: 200 }),
		]);
	});

	it('filter by what the user types: part of a code or of an account name', async () => {
		expect((await search('162')).results).toEqual([
			{ name: '1620 · Uitstaande cadeaubonnen', value: '1620' },
		]);
		const revenue = (await search('omzet hoog')).results;
		expect(revenue).toEqual([{ name: '8000 · Omzet hoog tarief', value: '8000' }]);
		const omzet = (await search('Omzet')).results.map((result) => result.value);
		expect(omzet).toEqual(expect.arrayContaining(['8000', '8010', '8020', '8030', '8040', '8050']));
		expect(omzet).not.toContain('1620');
		expect((await search('7777')).results).toEqual([]);
	});

	it('the same list serves the ledgers inside the tables (a Payment Ledgers row)', async () => {
		const { results } = await listSearch(new OrderToInvoice(), 'searchLedgers', {
			credentials,
			filter: 'mollie',
			path: 'parameters.paymentLedgers.rules[0].ledgerCode',
		});
		expect(results).toEqual([{ name: '1020 · Mollie', value: '1020' }]);
	});

	it('renew an expired session and read the chart', async () => {
		const { results } = await listSearch(new OrderToInvoice(), 'searchLedgers', {
			credentials: {
				eBoekhoudenApi: { ...credentials.eBoekhoudenApi, sessionToken: 'expired-session' },
			},
			filter: '8000',
		});
		expect(results).toEqual([{ name: '8000 · Omzet hoog tarief', value: '8000' }]);
		expect(books.requestLog().map((entry) => [entry.method, entry.path, entry.status])).toEqual([
			['GET', '/v1/ledger', 401],
			['POST', '/v1/session', 200],
			['GET', '/v1/ledger', 200],
		]);
	});

	it('explain a refused API token in the list, without the token', async () => {
		const error = await listSearch(new OrderToInvoice(), 'searchLedgers', {
			credentials: { eBoekhoudenApi: { accessToken: 'wrong-api-token', baseUrl: books.url } },
		}).catch((thrown: unknown) => thrown as { message: string; description: string });
		expect(error).toMatchObject({
			message: expect.stringContaining('Could not read the chart of accounts from e-Boekhouden'),
			description: expect.stringContaining('e-Boekhouden rejected the API token'),
		});
		expect(JSON.stringify(error)).not.toContain('wrong-api-token');
	});

	it('without a credential the list is empty and nothing is asked of e-Boekhouden', async () => {
		const result = await listSearch(new OrderToInvoice(), 'searchLedgers', { filter: '8000' });
		expect(result).toEqual({ results: [] });
		expect(Object.values(books.counts()).reduce((sum, count) => sum + count, 0)).toBe(0);
	});

	it('the node with the credential on it books a draft and sends e-Boekhouden nothing', async () => {
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {
				revenueLedgerHigh: {
					__rl: true,
					mode: 'list',
					value: '8000',
					cachedResultName: '8000 · Omzet hoog tarief',
				},
			},
			items: [{ json: order() as IDataObject }],
			credentials,
		});
		expect(output[0][0].json).toMatchObject({ orderNumber: '1042' });
		expect(books.requestLog()).toEqual([]);
		expect(Object.values(books.counts()).reduce((sum, count) => sum + count, 0)).toBe(0);
	});
});
