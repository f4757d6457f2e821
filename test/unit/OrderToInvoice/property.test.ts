import fc from 'fast-check';
import { mapOrderToInvoice, MappingError } from '../../../nodes/OrderToInvoice/mapping';
import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { generatedOrder } from './arbitraries';

const cents = (euros: number) => Math.round(euros * 100);

function itemCentsByCode(draft: InvoiceDraft): Record<string, number> {
	const byCode: Record<string, number> = {};
	for (const item of draft.invoice.items) {
		byCode[item.vatCode] = (byCode[item.vatCode] ?? 0) + item.quantity * cents(item.pricePerUnit);
	}
	return byCode;
}

function withoutZeros(byCode: Record<string, number | undefined>): Record<string, number> {
	return Object.fromEntries(
		Object.entries(byCode)
			.map(([code, amount]) => [code, amount ?? 0] as const)
			.filter(([, amount]) => amount !== 0),
	);
}

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
				expect(withoutZeros(itemCentsByCode(draft))).toEqual(generated.byVatCode);
				expect(cents(draft.totals.amountInclVat)).toBe(generated.totalCents);
				expect(
					withoutZeros(
						Object.fromEntries(
							Object.entries(draft.totals.byVatCode).map(([code, euros]) => [
								code,
								cents(euros ?? 0),
							]),
						),
					),
				).toEqual(generated.byVatCode);
				expect(cents(draft.payment.amount)).toBe(generated.totalCents);
			}),
			{ numRuns: 400 },
		);
	});

	it('give whole cents per unit, whole positive quantities, and a stable invoice number ending in a digit', () => {
		fc.assert(
			fc.property(generatedOrder(), (generated) => {
				const draft = mapOrderToInvoice(generated.order, generated.settings);
				for (const item of draft.invoice.items) {
					expect(Number.isInteger(item.quantity) && item.quantity >= 1).toBe(true);
					expect(Math.abs(item.pricePerUnit * 100 - cents(item.pricePerUnit))).toBeLessThan(1e-6);
				}
				expect(draft.kind).toBe(generated.credit ? 'credit' : 'invoice');
				expect(draft.invoice.invoiceNumber).toMatch(generated.credit ? /^MWW-C-\d+$/ : /^MWW-\d+$/);
				expect(mapOrderToInvoice(generated.order, generated.settings)).toEqual(draft);
			}),
			{ numRuns: 200 },
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
		);
		fc.assert(
			fc.property(generatedOrder(), fc.dictionary(keys, fc.jsonValue()), (generated, settings) =>
				mapOrMappingError(generated.order, settings),
			),
			{ numRuns: 300 },
		);
	});
});

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
