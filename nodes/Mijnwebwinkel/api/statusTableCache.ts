import { Keeper } from '../../shared/keeper';
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

const kept = new Keeper<OrderStatus[]>({ minutes: STATUS_TABLE_MINUTES, maxKeys: MAX_SHOPS });

export interface StatusTable {
	statuses: OrderStatus[];
	/** True when it came from what this process kept, not from the shop just now. */
	kept: boolean;
}

export async function statusTableOf(
	transport: MijnwebwinkelTransport,
	read: () => Promise<OrderStatus[]>,
	{ fresh = false }: { fresh?: boolean } = {},
): Promise<StatusTable> {
	const { value: statuses, kept: fromMemory } = await kept.get(await transport.shop(), read, {
		fresh,
	});
	return { statuses, kept: fromMemory };
}
