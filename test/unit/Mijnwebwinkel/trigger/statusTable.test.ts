import type { OrderStatus } from '../../../../nodes/Mijnwebwinkel/api/schemas';
import { runPoll } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import { resolveRules } from '../../../../nodes/Mijnwebwinkel/trigger/qualifies';
import {
	STATUS_TABLE_KEY,
	strictAbout,
	withStatusTable,
} from '../../../../nodes/Mijnwebwinkel/trigger/statusTable';
import { FakeShop, winterMoment } from '../helpers/fakeShop';

/** The status table is remembered between polls: read once a day, and at once when an order shows a new status. */

const TABLE: OrderStatus[] = [
	{ status: 1, description: 'In behandeling', credit_order: false },
	{ status: 4, description: 'Afgerond', credit_order: false },
	{ status: 10, description: 'Gecrediteerd', credit_order: true },
];
const PICKED_UP = { status: 6, description: 'Afgehaald en betaald', credit_order: false };

function shopWithTable(table: OrderStatus[]) {
	const shop = new FakeShop();
	let tableReads = 0;
	const staticData: Record<string, unknown> = {};
	const poll = async (shopTime: string) => {
		const now = winterMoment(shopTime);
		const io = shop.io(() => now);
		return await withStatusTable(
			staticData,
			now,
			async () => {
				tableReads++;
				return structuredClone(table);
			},
			async (statuses, strict) => {
				const resolved = resolveRules(
					{
						finishedStatuses: [],
						includeCreditOrders: true,
						paidStatuses: [],
						acceptAuthorized: true,
						includeTestOrders: false,
					},
					statuses,
				);
				if ('problem' in resolved) throw new Error(resolved.problem);
				const previous = staticData.state as Parameters<typeof runPoll>[0];
				const result = await runPoll(
					previous,
					{
						since: '',
						overlapMinutes: 60,
						maxOrdersPerPoll: 250,
						recheckDays: 21,
						includeTestOrders: false,
					},
					resolved.rules,
					strict ? strictAbout(io, statuses) : io,
				);
				staticData.state = JSON.parse(JSON.stringify(result.state));
				return result.output.map((order) => Number((order as { number: number }).number));
			},
		);
	};
	return { shop, table, staticData, poll, reads: () => tableReads };
}

describe('the remembered status table', () => {
	it('is read at the first poll, then not again for 24 hours, then read again', async () => {
		const { poll, reads, shop } = shopWithTable(TABLE);
		await poll('2025-02-10 08:00:00');
		expect(reads()).toBe(1);
		shop.calls = [];
		for (let hour = 9; hour <= 23; hour++)
			await poll(`2025-02-10 ${String(hour).padStart(2, '0')}:00:00`);
		expect(reads()).toBe(1);
		// The idle polls cost one order list each, nothing more.
		expect(shop.calls).toHaveLength(15);
		await poll('2025-02-11 07:59:00');
		expect(reads()).toBe(1);
		await poll('2025-02-11 08:00:00');
		expect(reads()).toBe(2);
	});

	it('is read again at once when an order carries a status it does not know, and the order is judged by the new table', async () => {
		const harness = shopWithTable(TABLE);
		await harness.poll('2025-02-10 08:00:00');
		// The shop owner adds "Afgehaald en betaald" and finishes an order with it.
		harness.table.push(PICKED_UP);
		harness.shop.add(1, '2025-02-10 08:10:00', { status: 6 });
		harness.shop.add(2, '2025-02-10 08:11:00', { status: 4 });
		expect(await harness.poll('2025-02-10 08:15:00')).toEqual([1, 2]);
		expect(harness.reads()).toBe(2);
		expect(await harness.poll('2025-02-10 08:30:00')).toEqual([]);
		expect(harness.reads()).toBe(2);
	});

	it('stays small in static data: only status, description and credit flag', async () => {
		const { poll, staticData } = shopWithTable(
			TABLE.map((status) => ({ ...status, extra: 'x'.repeat(500) })),
		);
		await poll('2025-02-10 08:00:00');
		expect(staticData[STATUS_TABLE_KEY]).toEqual({
			readAt: winterMoment('2025-02-10 08:00:00').toISOString(),
			statuses: TABLE,
		});
	});

	it('that is not ours is read anew', async () => {
		const { poll, reads, staticData } = shopWithTable(TABLE);
		staticData[STATUS_TABLE_KEY] = { readAt: 'yesterday', statuses: 'none' };
		await poll('2025-02-10 08:00:00');
		expect(reads()).toBe(1);
	});

	it('lets any other error of the poll through as it is, without reading the table again', async () => {
		const staticData: Record<string, unknown> = {};
		const now = winterMoment('2025-02-10 08:00:00');
		let reads = 0;
		const read = async () => {
			reads++;
			return TABLE;
		};
		await withStatusTable(staticData, now, read, async () => 'fine');
		const shopDown = new Error('The shop did not answer');
		await expect(
			withStatusTable(staticData, now, read, async () => await Promise.reject(shopDown)),
		).rejects.toBe(shopDown);
		expect(reads).toBe(1);
	});
});
