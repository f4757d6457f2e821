import { mapOrderToInvoice, MappingError } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/** Two lines from before April 2019 whose derived amounts are 4.50 (9%) and 30.00 (21%): 34.50 in all. */
const derived = [
	line('article', 1, 'Thee', { amount: '4.128440', rate: '9.00' }),
	line('article', 3, 'Theepot', { amount: '24.793389', rate: '21.00' }),
];

describe('totals check', () => {
	it('adds nothing when the lines add up to price.total', () => {
		const draft = mapOrderToInvoice(order({ orderlines: derived, price: { total: '34.50' } }));
		expect(draft.invoice.items).toHaveLength(2);
		expect(draft.warnings).toEqual([]);
		expect(draft.totals).toEqual({
			amountInclVat: 34.5,
			byVatCode: { LAAG_VERK_9: 4.5, HOOG_VERK_21: 30 },
		});
	});

	it('books up to one cent per rate as a rounding item on the rounding ledger, with a warning', () => {
		// two rates: up to 2 cents; 34.52 − 34.50 = +0.02
		const draft = mapOrderToInvoice(order({ orderlines: derived, price: { total: '34.52' } }), {
			roundingLedger: '8990',
		});
		expect(draft.invoice.items[2]).toEqual({
			description: 'Afrondingsverschil',
			quantity: 1,
			pricePerUnit: 0.02,
			vatCode: 'GEEN',
			ledgerCode: '8990',
		});
		expect(draft.totals.amountInclVat).toBe(34.52);
		expect(draft.warnings).toEqual([
			'price.total: the order lines add up to €34.50 and the order total is €34.52; the difference of €0.02 is booked on ledger 8990 as a rounding difference',
		]);
	});

	it('stops the order, stating both totals, beyond one cent per rate', () => {
		const input = order({ orderlines: derived, price: { total: '34.53' } });
		expect(() => mapOrderToInvoice(input)).toThrow(
			new MappingError(
				'1042',
				'price.total',
				'the order lines add up to €34.50 and the order total is €34.53; more than one cent per VAT rate apart, so this is not rounding',
			),
		);
	});

	it('allows one cent for an order with a single rate, not two', () => {
		const single = [line('article', 1, 'Boek', price('12.10'))];
		expect(
			mapOrderToInvoice(order({ orderlines: single, price: { total: '12.11' } })).totals
				.amountInclVat,
		).toBe(12.11);
		expect(() =>
			mapOrderToInvoice(order({ orderlines: single, price: { total: '12.12' } })),
		).toThrow('price.total');
	});

	it.each([
		['empty', { orderlines: [], price: { total: '5.00' } }],
		['missing', { orderlines: undefined, price: { total: '5.00' } }],
		['missing, with a zero total', { orderlines: undefined, price: { total: '0.00' } }],
		['null, with a zero total', { orderlines: null, price: { total: '0.00' } }],
	])('stops an order whose order lines are %s, saying so', (_what, overrides) => {
		expect(() => mapOrderToInvoice(order(overrides))).toThrow(
			'Order 1042: orderlines: the order has no order lines, so there is nothing to book',
		);
	});
});

describe('zero-total orders', () => {
	const free = order({
		orderlines: [
			line('article', 1, 'Proef', price('10.00')),
			line('discount', 1, 'Korting', [price('-10.00')]),
		],
		price: { total: '0.00' },
	});

	it('are skipped with a clear reason by default', () => {
		expect(mapOrderToInvoice(free).skipped).toEqual({
			reason:
				'the order total is €0.00; zero-total orders are not booked (setting Zero-Total Orders)',
		});
	});

	it('are booked when the setting says so', () => {
		const draft = mapOrderToInvoice(free, { zeroTotalOrders: 'book' });
		expect(draft).not.toHaveProperty('skipped');
		expect(draft.totals).toEqual({ amountInclVat: 0, byVatCode: { HOOG_VERK_21: 0 } });
	});
});
