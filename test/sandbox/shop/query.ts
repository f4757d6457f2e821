/**
 * The filters and paging of `GET /v1/orders` and `/v1/orders/count` (docs/api-notes.md, Mijnwebwinkel §3.1).
 * Where the docs are silent the sandbox decides, and says so here:
 * - `start_date`/`end_date` filter on the order date, both ends included;
 * - `status_changed_*` take `yyyy-mm-dd hh:mm:ss` (or with a `T`) in shop-local time, both ends included;
 *   anything else (a zone, a date only) is refused with 400 rather than guessed at;
 * - `archived` omitted returns archived and not archived orders;
 * - `debtor_email` matches without regard to case; it is ORed with `debtor_id`;
 * - `test=true` adds test orders to the others; unknown parameters are ignored.
 */
import type { ShopOrder } from './generator/render';

export interface OrderFilter {
	statusId?: number;
	startDate?: string;
	endDate?: string;
	changedFrom?: string;
	changedUntil?: string;
	archived?: boolean;
	debtorEmail?: string;
	debtorId?: string;
	includeTest: boolean;
}

export interface Paging {
	limit: number;
	offset: number;
	ordering: 'asc' | 'desc';
}

export const LIMIT_DEFAULT = 10;
export const LIMIT_MAX = 100;

type Parsed<T> = { value: T } | { error: string };

class QueryError extends Error {}

function text(query: URLSearchParams, name: string): string | undefined {
	const value = query.get(name);
	return value === null ? undefined : value.trim();
}

function wholeNumber(query: URLSearchParams, name: string): number | undefined {
	const value = text(query, name);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw new QueryError(`${name} must be a whole number`);
	return Number(value);
}

function flag(query: URLSearchParams, name: string): boolean | undefined {
	const value = text(query, name);
	if (value === undefined) return undefined;
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	throw new QueryError(`${name} must be true or false`);
}

function day(query: URLSearchParams, name: string): string | undefined {
	const value = text(query, name);
	if (value === undefined) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
		throw new QueryError(`${name} must be a date (yyyy-mm-dd)`);
	}
	return value;
}

function moment(query: URLSearchParams, name: string): string | undefined {
	const value = text(query, name);
	if (value === undefined) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
	if (!match || Number.isNaN(Date.parse(`${match[1]}T${match[2]}Z`))) {
		throw new QueryError(`${name} must be a date and time (yyyy-mm-dd hh:mm:ss)`);
	}
	return `${match[1]} ${match[2]}`;
}

function parse<T>(read: () => T): Parsed<T> {
	try {
		return { value: read() };
	} catch (error) {
		if (error instanceof QueryError) return { error: error.message };
		throw error;
	}
}

export function parseFilter(query: URLSearchParams, withDebtor: boolean): Parsed<OrderFilter> {
	return parse(() => ({
		statusId: wholeNumber(query, 'status_id'),
		startDate: day(query, 'start_date'),
		endDate: day(query, 'end_date'),
		changedFrom: moment(query, 'status_changed_start_date'),
		changedUntil: moment(query, 'status_changed_end_date'),
		archived: flag(query, 'archived'),
		debtorEmail: withDebtor ? text(query, 'debtor_email')?.toLowerCase() : undefined,
		debtorId: withDebtor ? text(query, 'debtor_id') : undefined,
		includeTest: flag(query, 'test') ?? false,
	}));
}

export function parsePaging(query: URLSearchParams): Parsed<Paging> {
	return parse(() => {
		const limit = wholeNumber(query, 'limit') ?? LIMIT_DEFAULT;
		if (limit < 1 || limit > LIMIT_MAX)
			throw new QueryError(`limit must be between 1 and ${LIMIT_MAX}`);
		const ordering = text(query, 'ordering') ?? 'asc';
		if (ordering !== 'asc' && ordering !== 'desc')
			throw new QueryError('ordering must be asc or desc');
		return { limit, offset: wholeNumber(query, 'offset') ?? 0, ordering };
	});
}

function debtorOf(order: ShopOrder): { email?: unknown; id?: unknown } {
	const debtor = order.debtor;
	return debtor !== null && typeof debtor === 'object'
		? (debtor as { email?: unknown; id?: unknown })
		: {};
}

export function matches(order: ShopOrder, filter: OrderFilter): boolean {
	if (order.test === true && !filter.includeTest) return false;
	if (filter.statusId !== undefined && Number(order.status) !== filter.statusId) return false;
	const date = String(order.date ?? '');
	if (filter.startDate && date < filter.startDate) return false;
	if (filter.endDate && date > filter.endDate) return false;
	const changed = `${String(order.status_changed_date ?? '')} ${String(order.status_changed_time ?? '')}`;
	if (filter.changedFrom && changed < filter.changedFrom) return false;
	if (filter.changedUntil && changed > filter.changedUntil) return false;
	if (filter.archived !== undefined && (order.archived === true) !== filter.archived) return false;
	if (filter.debtorEmail !== undefined || filter.debtorId !== undefined) {
		const debtor = debtorOf(order);
		const byEmail =
			filter.debtorEmail !== undefined &&
			String(debtor.email ?? '')
				.trim()
				.toLowerCase() === filter.debtorEmail;
		const byId = filter.debtorId !== undefined && debtor.id === filter.debtorId;
		if (!byEmail && !byId) return false;
	}
	return true;
}

export function page(orders: readonly ShopOrder[], paging: Paging): ShopOrder[] {
	const direction = paging.ordering === 'asc' ? 1 : -1;
	const sorted = [...orders].sort((a, b) => direction * (Number(a.number) - Number(b.number)));
	return sorted.slice(paging.offset, paging.offset + paging.limit);
}
