/** How an order is paid: the gateway/method mix and the payment status each kind of order has. */
import type { TaxSituation } from './customers';
import type { Lifecycle, PaymentMethod } from './plan';
import type { Random } from './random';

export interface PaymentChoice {
	method?: PaymentMethod;
	paymentStatus?: string;
}

const CONSUMER_MIX = [
	['ideal', 60],
	['paypal', 15],
	['bank_transfer', 15],
	['creditcard', 10],
] as const;
const BUSINESS_MIX = [
	['bank_transfer', 50],
	['ideal', 40],
	['creditcard', 10],
] as const;

/** Payment costs (betaalkosten) some shops charge per method, incl. VAT, in cents. */
export const PAYMENT_COSTS: Partial<Record<PaymentMethod, { cents: number; chance: number }>> = {
	paypal: { cents: 35, chance: 0.8 },
	creditcard: { cents: 50, chance: 0.8 },
	ideal: { cents: 29, chance: 0.08 },
};

function statusFor(lifecycle: Lifecycle, method: PaymentMethod, random: Random): string {
	switch (lifecycle) {
		case 'unpaid':
			return method === 'bank_transfer' ? 'pending' : random.pick(['new', 'pending']);
		case 'cancelled':
			if (method === 'bank_transfer') return 'new';
			return method === 'paypal' ? 'voided' : 'failed';
		default:
			return 'captured';
	}
}

export function choosePayment(
	random: Random,
	lifecycle: Lifecycle,
	situation: TaxSituation,
): PaymentChoice {
	const mix =
		situation === 'domesticB2B' || situation === 'reverseCharge' ? BUSINESS_MIX : CONSUMER_MIX;
	const drawn: PaymentMethod = random.weighted(mix);
	switch (lifecycle) {
		// Credit orders carry no payment information (docs/api-notes.md, Mijnwebwinkel §5.2).
		case 'credit':
			return {};
		// Orders totalling 0.00 need no payment and never get transactions (docs/api-notes.md, Mijnwebwinkel §5.2).
		case 'zeroTotal':
			return { paymentStatus: 'unknown' };
		case 'pickedUp':
			return { method: 'cash', paymentStatus: 'captured' };
		case 'finishedUnpaid':
			return { method: 'bank_transfer', paymentStatus: 'pending' };
		default:
			return { method: drawn, paymentStatus: statusFor(lifecycle, drawn, random) };
	}
}
