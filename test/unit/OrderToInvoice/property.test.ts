import fc from 'fast-check';
import { mapOrderToInvoice, MappingError } from '../../../nodes/OrderToInvoice/mapping';
import { draftSchema, parseDraft } from '../../../nodes/shared/draft.schema';
import { isWholeCents } from '../../../nodes/shared/money';
import {
	cents,
	centsByVatCode,
	draftTotalsByVatCode,
	paidCents,
	withoutZeros,
} from '../../support/cents';
import { generatedOrder, type GeneratedOrder } from './arbitraries';

/** Runs the mapping and lets only a MappingError through; anything else fails the property. */
function mapOrMappingError(order: unknown, settings?: unknown): void {
	try {
		mapOrderToInvoice(order, settings as never);
	} catch (error) {
		if (!(error instanceof MappingError)) throw error;
		expect(error.message).toBe(`Order ${error.orderNumber}: ${error.field}: ${error.reason}`);
	}
}

describe('generated orders', () => {
	it('book per VAT code and in all exactly what the order lines and price.total say, to the cent', () => {
		fc.assert(
			fc.property(generatedOrder(), (generated) => {
				const draft = mapOrderToInvoice(generated.order, generated.settings);
				expect(withoutZeros(centsByVatCode(draft.invoice.items))).toEqual(generated.byVatCode);
				expect(cents(draft.totals.amountInclVat)).toBe(generated.totalCents);
				expect(withoutZeros(draftTotalsByVatCode(draft))).toEqual(generated.byVatCode);
				expect(paidCents(draft)).toBe(generated.totalCents);
			}),
			{ numRuns: 400 },
		);
	});

	it('with transactions: the payments sum to the total, and no gift-card part lands on a bank or PSP ledger', () => {
		fc.assert(
			fc.property(withTransactions(), ({ generated, giftCardCents }) => {
				const draft = mapOrderToInvoice(generated.order, generated.settings);
				expect(paidCents(draft)).toBe(generated.totalCents);
				const moneyLedgers = new Set(['1010', '1020', '1030', '1040', '1050']);
				const giftCards = draft.payments.filter((payment) => payment.kind === 'giftCard');
				for (const payment of giftCards) {
					expect(moneyLedgers.has(String(payment.ledgerCode))).toBe(false);
					expect([null, '1620']).toContain(payment.ledgerCode);
				}
				expect(paidCents({ payments: giftCards })).toBe(giftCardCents);
				for (const payment of draft.payments.filter((part) => part.kind !== 'giftCard')) {
					expect(payment.ledgerCode === '1620').toBe(false);
				}
				const references = draft.payments.map((payment) => payment.reference);
				expect(new Set(references).size).toBe(references.length);
			}),
			{ numRuns: 300 },
		);
	});

	it('give whole cents per unit, whole positive quantities, and a stable invoice number ending in a digit', () => {
		fc.assert(
			fc.property(generatedOrder(), (generated) => {
				const draft = mapOrderToInvoice(generated.order, generated.settings);
				for (const item of draft.invoice.items) {
					expect(Number.isInteger(item.quantity) && item.quantity >= 1).toBe(true);
					expect(isWholeCents(item.pricePerUnit)).toBe(true);
				}
				expect(draft.kind).toBe(generated.credit ? 'credit' : 'invoice');
				expect(draft.invoice.invoiceNumber).toMatch(generated.credit ? /^MWW-C-\d+$/ : /^MWW-\d+$/);
				expect(mapOrderToInvoice(generated.order, generated.settings)).toEqual(draft);
			}),
			{ numRuns: 200 },
		);
	});
});

describe('the draft contract', () => {
	it("every draft the mapping makes is a complete draft and passes the e-Boekhouden node's check unchanged", () => {
		fc.assert(
			fc.property(anyOrder(), (generated) => {
				const draft = mapOrderToInvoice(generated.order, generated.settings);
				expect(draftSchema.parse(draft)).toEqual(draft);
				const checked = parseDraft(JSON.parse(JSON.stringify(draft)));
				expect(checked).toEqual({ ok: true, draft });
			}),
			{ numRuns: 300 },
		);
	});
});

describe('bad input', () => {
	it('of any JSON value gives a MappingError, never a TypeError', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => mapOrMappingError(value)),
			{ numRuns: 500 },
		);
	});

	it('of any JSON object, also with order-like keys, gives a MappingError', () => {
		const keys = fc.constantFrom(
			'number',
			'date',
			'status',
			'debtor',
			'price',
			'orderlines',
			'shipping',
			'payment',
			'payments',
			'credited_order_number',
		);
		fc.assert(
			fc.property(fc.dictionary(keys, fc.jsonValue()), (value) => mapOrMappingError(value)),
			{ numRuns: 500 },
		);
	});

	it('where one field of a valid order is replaced by any JSON value gives a MappingError or a draft', () => {
		fc.assert(
			fc.property(generatedOrder(), fc.nat(), fc.jsonValue(), (generated, pick, value) => {
				const order = structuredClone(generated.order);
				const paths = pathsOf(order);
				const path = paths[pick % paths.length];
				setAt(order, path, value);
				mapOrMappingError(order);
			}),
			{ numRuns: 1500 },
		);
	});

	it('in the settings gives a MappingError naming the setting', () => {
		const keys = fc.constantFrom(
			'invoicePrefix',
			'termOfPayment',
			'paymentLedgers',
			'ossVatLedgerByCountry',
			'ossEnabled',
			'costCenterId',
			'zeroTotalOrders',
			'euSupplyType',
			'giftCardLedger',
			'giftCardProducts',
			'giftCardMethods',
			'payLaterLedgers',
		);
		fc.assert(
			fc.property(generatedOrder(), fc.dictionary(keys, fc.jsonValue()), (generated, settings) =>
				mapOrMappingError(generated.order, settings),
			),
			{ numRuns: 300 },
		);
	});
});

/** A generated order, sale or credit, with or without its transactions. */
function anyOrder(): fc.Arbitrary<GeneratedOrder> {
	return fc.oneof(
		generatedOrder(),
		withTransactions().map(({ generated }) => generated),
	);
}

/** Methods a transaction may have: gift cards and store credit are the shop's own, the rest move money. */
const METHODS = [
	{ method: 'webshop_giftcard', gateway: 'webshop', giftCard: true },
	{ method: 'store_credit', gateway: 'webshop', giftCard: true },
	{ method: 'ideal:ideal_INGBNL2A', gateway: 'mollie', giftCard: false },
	{ method: 'paypal', gateway: 'paypal', giftCard: false },
	{ method: 'klarna_paylater', gateway: 'klarna_checkout', giftCard: false },
	{ method: 'bank_transfer', gateway: 'basic', giftCard: false },
];

/**
 * A generated sale split over one to four transactions that add up to its total: captured or (pay later)
 * authorised, some paid with a gift card or store credit, some that moved no money at all (failed) on top.
 */
function withTransactions(): fc.Arbitrary<{ generated: GeneratedOrder; giftCardCents: number }> {
	return generatedOrder()
		.filter((generated) => !generated.credit && generated.totalCents > 0)
		.chain((generated) =>
			fc
				.record({
					cuts: fc.array(fc.integer({ min: 0, max: generated.totalCents }), { maxLength: 3 }),
					methods: fc.array(fc.nat(METHODS.length - 1), { minLength: 4, maxLength: 4 }),
					authorised: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
					failed: fc.boolean(),
					giftCardLedger: fc.constantFrom('1620', ''),
				})
				.map(({ cuts, methods, authorised, failed, giftCardLedger }) => {
					const points = [0, ...cuts.sort((a, b) => a - b), generated.totalCents];
					let giftCardCents = 0;
					const payments = points.slice(1).map((end, index) => {
						const price = end - points[index];
						const { method, gateway, giftCard } = METHODS[methods[index]];
						if (giftCard && price > 0) giftCardCents += price;
						const type = authorised[index] && !giftCard ? 'authorize' : 'capture';
						return {
							id: `0000000${index}-aaaa-4000-8000-00000000000${index}`,
							gateway,
							method,
							price,
							isTest: false,
							mutations: [{ type, price, createdAt: `2025-03-1${index}T10:00:00+01:00` }],
						};
					});
					if (failed) {
						payments.push({
							id: '99999999-aaaa-4000-8000-000000000009',
							gateway: 'mollie',
							method: 'ideal',
							price: generated.totalCents,
							isTest: false,
							mutations: [{ type: 'failed', price: 0, createdAt: '2025-03-10T10:00:00+01:00' }],
						});
					}
					return {
						generated: {
							...generated,
							order: { ...generated.order, payments },
							settings: { ...generated.settings, giftCardLedger },
						},
						giftCardCents,
					};
				}),
		);
}

type Path = Array<string | number>;

function pathsOf(value: unknown, path: Path = []): Path[] {
	if (value === null || typeof value !== 'object') return [path];
	const entries = Array.isArray(value)
		? value.map((entry, index) => [index, entry] as const)
		: Object.entries(value);
	return [path, ...entries.flatMap(([key, entry]) => pathsOf(entry, [...path, key]))];
}

function setAt(target: Record<string, unknown>, path: Path, value: unknown): void {
	if (path.length === 0) {
		for (const key of Object.keys(target)) delete target[key];
		Object.assign(target, { replaced: value });
		return;
	}
	let parent: Record<string | number, unknown> = target;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
	parent[path[path.length - 1]] = value;
}
