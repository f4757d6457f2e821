import type { OrderStatus } from './schemas';
import type { MijnwebwinkelTransport } from './transport';

/**
 * The shop's order-status table, kept in this process for a few minutes per shop, so a history import that asks
 * for one month per execution, or a catch-up beside a recovery pass, reads it once instead of once per run. An order
 * whose status the kept table does not know makes the caller read it again (`fresh`): a status the shop owner just
 * added is never judged with an old table.
 */
export const STATUS_TABLE_MINUTES = 10;
const MAX_SHOPS = 20;

const kept = new Map<string, { readAt: number; statuses: OrderStatus[] }>();

export interface StatusTable {
	statuses: OrderStatus[];
	/** True when it came from what this process kept, not from the shop just now. */
	kept: boolean;
}

export async function statusTableOf(
	transport: MijnwebwinkelTransport,
	read: () => Promise<OrderStatus[]>,
	{ fresh = false, now = Date.now() }: { fresh?: boolean; now?: number } = {},
): Promise<StatusTable> {
	const shop = await transport.shop();
	const known = kept.get(shop);
	if (!fresh && known && now - known.readAt < STATUS_TABLE_MINUTES * 60_000)
		return { statuses: known.statuses, kept: true };
	const statuses = await read();
	kept.delete(shop);
	kept.set(shop, { readAt: now, statuses });
	if (kept.size > MAX_SHOPS) kept.delete(kept.keys().next().value as string);
	return { statuses, kept: false };
}
