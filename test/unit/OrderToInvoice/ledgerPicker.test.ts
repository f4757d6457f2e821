import http from 'http';
import https from 'https';
import { ExecuteContext } from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { executeNode } from '../../harness';
import { OrderToInvoice } from '../../../nodes/OrderToInvoice/OrderToInvoice.node';
import { LEDGER_PAGE_SIZE, searchLedgers } from '../../../nodes/OrderToInvoice/methods/ledgers';
import { ledgerCodeOf, readSettings } from '../../../nodes/OrderToInvoice/readSettings';
import { line, order, price } from './orders';

const rl = (value: string, mode: 'code' | 'list' = 'code') => ({ __rl: true, mode, value });

/** Every ledger setting of the node, with a code that is not its default, as a user would set it. */
const PLAIN: IDataObject = {
	revenueLedgerHigh: '8001',
	revenueLedgerLow: '8011',
	shippingLedger: '8101',
	paymentCostsLedger: '8111',
	bankLedger: '1011',
	giftCardLedger: '1621',
	ossEnabled: true,
	ossVatLedger: '1651',
	paymentLedgers: { rules: [{ paymentMethod: 'ideal', ledgerCode: '1021' }] },
	payLaterLedgers: { rules: [{ paymentMethod: 'klarna', ledgerCode: '1041' }] },
	ossVatLedgerByCountry: { countries: [{ country: 'DE', ledgerCode: '1652' }] },
	options: {
		discountLedger: '8201',
		roundingLedger: '8901',
		revenueLedgerEuB2B: '8021',
		revenueLedgerExport: '8031',
		revenueLedgerDistanceSales: '8041',
		revenueLedgerNoVat: '8051',
	},
};

/** The same settings as the pickers store them: resource locator values, From List and By Code mixed. */
function asLocators(value: unknown, key = '', depth = 0): unknown {
	if (typeof value === 'string' && (/Ledger/.test(key) || key === 'ledgerCode'))
		return rl(value, depth % 2 === 0 ? 'list' : 'code');
	if (Array.isArray(value)) return value.map((entry) => asLocators(entry, key, depth + 1));
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([name, entry]) => [name, asLocators(entry, name, depth + 1)]),
		);
	return value;
}

function contextWith(parameters: IDataObject) {
	return {
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) =>
			parameters[name] ?? fallback,
	} as unknown as IExecuteFunctions;
}

describe('ledger settings: plain codes (workflows from before the pickers) and picker values', () => {
	it('a ledger value is the code, whether plain, By Code, From List or a number from an expression', () => {
		expect(ledgerCodeOf('8000')).toBe('8000');
		expect(ledgerCodeOf(rl('8000'))).toBe('8000');
		expect(ledgerCodeOf(rl('8000', 'list'))).toBe('8000');
		expect(ledgerCodeOf({ mode: 'code', value: '8000' })).toBe('8000');
		expect(ledgerCodeOf({ __rl: true, mode: 'code', value: 8000 })).toBe('8000');
		expect(ledgerCodeOf({ __rl: true, mode: 'list', value: null })).toBe('');
		expect(ledgerCodeOf(undefined)).toBeUndefined();
		expect(ledgerCodeOf(true)).toBe(true);
	});

	it('readSettings gives the same mapping settings from plain codes and from resource locator values', () => {
		const locators = asLocators(PLAIN) as IDataObject;
		expect(locators.revenueLedgerHigh).toEqual(rl('8001', 'code'));
		expect((locators.options as IDataObject).roundingLedger).toEqual(rl('8901', 'list'));
		const fromPlain = readSettings(contextWith(PLAIN), 0);
		expect(readSettings(contextWith(locators), 0)).toEqual(fromPlain);
		expect(fromPlain).toMatchObject({
			revenueLedgerHigh: '8001',
			bankLedger: '1011',
			ossVatLedger: '1651',
			paymentLedgers: { ideal: '1021' },
			payLaterLedgers: { klarna: '1041' },
			ossVatLedgerByCountry: { DE: '1652' },
			discountLedger: '8201',
			roundingLedger: '8901',
			revenueLedgerNoVat: '8051',
		});
	});

	it('in n8n the node books the same draft from plain codes as from picker values', async () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('10.00')),
				line('discount', 1, 'Korting', [price('-1.00')]),
				line('shipping', 1, null, price('3.10')),
			],
			price: { total: '12.10' },
			payment: { gateway_name: 'ideal', method_name: 'ideal' },
		});
		const run = async (parameters: IDataObject) =>
			(
				await executeNode(new OrderToInvoice(), {
					parameters: parameters as never,
					items: [{ json: input as IDataObject }],
				})
			).output[0][0].json as IDataObject & {
				invoice: { items: IDataObject[] };
				payments: IDataObject[];
			};
		const plain = await run(PLAIN);
		expect(await run(asLocators(PLAIN) as IDataObject)).toEqual(plain);
		expect(plain.invoice.items.map((item) => item.ledgerCode)).toEqual(['8001', '8201', '8101']);
		expect(plain.payments[0].ledgerCode).toBe('1021');
	});

	it('the defaults are the same codes as before, By Code', async () => {
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: [
				{
					json: order({
						orderlines: [
							line('article', 1, 'Boek', price('10.00')),
							line('discount', 1, 'Korting', [price('-1.00')]),
							line('shipping', 1, null, price('3.10')),
						],
						price: { total: '12.10' },
					}) as IDataObject,
				},
			],
		});
		const draft = output[0][0].json as {
			invoice: { items: IDataObject[] };
			payments: IDataObject[];
		};
		expect(draft.invoice.items.map((item) => item.ledgerCode)).toEqual(['8000', '8000', '8100']);
		expect(draft.payments[0].ledgerCode).toBe('1020');
	});
});

describe('ledger settings in the panel', () => {
	const { description, methods } = new OrderToInvoice();
	const ledgers: Array<[string, INodeProperties]> = [];
	const collect = (properties: INodeProperties[], prefix: string) => {
		for (const property of properties) {
			if (property.type === 'resourceLocator') ledgers.push([prefix + property.name, property]);
			for (const option of property.options ?? []) {
				if ('values' in option) collect(option.values, `${prefix}${property.name}.`);
				else if ('type' in option) collect([option], `${prefix}${property.name}.`);
			}
		}
	};
	collect(description.properties, '');

	it('offers every ledger, the ones in the tables too, From List (the chart) and By Code', () => {
		expect(ledgers.map(([path]) => path).sort()).toEqual(
			[
				'bankLedger',
				'giftCardLedger',
				'options.discountLedger',
				'options.revenueLedgerDistanceSales',
				'options.revenueLedgerEuB2B',
				'options.revenueLedgerExport',
				'options.revenueLedgerNoVat',
				'options.roundingLedger',
				'ossVatLedger',
				'ossVatLedgerByCountry.ledgerCode',
				'payLaterLedgers.ledgerCode',
				'paymentCostsLedger',
				'paymentLedgers.ledgerCode',
				'revenueLedgerHigh',
				'revenueLedgerLow',
				'shippingLedger',
			].sort(),
		);
		for (const [path, property] of ledgers) {
			expect([path, property.modes?.map((mode) => mode.name)]).toEqual([path, ['list', 'code']]);
			expect([path, property.modes?.[0].typeOptions]).toEqual([
				path,
				{ searchListMethod: 'searchLedgers', searchable: true },
			]);
			expect([path, (property.default as { mode: string }).mode]).toEqual([path, 'code']);
		}
		expect(Object.keys(methods?.listSearch ?? {})).toEqual(['searchLedgers']);
	});

	it('says in the placeholder what an empty Discount or Gift Card Ledger means', () => {
		const placeholders = Object.fromEntries(
			ledgers.map(([path, property]) => [path, property.modes?.[1].placeholder]),
		);
		expect(placeholders['options.discountLedger']).toBe(
			'If empty: the revenue ledger of its VAT rate',
		);
		expect(placeholders.giftCardLedger).toBe('If empty: gift cards are booked as revenue');
		expect(placeholders.revenueLedgerHigh).toBe('e.g. 8000');
		expect(placeholders['paymentLedgers.ledgerCode']).toBe('e.g. 1020');
	});
});

describe('the node runs without e-Boekhouden', () => {
	it('calls no request helper and reads no credential while it runs', async () => {
		const helpers = new Map<string, jest.Mock>();
		const context = {
			getInputData: () => [{ json: order() }],
			getNodeParameter: (_name: string, _itemIndex: number, fallback: unknown) => fallback,
			getNode: () => ({ name: 'Order to Invoice', credentials: {} }),
			continueOnFail: () => false,
			addExecutionHints: jest.fn(),
			getCredentials: jest.fn(),
			helpers: new Proxy(
				{},
				{
					get: (_target, name: string) => {
						if (!helpers.has(name)) helpers.set(name, jest.fn());
						return helpers.get(name);
					},
				},
			),
		} as unknown as IExecuteFunctions;
		const [output] = await new OrderToInvoice().execute.call(context);
		expect(output[0].json).toMatchObject({ orderNumber: '1042' });
		expect(context.getCredentials).not.toHaveBeenCalled();
		expect([...helpers.keys()]).toEqual([]);
	});

	it('in n8n, with or without an e-Boekhouden credential on the node, makes no HTTP request', async () => {
		const getCredentials = jest.spyOn(ExecuteContext.prototype, 'getCredentials');
		const httpRequest = jest.spyOn(http, 'request');
		const httpsRequest = jest.spyOn(https, 'request');
		try {
			const credentials = {
				eBoekhoudenApi: { accessToken: 'not-used', baseUrl: 'http://127.0.0.1:9' },
			};
			for (const withCredential of [false, true]) {
				const { output } = await executeNode(new OrderToInvoice(), {
					parameters: asLocators(PLAIN) as never,
					items: [{ json: order() as IDataObject }],
					...(withCredential ? { credentials } : {}),
				});
				expect(output[0][0].json).toMatchObject({ orderNumber: '1042' });
			}
			expect(getCredentials).not.toHaveBeenCalled();
			expect(httpRequest).not.toHaveBeenCalled();
			expect(httpsRequest).not.toHaveBeenCalled();
		} finally {
			getCredentials.mockRestore();
			httpRequest.mockRestore();
			httpsRequest.mockRestore();
		}
	});
});

describe('the ledger list (searchLedgers)', () => {
	const chart = (count: number, start = 0) =>
		Array.from({ length: count }, (_, index) => ({
			id: 1000 + start + index,
			code: String(start + index),
			description: `Rekening ${start + index}`,
		}));

	function loadOptions(
		answers: Array<{ statusCode: number; body: unknown } | Error>,
		credentials: IDataObject | null = { eBoekhoudenApi: { id: '1', name: 'Books' } },
	) {
		const request = jest.fn(async () => {
			const answer = answers.shift();
			if (answer instanceof Error) throw answer;
			return answer;
		});
		const context = {
			getNode: () => ({ name: 'Order to Invoice', credentials: credentials ?? undefined }),
			getCredentials: jest.fn(async () => ({
				accessToken: 'secret-api-token',
				sessionToken: 'secret-session',
				baseUrl: 'https://books.example/',
			})),
			helpers: { httpRequestWithAuthentication: request },
		} as unknown as ILoadOptionsFunctions;
		return { context, request };
	}

	it('without an e-Boekhouden credential answers an empty list and calls nothing', async () => {
		const { context, request } = loadOptions([], null);
		await expect(searchLedgers.call(context)).resolves.toEqual({ results: [] });
		expect(request).not.toHaveBeenCalled();
		expect(context.getCredentials).not.toHaveBeenCalled();
	});

	it('reads the whole chart page by page, by code, with the account name', async () => {
		const { context, request } = loadOptions([
			{ statusCode: 200, body: { items: chart(LEDGER_PAGE_SIZE), count: LEDGER_PAGE_SIZE } },
			{ statusCode: 200, body: { items: chart(1, LEDGER_PAGE_SIZE), count: 1 } },
		]);
		const { results } = await searchLedgers.call(context);
		expect(results).toHaveLength(LEDGER_PAGE_SIZE + 1);
		expect(results[0]).toEqual({ name: '0 · Rekening 0', value: '0' });
		expect(results[LEDGER_PAGE_SIZE]).toEqual({
			name: `${LEDGER_PAGE_SIZE} · Rekening ${LEDGER_PAGE_SIZE}`,
			value: String(LEDGER_PAGE_SIZE),
		});
		expect(request.mock.calls.map((call) => (call as unknown[]).slice(0, 2))).toEqual([
			[
				'eBoekhoudenApi',
				expect.objectContaining({
					method: 'GET',
					baseURL: 'https://books.example',
					url: '/v1/ledger',
					qs: { limit: LEDGER_PAGE_SIZE, offset: 0 },
				}),
			],
			[
				'eBoekhoudenApi',
				expect.objectContaining({ qs: { limit: LEDGER_PAGE_SIZE, offset: LEDGER_PAGE_SIZE } }),
			],
		]);
	});

	it('filters on code or account name, in code order', async () => {
		const body = {
			items: [
				{ id: 3, code: '8010', description: 'Omzet laag tarief' },
				{ id: 1, code: '1620', description: 'Uitstaande cadeaubonnen' },
				{ id: 2, code: '8000', description: 'Omzet hoog tarief' },
				{ id: 4, code: '9', description: null },
			],
			count: 4,
		};
		const search = async (filter?: string) => {
			const { context } = loadOptions([{ statusCode: 200, body }]);
			return (await searchLedgers.call(context, filter)).results.map((result) => result.name);
		};
		expect(await search()).toEqual([
			'9',
			'1620 · Uitstaande cadeaubonnen',
			'8000 · Omzet hoog tarief',
			'8010 · Omzet laag tarief',
		]);
		expect(await search(' OMZET ')).toEqual([
			'8000 · Omzet hoog tarief',
			'8010 · Omzet laag tarief',
		]);
		expect(await search('162')).toEqual(['1620 · Uitstaande cadeaubonnen']);
		expect(await search('7777')).toEqual([]);
	});

	it('explains a refused or failed request, without the tokens', async () => {
		const refused = loadOptions([
			{ statusCode: 500, body: { code: 'SYS_001', title: 'secret-session broke' } },
		]);
		const error = await searchLedgers.call(refused.context).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({
			message: 'Could not read the chart of accounts from e-Boekhouden (HTTP 500)',
			httpCode: '500',
		});
		const text = JSON.stringify({
			message: (error as NodeApiError).message,
			description: (error as NodeApiError).description,
		});
		expect(text).toContain('SYS_001');
		expect(text).toContain('By Code');
		expect(text).not.toContain('secret-session');

		const unauthorised = Object.assign(new Error('Request failed with status code 401'), {
			httpCode: '401',
		});
		const dead = loadOptions([unauthorised]);
		await expect(searchLedgers.call(dead.context)).rejects.toMatchObject({
			message: 'Could not read the chart of accounts from e-Boekhouden (HTTP 401)',
			httpCode: '401',
		});

		const noSession = Object.assign(new Error('e-Boekhouden rejected the API token'), {
			description: 'Use a token of type "e-Boekhouden API", not secret-api-token.',
		});
		const refusedToken = loadOptions([noSession]);
		await expect(searchLedgers.call(refusedToken.context)).rejects.toMatchObject({
			message: 'Could not read the chart of accounts from e-Boekhouden',
			description:
				'e-Boekhouden rejected the API token. Use a token of type "e-Boekhouden API", not ***. Check the e-Boekhouden credential of this node, or choose By Code and type the ledger code.',
		});
	});
});
