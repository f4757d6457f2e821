import type { OrderFilters } from '../../../../nodes/Mijnwebwinkel/api/client';
import { readOrderFacts } from '../../../../nodes/Mijnwebwinkel/api/summary';
import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';
import type { PollIo } from '../../../../nodes/Mijnwebwinkel/trigger/poll';

export interface ShopOrder {
	number: number | string;
	status: number | string;
	status_changed_date: string;
	status_changed_time: string;
	payment_status?: string;
	price: { total: string | number };
	credited_order_number?: number;
	test?: boolean;
	/**
	 * When the status change fields are in another form than `yyyy-mm-dd` and `hh:mm:ss` shop time (a zone, a
	 * fraction, a date-time): the shop-time moment the shop itself filters this order by.
	 */
	filteredAs?: string;
}

/**
 * An in-memory order list answering the list filters the trigger uses, like the API: status changed
 * from/to (inclusive), test orders only on request, ascending or descending by number, offset paging.
 */
export class FakeShop {
	orders: ShopOrder[] = [];
	calls: OrderFilters[] = [];
	/** Runs after each page is served: lets a test change the shop while a poll is paging. */
	afterPage?: (page: number) => void;

	add(number: number, changedAt: string, fields: Partial<ShopOrder> = {}): ShopOrder {
		const [date, time] = changedAt.split(' ');
		const order: ShopOrder = {
			number,
			status: 4,
			status_changed_date: date,
			status_changed_time: time,
			payment_status: 'captured',
			price: { total: '10.00' },
			...fields,
		};
		this.orders = [...this.orders.filter((known) => known.number !== number), order];
		return order;
	}

	change(number: number, changedAt: string, fields: Partial<ShopOrder> = {}): void {
		const [date, time] = changedAt.split(' ');
		const order = this.orders.find((known) => known.number === number);
		if (!order) throw new Error(`no order ${number}`);
		Object.assign(order, { status_changed_date: date, status_changed_time: time }, fields);
	}

	page(filters: OrderFilters, offset: number, limit: number): unknown[] {
		this.calls.push(filters);
		const changed = (order: ShopOrder) =>
			order.filteredAs ?? `${order.status_changed_date} ${order.status_changed_time}`;
		const matching = this.orders
			.filter((order) => filters.includeTest || !order.test)
			.filter(
				(order) =>
					!filters.statusChangedStartDate || changed(order) >= filters.statusChangedStartDate,
			)
			.filter(
				(order) => !filters.statusChangedEndDate || changed(order) <= filters.statusChangedEndDate,
			)
			.sort((a, b) => Number(a.number) - Number(b.number));
		if (filters.ordering === 'desc') matching.reverse();
		const served = matching
			.slice(offset, offset + limit)
			.map((order) => ({ ...order, price: { ...order.price } }));
		this.afterPage?.(this.calls.length);
		return served;
	}

	/** Order numbers whose payments were asked for, in order. */
	paymentCalls: string[] = [];

	io(
		now: () => Date,
		limits: { maxPages?: number; payments?: (number: string) => PaymentsAnswer } = {},
	): PollIo & { pagesFetched: number } {
		let pages = 0;
		const answer = limits.payments;
		const io = {
			pagesFetched: 0,
			fetchPage: async (filters: OrderFilters, offset: number, limit: number) =>
				this.page(filters, offset, limit),
			summarise: readOrderFacts,
			mayFetch: () => pages < (limits.maxPages ?? 40),
			notePageFetched: () => {
				pages++;
				io.pagesFetched = pages;
			},
			now,
			...(answer
				? {
						payments: {
							hasTime: () => true,
							read: async (number: string) => {
								this.paymentCalls.push(number);
								return answer(number);
							},
						},
					}
				: {}),
		};
		return io;
	}
}

/** A Date whose Europe/Amsterdam wall-clock time is `shopTime` in winter (UTC+1). */
export function winterMoment(shopTime: string): Date {
	const utc = new Date(`${shopTime.replace(' ', 'T')}Z`);
	return new Date(utc.getTime() - 60 * 60 * 1000);
}
