/**
 * The sandbox Mijnwebwinkel shop: `startShop(options) → ShopSandbox`, a stateful stand-in for the order
 * endpoints of api.myonlinestore.com on 127.0.0.1, with request counts, fault injection and `/__admin/`.
 *
 *   const shop = await startShop({ seed: { count: 200, seed: 42 } });   // or { orders: [...] }
 *   fetch(`${shop.url}/v1/orders?token=sandbox-store-token&partner_token=sandbox-partner-token&limit=100`)
 *   shop.setStatus(1234, 4); shop.setPaymentStatus(1234, 'captured'); shop.faults.add({ status: 429, ... })
 */
import { createCounter, startServer, type Faults, type RequestLogEntry } from '../common';
import { nextOrderNumber, plantCase, shopAdminRoutes } from './admin';
import { bookkeepingCases, type CaseName } from './cases';
import { errorBody } from './errors';
import { generateOrders, type ShopOrder } from './generator';
import { shopRoutes } from './routes';
import { orderPayments } from './payments';
import { DEFAULT_STATUSES, type OrderStatus } from './statuses';
import { createOrderStore } from './store';

export const SANDBOX_STORE_TOKEN = 'sandbox-store-token';
export const SANDBOX_PARTNER_TOKEN = 'sandbox-partner-token';

export interface ShopOptions {
	/** 0 or omitted: a free port. */
	port?: number;
	storeToken?: string;
	partnerToken?: string;
	/** Serve exactly these orders (they win over `seed`). */
	orders?: unknown[];
	/** Generate orders (see generator/index.ts); dates end at `now()`. */
	seed?: {
		count: number;
		seed: number;
		includeOss?: boolean;
		periodDays?: number;
		/** Add one order of every bookkeeping case in cases.ts after the generated ones (default off). */
		cases?: boolean;
	};
	statuses?: OrderStatus[];
	/** The shop's clock: the end of the seed period and the default time of `setStatus`. */
	now?: () => Date;
}

export interface ShopSandbox {
	/** `http://127.0.0.1:<port>`: the credential's base URL. */
	url: string;
	port: number;
	storeToken: string;
	partnerToken: string;
	addOrder(order: unknown): ShopOrder;
	updateOrder(number: string | number, patch: Record<string, unknown>): ShopOrder;
	/** Sets the status and moves `status_changed_date`/`_time` to `changedAt` (default: now). */
	setStatus(number: string | number, status: number, changedAt?: Date): ShopOrder;
	/** A payment arriving (or failing) without a status change. */
	setPaymentStatus(number: string | number, status: string): ShopOrder;
	/** Captures an authorised (pay-later) payment now, without a status change. */
	capture(number: string | number): ShopOrder;
	/** Plants one order of a case (cases.ts); numbered one above the highest unless given. */
	plantCase(name: CaseName, options?: { number?: number; changedAt?: Date }): ShopOrder;
	/** What `GET /v1/orders/{n}/payments?embed=mutations,order` answers now: the `payments` array. */
	payments(number: string | number): unknown[];
	/** Every order, test orders included, as stored. */
	orders(): ShopOrder[];
	order(number: string | number): ShopOrder | undefined;
	/** Requests per route, e.g. `{ 'GET /v1/orders': 3 }`. */
	counts(): Record<string, number>;
	requestLog(): RequestLogEntry[];
	resetCounts(): void;
	/** Back to the starting orders, counts and faults cleared. */
	reset(): void;
	faults: Faults;
	close(): Promise<void>;
}

export async function startShop(options: ShopOptions = {}): Promise<ShopSandbox> {
	const now = options.now ?? (() => new Date());
	const initial = options.orders ?? seedOrders(options.seed, now());
	const store = createOrderStore(initial, now);
	const storeToken = options.storeToken ?? SANDBOX_STORE_TOKEN;
	const partnerToken = options.partnerToken ?? SANDBOX_PARTNER_TOKEN;
	const statuses = options.statuses ?? [...DEFAULT_STATUSES];
	const counter = createCounter();
	const server = await startServer({
		port: options.port ?? 0,
		routes: shopRoutes({ store, statuses, storeToken, partnerToken }),
		counter,
		errorBody: (status, message) => errorBody(status, message),
		admin: {
			state: () => ({ orders: store.list().map(({ order }) => order), statuses }),
			reset: () => store.reset(),
			routes: shopAdminRoutes(store, now),
		},
	});
	return {
		url: server.url,
		port: server.port,
		storeToken,
		partnerToken,
		addOrder: (order) => store.add(order),
		updateOrder: (number, patch) => store.update(number, patch),
		setStatus: (number, status, changedAt) => store.setStatus(number, status, changedAt),
		setPaymentStatus: (number, status) => store.setPaymentStatus(number, status),
		capture: (number) => store.capture(number),
		plantCase: (name, planted = {}) => plantCase(store, name, { ...planted, now: now() }),
		payments: (number) => {
			const stored = store.get(number);
			if (!stored) throw new Error(`Order ${number} does not exist in the sandbox shop`);
			return orderPayments(stored, new Set(['mutations', 'order']));
		},
		orders: () => store.list().map(({ order }) => structuredClone(order)),
		order: (number) => {
			const stored = store.get(number);
			return stored ? structuredClone(stored.order) : undefined;
		},
		counts: () => counter.counts(),
		requestLog: () => counter.requestLog(),
		resetCounts: () => counter.resetCounts(),
		reset: () => {
			store.reset();
			counter.resetCounts();
			server.faults.clear();
		},
		faults: server.faults,
		close: () => server.close(),
	};
}

function seedOrders(seed: ShopOptions['seed'], now: Date): unknown[] {
	if (!seed) return [];
	const generated = generateOrders({ ...seed, now });
	if (!seed.cases) return generated;
	return [...generated, ...bookkeepingCases(nextOrderNumber(generated), now)];
}

export { BOOKKEEPING_CASES, CASES, POISON_CASES, caseOf, type CaseName } from './cases';
export type { SandboxMeta, SandboxTransaction } from './store';
export { categorizeOrder, generateOrders, orderFeatures, orderQuirks } from './generator';
export type { GeneratorOptions, OrderCategory, OrderFeature, Quirk, ShopOrder } from './generator';
export type { OrderStatus } from './statuses';
