/** What one generated order is, before it is written out in the API's shape. */
import type { Customer, TaxSituation } from './customers';
import type { LineDraft } from './lines';

/** The life of an order in the default mix; `categorizeOrder` reads the same back from the JSON. */
export type Lifecycle =
	| 'finishedPaid'
	| 'pickedUp'
	| 'finishedUnpaid'
	| 'paid'
	| 'shipped'
	| 'unpaid'
	| 'cancelled'
	| 'credit'
	| 'test'
	| 'legacy'
	| 'zeroTotal';

export type PaymentMethod = 'ideal' | 'creditcard' | 'paypal' | 'bank_transfer' | 'cash';

export interface OrderPlan {
	number: number;
	uuid: string;
	lifecycle: Lifecycle;
	status: number;
	placedAt: Date;
	changedAt: Date;
	situation: TaxSituation;
	customer: Customer;
	/** The e-mail as typed on this order (a returning customer may type it differently). */
	email: string;
	lines: LineDraft[];
	discountcode?: string;
	method?: PaymentMethod;
	paymentStatus?: string;
	archived: boolean;
	/** Picked up at the shop: no shipping. */
	pickup: boolean;
	creditOf?: number;
	creditNumbers: number[];
	/** `price.total` with 2 decimals (live) or 6 (the spec's example). */
	totalDecimals: 2 | 6;
	reference?: string;
	comment?: string;
}

/** Order status ids of the sandbox shop (test/sandbox/shop/statuses.ts). */
export const STATUS = {
	pending: 1,
	paid: 2,
	shipped: 3,
	finished: 4,
	cancelled: 5,
	pickedUpAndPaid: 6,
	credited: 10,
} as const;

export const STATUS_OF: Record<Lifecycle, number> = {
	finishedPaid: STATUS.finished,
	legacy: STATUS.finished,
	zeroTotal: STATUS.finished,
	test: STATUS.finished,
	finishedUnpaid: STATUS.finished,
	pickedUp: STATUS.pickedUpAndPaid,
	paid: STATUS.paid,
	shipped: STATUS.shipped,
	unpaid: STATUS.pending,
	cancelled: STATUS.cancelled,
	credit: STATUS.credited,
};

export const GATEWAY_OF: Record<PaymentMethod, string> = {
	ideal: 'mollie',
	creditcard: 'mollie',
	paypal: 'paypal',
	bank_transfer: 'basic',
	cash: 'basic',
};
