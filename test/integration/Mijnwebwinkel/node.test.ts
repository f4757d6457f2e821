import type { INodeExecutionData } from 'n8n-workflow';
import { executeNode, loadOptions } from '../../harness';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { categorizeOrder } from '../../sandbox/shop/generator';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { MijnwebwinkelTrigger } from '../../../nodes/Mijnwebwinkel/MijnwebwinkelTrigger.node';
import { shopCredentials } from './setup';

jest.setTimeout(60_000);

const jsonOf = (output: INodeExecutionData[][]) => output[0].map((item) => item.json);

describe('Mijnwebwinkel node against the sandbox shop', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ shop: { seed: { count: 250, seed: 3 } } });
	});
	afterAll(async () => {
		await sb.close();
	});
	afterEach(() => sb.shop.faults.clear());

	const run = async (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
		await executeNode(new Mijnwebwinkel(), {
			parameters: parameters as never,
			credentials: shopCredentials(sb),
			...extra,
		});

	it('gets one order per input item, as the API gives it, paired to its item', async () => {
		const [first, second] = sb.shop.orders().filter((order) => !order.test);
		const { output } = await run(
			{ resource: 'order', operation: 'get', orderNumber: '={{ $json.number }}' },
			{ items: [{ json: { number: first.number } }, { json: { number: second.number } }] },
		);
		expect(jsonOf(output)).toEqual([first, second]);
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('sends an unknown order to the error output with a clear message, and carries on', async () => {
		const known = sb.shop.orders().find((order) => !order.test);
		const { output } = await run(
			{ resource: 'order', operation: 'get', orderNumber: '={{ $json.number }}' },
			{
				items: [{ json: { number: 999999 } }, { json: { number: known?.number } }],
				continueOnFail: true,
			},
		);
		expect(output[0][0].json).toMatchObject({ error: 'Order 999999 was not found in this shop' });
		expect(output[0][1].json.number).toBe(known?.number);
	});

	it('gets many orders with filters, a limit, or all of them', async () => {
		const cancelled = sb.shop.orders().filter((order) => order.status === 5 && !order.test);
		const all = await run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { statusId: 5 },
		});
		expect(jsonOf(all.output).map((order) => order.number)).toEqual(
			cancelled.map((order) => order.number),
		);

		const some = await run({
			resource: 'order',
			operation: 'getAll',
			limit: 7,
			filters: { ordering: 'desc' },
		});
		const newest = sb.shop
			.orders()
			.filter((order) => !order.test)
			.map((order) => Number(order.number))
			.sort((a, b) => b - a)
			.slice(0, 7);
		expect(jsonOf(some.output).map((order) => Number(order.number))).toEqual(newest);
	});

	it('finds a customer by e-mail whatever its case, and test orders only when asked', async () => {
		const order = sb.shop.orders().find((candidate) => !candidate.test) as {
			debtor: { email: string };
		};
		const email = order.debtor.email.toUpperCase();
		const byEmail = await run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { debtorEmail: email },
		});
		const emails = jsonOf(byEmail.output).map((found) =>
			String((found.debtor as { email: string }).email).toLowerCase(),
		);
		expect(emails.length).toBeGreaterThan(0);
		expect(new Set(emails)).toEqual(new Set([email.toLowerCase()]));

		const tests = sb.shop.orders().filter((candidate) => candidate.test).length;
		const withTests = await run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { includeTestOrders: true },
		});
		const without = await run({ resource: 'order', operation: 'getAll', returnAll: true });
		expect(tests).toBeGreaterThan(0);
		expect(withTests.output[0].length - without.output[0].length).toBe(tests);
	});

	it("returns only finished and paid orders (and credit orders) when asked, by the trigger's rules", async () => {
		const { output } = await run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			finishedAndPaidOnly: true,
			finishedStatuses: [4, 6],
		});
		const expected = sb.shop
			.orders()
			.filter((order) => ['finishedPaid', 'credit'].includes(categorizeOrder(order)))
			.map((order) => order.number);
		expect(jsonOf(output).map((order) => order.number)).toEqual(expected);
	});

	it('gets the payments of a paid order with their captures', async () => {
		const paid = sb.shop
			.orders()
			.find(
				(order) => order.payment_status === 'captured' && Number(order.status) === 4 && !order.test,
			);
		const { output } = await run({
			resource: 'order',
			operation: 'getPayments',
			orderNumber: String(paid?.number),
		});
		expect(output[0].length).toBeGreaterThan(0);
		const mutations = output[0].flatMap(
			(item) => (item.json.mutations as Array<{ type: string }>) ?? [],
		);
		expect(mutations.map((mutation) => mutation.type)).toContain('capture');
	});

	it('lists the order statuses, and offers them in the dropdowns', async () => {
		const { output } = await run({ resource: 'orderStatus', operation: 'getAll' });
		expect(jsonOf(output)).toContainEqual({
			status: 4,
			description: 'Afgerond',
			credit_order: false,
		});
		expect(jsonOf(output)).toContainEqual({
			status: 10,
			description: 'Gecrediteerd',
			credit_order: true,
		});

		const credentials = shopCredentials(sb);
		const all = await loadOptions(new Mijnwebwinkel(), 'getOrderStatusOptions', { credentials });
		const finishing = await loadOptions(new MijnwebwinkelTrigger(), 'getFinishedStatusOptions', {
			credentials,
		});
		expect(all.map((option) => option.value)).toEqual([1, 2, 3, 4, 5, 6, 10]);
		expect(finishing.map((option) => option.value)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(finishing.find((option) => option.value === 4)?.name).toBe('Afgerond');
	});

	it('waits out a 429 as Retry-After asks, and retries a 503', async () => {
		sb.shop.faults.add({ path: '/v1/orderstatuses', status: 429, retryAfterSeconds: 1, times: 1 });
		sb.shop.faults.add({ path: '/v1/orderstatuses', status: 503, times: 1 });
		sb.shop.resetCounts();
		const started = Date.now();
		const { output } = await run({ resource: 'orderStatus', operation: 'getAll' });
		expect(output[0]).toHaveLength(7);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(sb.shop.counts()['GET /v1/orderstatuses']).toBe(3);
	});

	it('keeps the tokens out of error items', async () => {
		const { output } = await executeNode(new Mijnwebwinkel(), {
			parameters: { resource: 'order', operation: 'get', orderNumber: '1001' },
			credentials: shopCredentials(sb, { storeToken: 'wrong-store-token-1234' }),
			continueOnFail: true,
		});
		const text = JSON.stringify(output);
		expect(output[0][0].json.error).toBe(
			'Mijnwebwinkel refused the store token or the partner token',
		);
		expect(text).not.toContain('wrong-store-token-1234');
		expect(text).not.toContain('sandbox-partner-token');
	});
});
