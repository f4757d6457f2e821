import type { IHttpRequestOptions } from 'n8n-workflow';

import { PAGE_SIZE_MAX } from '../../../../nodes/EBoekhouden/api/paging';
import { searchInvoices } from '../../../../nodes/EBoekhouden/api/invoices';
import type { EBoekhoudenContext } from '../../../../nodes/EBoekhouden/api/transport';

describe('searchInvoices', () => {
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

		const invoices = await searchInvoices(context, { invoiceNumber: 'MWW-C-27' });

		expect(invoices).toEqual([{ id: 81, invoiceNumber: 'MWW-C-27', totalAmount: -47.45 }]);
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'GET',
				baseURL: 'https://books.example',
				url: '/v1/invoice',
				qs: { invoiceNumber: 'MWW-C-27', limit: PAGE_SIZE_MAX, offset: 0 },
			}),
		]);
	});
});
