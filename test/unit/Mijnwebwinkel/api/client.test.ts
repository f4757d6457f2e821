import {
	countOrders,
	fetchOrdersPage,
	getOrder,
	getOrderPayments,
	getOrderStatuses,
	listOrders,
	orderQuery,
} from '../../../../nodes/Mijnwebwinkel/api/client';
import { createTransport } from '../../../../nodes/Mijnwebwinkel/api/transport';
import type { FakeAnswer } from '../helpers/fakeContext';
import { fakeContext } from '../helpers/fakeContext';
import type { IHttpRequestOptions } from 'n8n-workflow';

const order = (number: number) => ({
	number,
	date: '2025-01-02',
	status: 4,
	debtor: { email: 'jan@example.com' },
	price: { total: '12.10' },
});

/** A shop of `total` orders answering offset/limit pages like the API. */
function shopOf(total: number) {
	return (request: IHttpRequestOptions): FakeAnswer => {
		const { offset = 0, limit = 10 } = request.qs as { offset?: number; limit?: number };
		const count = Math.max(0, Math.min(limit, total - offset));
		return {
			statusCode: 200,
			body: Array.from({ length: count }, (_, index) => order(offset + index + 1)),
		};
	};
}

function setup(answers: Parameters<typeof fakeContext>[0]) {
	const { context, requests } = fakeContext(answers);
	return {
		transport: createTransport(context),
		requests,
		pages: () => requests.map((request) => request.qs),
	};
}

describe('orderQuery', () => {
	it('uses the API names of every documented filter', () => {
		expect(
			orderQuery({
				statusId: 4,
				startDate: '2025-01-01',
				endDate: '2025-01-31',
				statusChangedStartDate: '2025-01-01 00:00:00',
				statusChangedEndDate: '2025-01-31 23:59:59',
				archived: false,
				debtorEmail: 'jan@example.com',
				debtorId: 'f1bc2de0-cb7b-4e25-a278-db8a00c157ae',
				includeTest: true,
				ordering: 'desc',
			}),
		).toEqual({
			status_id: 4,
			start_date: '2025-01-01',
			end_date: '2025-01-31',
			status_changed_start_date: '2025-01-01 00:00:00',
			status_changed_end_date: '2025-01-31 23:59:59',
			archived: false,
			debtor_email: 'jan@example.com',
			debtor_id: 'f1bc2de0-cb7b-4e25-a278-db8a00c157ae',
			test: true,
			ordering: 'desc',
		});
	});

	it('leaves out what is not set, so archived and not archived both come back', () => {
		expect(orderQuery({ includeTest: false, debtorEmail: '' })).toEqual({});
	});
});

describe('listOrders', () => {
	it('pages by 100 and stops on the first short page', async () => {
		const { transport, pages } = setup(shopOf(237));
		const orders = await listOrders(transport, { ordering: 'asc' });
		expect(orders).toHaveLength(237);
		expect(pages()).toEqual([
			{ language: 'nl_NL', ordering: 'asc', limit: 100, offset: 0 },
			{ language: 'nl_NL', ordering: 'asc', limit: 100, offset: 100 },
			{ language: 'nl_NL', ordering: 'asc', limit: 100, offset: 200 },
		]);
	});

	it('asks once more when the last page was exactly full', async () => {
		const { transport, pages } = setup(shopOf(200));
		expect(await listOrders(transport, {})).toHaveLength(200);
		expect(pages().map((query) => query?.offset)).toEqual([0, 100, 200]);
	});

	it('asks no more than the limit still needs', async () => {
		const { transport, pages } = setup(shopOf(1000));
		expect(await listOrders(transport, {}, { limit: 150 })).toHaveLength(150);
		expect(pages().map((query) => query?.limit)).toEqual([100, 50]);
	});

	it('keeps paging full pages while a filter drops orders, until the limit is kept', async () => {
		const { transport, pages } = setup(shopOf(1000));
		const even = (raw: unknown) => (raw as { number: number }).number % 2 === 0;
		const kept = await listOrders(transport, {}, { limit: 120, keep: even });
		expect(kept).toHaveLength(120);
		expect((kept[119] as { number: number }).number).toBe(240);
		expect(pages().map((query) => query?.limit)).toEqual([100, 100, 100]);
	});

	it('never asks the API for more than 100 at once', async () => {
		const { transport, pages } = setup(shopOf(1000));
		await fetchOrdersPage(transport, {}, { offset: 0, limit: 500 });
		expect(pages()[0]?.limit).toBe(100);
	});

	it('fails clearly when the list is not a list', async () => {
		const { transport } = setup([{ statusCode: 200, body: { orders: [] } }]);
		await expect(fetchOrdersPage(transport, {}, { offset: 0, limit: 100 })).rejects.toThrow(
			'Mijnwebwinkel sent an order list that this node cannot read: (response) is not a list',
		);
	});
});

describe('single calls', () => {
	it('gets one order, as sent, after checking it', async () => {
		const sent = { ...order(1042), number: '1042', surprise: { kept: true } };
		const { transport, requests } = setup([{ statusCode: 200, body: sent }]);
		await expect(getOrder(transport, '1042')).resolves.toBe(sent);
		expect(requests[0].url).toBe('http://shop.test/v1/orders/1042');
	});

	it('names the order and the field when an order fails its schema', async () => {
		const { transport } = setup([
			{ statusCode: 200, body: { ...order(1042), price: { total: 'twelve' } } },
		]);
		const error = (await getOrder(transport, '1042').catch(
			(caught: unknown) => caught,
		)) as Error & {
			context: object;
		};
		expect(error.message).toBe(
			'Mijnwebwinkel sent order 1042 that this node cannot read: price.total is not a decimal amount',
		);
		expect(error.context).toMatchObject({ orderNumber: '1042', field: 'price.total' });
	});

	it('counts with the list filters the count endpoint takes', async () => {
		const { transport, pages } = setup([{ statusCode: 200, body: { count: '42' } }]);
		const count = await countOrders(transport, {
			statusId: 4,
			debtorEmail: 'x@y.nl',
			ordering: 'desc',
			includeTest: true,
		});
		expect(count).toBe(42);
		expect(pages()[0]).toEqual({ language: 'nl_NL', status_id: 4, test: true });
	});

	it('reads payments with the chosen details', async () => {
		const payment = {
			id: '8c1ed7ea',
			gateway: 'mollie',
			price: 5339,
			mutations: [{ type: 'capture', price: 5339 }],
		};
		const { transport, requests } = setup([{ statusCode: 200, body: { payments: [payment] } }]);
		await expect(getOrderPayments(transport, '2342', ['mutations', 'order'])).resolves.toEqual([
			payment,
		]);
		expect(requests[0]).toMatchObject({
			url: 'http://shop.test/v1/orders/2342/payments',
			qs: { embed: 'mutations,order' },
		});
	});

	it('reads order statuses, numbers as text included', async () => {
		const { transport } = setup([
			{
				statusCode: 200,
				body: [
					{ status: '4', description: 'Afgerond', credit_order: false },
					{ status: 10, description: 'Gecrediteerd', credit_order: true },
					{ status: 1, description: 'In behandeling' },
				],
			},
		]);
		expect(await getOrderStatuses(transport, 'nl_NL')).toEqual([
			{ status: 4, description: 'Afgerond', credit_order: false },
			{ status: 10, description: 'Gecrediteerd', credit_order: true },
			{ status: 1, description: 'In behandeling', credit_order: false },
		]);
	});
});
