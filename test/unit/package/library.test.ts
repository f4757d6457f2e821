import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import * as library from '../../../index';
import type { EBoekhoudenContext, InvoiceDraft, MijnwebwinkelTransport } from '../../../index';

/** The package main entry as a developer outside n8n uses it: their own transport, the official example order. */

const officialExample = (
	JSON.parse(readFileSync(join(__dirname, '../../golden/official-example.json'), 'utf8')) as {
		order: IDataObject;
	}
).order;

interface Call {
	path: string;
	query?: IDataObject;
}

function shopTransport(answer: (call: Call) => unknown): {
	transport: MijnwebwinkelTransport;
	calls: Call[];
} {
	const calls: Call[] = [];
	const transport: MijnwebwinkelTransport = {
		get: async (path, query) => {
			calls.push({ path, query });
			return answer({ path, query });
		},
		invalid: (description) => {
			throw new Error(description.message);
		},
	};
	return { transport, calls };
}

const cents = (euros: number) => Math.round(euros * 100);

describe('the library entry', () => {
	it('fetches the official example order with a transport of your own and maps it to the cent', async () => {
		const { transport, calls } = shopTransport(({ path }) =>
			path === '/orders/27' ? officialExample : undefined,
		);

		const draft: InvoiceDraft = library.mapOrderToInvoice(await library.getOrder(transport, '27'));

		expect(calls).toEqual([{ path: '/orders/27', query: undefined }]);
		// The example carries credited_order_number 28, so it is the credit note of order 28: amounts negative.
		expect(draft.kind).toBe('credit');
		expect(draft.invoice.invoiceNumber).toBe('MWW-C-27');
		expect(draft.relation.name).toBe('Voorbeeldig BV');
		expect(draft.invoice.items).toHaveLength(7);
		// 21%: 15.00 + 2 × 4.95 + 3 × 1.95 + 0.79 + 5.95 = 37.49; 9%: 5 × 1.95 + 0.21 = 9.96; total 47.45.
		const byCode: Record<string, number> = {};
		for (const item of draft.invoice.items) {
			byCode[item.vatCode] = (byCode[item.vatCode] ?? 0) + item.quantity * cents(item.pricePerUnit);
		}
		expect(byCode).toEqual({ HOOG_VERK_21: -3749, LAAG_VERK_9: -996 });
		expect(cents(draft.totals.amountInclVat)).toBe(-4745);
		expect(draft.payments).toEqual([
			{
				amount: -47.45,
				date: '2015-11-03',
				ledgerCode: '1010',
				kind: 'received',
				method: 'advance',
				reference: '',
			},
		]);
		expect(library.parseDraft(draft)).toMatchObject({ ok: true });
	});

	it('pages through orders with the public client, asking only for what is still needed', async () => {
		const { transport, calls } = shopTransport(({ query }) =>
			Array.from({ length: Number(query?.limit) }, (_, index) => ({
				number: Number(query?.offset) + index + 1,
			})),
		);

		const orders = await library.listOrders(transport, { statusId: 4 }, { limit: 150 });

		expect(orders).toHaveLength(150);
		expect(calls.map((call) => call.query)).toEqual([
			{ status_id: 4, limit: 100, offset: 0 },
			{ status_id: 4, limit: 50, offset: 100 },
		]);
	});

	it('searches e-Boekhouden invoices through an object with credentials and an HTTP helper', async () => {
		const requests: IHttpRequestOptions[] = [];
		const context = {
			getCredentials: async () => ({ baseUrl: 'https://books.example/', accessToken: 'secret' }),
			helpers: {
				httpRequestWithAuthentication: async (type: string, options: IHttpRequestOptions) => {
					expect(type).toBe('eBoekhoudenApi');
					requests.push(options);
					return {
						statusCode: 200,
						headers: {},
						body: { items: [{ id: '81', invoiceNumber: 'MWW-C-27', totalAmount: '-47.45' }] },
					};
				},
			},
		} as unknown as EBoekhoudenContext;

		const invoices = await library.searchInvoices(context, { invoiceNumber: 'MWW-C-27' });

		expect(invoices).toEqual([{ id: 81, invoiceNumber: 'MWW-C-27', totalAmount: -47.45 }]);
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'GET',
				baseURL: 'https://books.example',
				url: '/v1/invoice',
				qs: { invoiceNumber: 'MWW-C-27', limit: library.EBOEKHOUDEN_PAGE_SIZE_MAX, offset: 0 },
			}),
		]);
	});

	it('opens an e-Boekhouden session with any HTTP helper', async () => {
		const sent: IHttpRequestOptions[] = [];
		const helper = {
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => {
					sent.push(options);
					return { statusCode: 200, body: { token: 'session-1', expiresIn: 3600 } };
				},
			},
		};

		const token = await library.openSession(helper, {
			accessToken: 'api-token',
			source: 'Webshop',
		});

		expect(token).toBe('session-1');
		expect(sent).toEqual([
			expect.objectContaining({
				method: 'POST',
				url: 'https://api.e-boekhouden.nl/v1/session',
				body: { accessToken: 'api-token', source: 'Webshop' },
			}),
		]);
		await expect(library.openSession(helper, { accessToken: 'x', source: 'n8n!' })).rejects.toThrow(
			library.SessionError,
		);
	});

	it('exports both clients, their schemas and the error translations under names that do not clash', () => {
		const names = [
			'mapOrderToInvoice',
			'MappingError',
			'DEFAULT_MAPPING_SETTINGS',
			'orderSchema',
			'safeParseOrder',
			'orderStatusSchema',
			'paymentSchema',
			'orderCountSchema',
			'getOrder',
			'listOrders',
			'countOrders',
			'getOrderPayments',
			'getOrderStatuses',
			'createMijnwebwinkelTransport',
			'describeMijnwebwinkelError',
			'MIJNWEBWINKEL_PAGE_SIZE_MAX',
			'invoiceDraftSchema',
			'parseDraft',
			'invoiceSchema',
			'relationSchema',
			'ledgerSchema',
			'openSession',
			'eBoekhoudenRequest',
			'searchRelations',
			'createRelation',
			'searchInvoices',
			'createInvoice',
			'createMutation',
			'searchOutstanding',
			'listLedgers',
			'resolveLedgerId',
			'explainEBoekhoudenError',
			'EBOEKHOUDEN_PAGE_SIZE_MAX',
		];
		const exported = library as unknown as Record<string, unknown>;
		expect(names.filter((name) => exported[name] === undefined)).toEqual([]);
		expect(library.MIJNWEBWINKEL_PAGE_SIZE_MAX).toBe(100);
		expect(library.EBOEKHOUDEN_PAGE_SIZE_MAX).toBe(2000);
	});
});
