import type { INode } from 'n8n-workflow';
import { qualifyRules, readStatusTable } from '../../descriptions/finishedAndPaid';
import type { OrderStatus } from '../../api/schemas';
import { statusTableOf } from '../../api/statusTableCache';
import { readOrderFacts } from '../../api/summary';
import type { MijnwebwinkelTransport } from '../../api/transport';
import { judgeOrder, type QualifyRules, type QualifySettings } from '../../trigger/qualifies';

/** Decides, a listed page at a time, which orders go out. */
export interface OrderJudge {
	/** The orders of this page that go out, in the shop's order. */
	page(orders: unknown[]): Promise<unknown[]>;
	/** The credit statuses of the rules judged with last: those orders have no transactions to read. */
	credit(): number[];
}

/** Every order goes out. */
export const everyOrder: OrderJudge = {
	page: async (orders) => orders,
	credit: () => [],
};

/**
 * Finished and paid by the trigger's rules, resolved against the shop's status table as this process keeps it. An
 * order with a status that table does not know waits until the rest of its page is judged; then the table is read
 * from the shop once, and the waiting orders, and every page after, are judged with it. So a status the shop owner
 * just added is never judged with an old table, and no page is listed twice.
 */
export async function finishedAndPaidJudge(
	node: INode,
	transport: MijnwebwinkelTransport,
	settings: QualifySettings,
): Promise<OrderJudge> {
	const readTable = async () => await readStatusTable(transport);
	let table = await statusTableOf(transport, readTable);
	const statusIds = (statuses: OrderStatus[]) => new Set(statuses.map(({ status }) => status));
	let rules: QualifyRules = qualifyRules(node, settings, table.statuses);
	let known = statusIds(table.statuses);
	return {
		credit: () => rules.credit,
		async page(orders) {
			const facts = orders.map(readOrderFacts);
			const waits = (status: number | undefined) =>
				table.kept && status !== undefined && !known.has(status);
			const verdicts = facts.map((order) =>
				waits(order.status) ? undefined : judgeOrder(order, rules) === 'emit',
			);
			if (verdicts.includes(undefined)) {
				table = await statusTableOf(transport, readTable, { fresh: true });
				rules = qualifyRules(node, settings, table.statuses);
				known = statusIds(table.statuses);
				facts.forEach((order, index) => {
					verdicts[index] ??= judgeOrder(order, rules) === 'emit';
				});
			}
			return orders.filter((_, index) => verdicts[index]);
		},
	};
}
