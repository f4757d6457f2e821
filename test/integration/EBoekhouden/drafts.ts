import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { centsToEuros } from '../../../nodes/shared/money';
import { centsByVatCode } from '../../support/cents';

/**
 * Hand-shaped Order to Invoice drafts for the e-Boekhouden tests and the benchmark: deterministic (seeded), prices
 * including VAT in whole cents, 21% and 9% lines, shipping, and customers who come back (`customers` distinct
 * e-mail addresses over `count` orders).
 */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PAYMENT_LEDGERS = ['1010', '1020', '1030'];

export function customerEmail(index: number): string {
	return `klant${index}@example.com`;
}

export function makeDraft(orderNumber: number, customer: number, next: () => number): InvoiceDraft {
	const day = 1 + Math.floor(next() * 28);
	const month = 1 + Math.floor(next() * 3);
	const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const items: InvoiceDraft['invoice']['items'] = [];
	const lines = 1 + Math.floor(next() * 3);
	for (let line = 0; line < lines; line++) {
		const high = next() < 0.7;
		items.push({
			description: `Artikel ${orderNumber}-${line + 1}`,
			quantity: 1 + Math.floor(next() * 3),
			pricePerUnit: (100 + Math.floor(next() * 9900)) / 100,
			vatCode: high ? 'HOOG_VERK_21' : 'LAAG_VERK_9',
			ledgerCode: high ? '8000' : '8010',
		});
	}
	items.push({
		description: 'Verzendkosten',
		quantity: 1,
		pricePerUnit: 4.95,
		vatCode: 'HOOG_VERK_21',
		ledgerCode: '8100',
	});
	const centsPerCode = centsByVatCode(items);
	const totalCents = Object.values(centsPerCode).reduce((sum, amount) => sum + amount, 0);
	const byVatCode: Partial<Record<string, number>> = Object.fromEntries(
		Object.entries(centsPerCode).map(([code, amount]) => [code, centsToEuros(amount)]),
	);
	return {
		kind: 'invoice',
		bookingMode: 'invoice',
		bookRelation: true,
		orderNumber: String(orderNumber),
		warnings: [],
		relation: {
			type: 'P',
			name: `Klant ${customer}`,
			contact: '',
			emailAddress: customerEmail(customer),
			address: `Dorpsstraat ${customer + 1}`,
			postalCode: '1234 AB',
			city: 'Utrecht',
			country: 'Nederland',
			vatNumber: '',
			phoneNumber: '',
		},
		invoice: {
			invoiceNumber: `MWW-${orderNumber}`,
			date,
			inExVat: 'IN',
			termOfPayment: 14,
			reference: String(orderNumber),
			text: `Bestelling ${orderNumber}`,
			items,
		},
		payments: [
			{
				amount: totalCents / 100,
				date,
				ledgerCode: PAYMENT_LEDGERS[orderNumber % 3],
				kind: 'received',
				method: '',
				reference: '',
			},
		],
		totals: { amountInclVat: totalCents / 100, byVatCode },
	};
}

/** The draft paid partly with a gift card (a third, on 1620) and the rest as before: two parts, two references. */
export function splitPayment(draft: InvoiceDraft): InvoiceDraft {
	const [whole] = draft.payments;
	const totalCents = Math.round(whole.amount * 100);
	const giftCardCents = Math.floor(totalCents / 3);
	return {
		...draft,
		payments: [
			{
				...whole,
				amount: giftCardCents / 100,
				ledgerCode: '1620',
				kind: 'giftCard',
				method: 'webshop_giftcard',
				reference: `g${draft.orderNumber}`,
			},
			{ ...whole, amount: (totalCents - giftCardCents) / 100, reference: `p${draft.orderNumber}` },
		],
	};
}

/** `splitShare` of the orders (0–1) are paid partly with a gift card. */
export function makeDrafts(
	count: number,
	customers: number,
	seed = 7,
	splitShare = 0,
): InvoiceDraft[] {
	const next = random(seed);
	const drafts: InvoiceDraft[] = [];
	for (let index = 0; index < count; index++) {
		const customer = index < customers ? index : Math.floor(next() * customers);
		const draft = makeDraft(10001 + index, customer, next);
		drafts.push(index < Math.round(count * splitShare) ? splitPayment(draft) : draft);
	}
	return drafts;
}

/**
 * Jan's order as a draft edited by hand would start from: two mugs at €10.00 and shipping €4.95, all 21%, €24.95
 * including VAT, paid by iDEAL on 1010 on the invoice date.
 */
export function twoMugsDraft(order: {
	orderNumber: string;
	invoiceNumber: string;
	relationId: number;
	date: string;
	bookingMode?: InvoiceDraft['bookingMode'];
}): Record<string, unknown> {
	const { orderNumber, invoiceNumber, relationId, date } = order;
	return {
		kind: 'invoice',
		bookingMode: order.bookingMode ?? 'invoice',
		bookRelation: true,
		orderNumber,
		warnings: [],
		relation: { type: 'P', name: 'Jan', emailAddress: 'jan@example.com' },
		invoice: {
			invoiceNumber,
			date,
			inExVat: 'IN',
			termOfPayment: 14,
			reference: orderNumber,
			text: '',
			items: [
				{
					description: 'Mok',
					quantity: 2,
					pricePerUnit: 10,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
				},
				{
					description: 'Verzendkosten',
					quantity: 1,
					pricePerUnit: 4.95,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
				},
			],
		},
		payments: [
			{ amount: 24.95, date, ledgerCode: '1010', kind: 'received', method: 'ideal', reference: '' },
		],
		totals: { amountInclVat: 24.95, byVatCode: { HOOG_VERK_21: 24.95 } },
		relationId,
	};
}
