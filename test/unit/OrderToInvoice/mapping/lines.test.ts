import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { quantityAndPrice } from '../../../../nodes/OrderToInvoice/mapping/items';
import { line, order, price } from '../orders';

const itemsOf = (input: Record<string, unknown>) =>
	mapOrderToInvoice(input).invoice.items.map(
		({ description, quantity, pricePerUnit, vatCode, ledgerCode }) => [
			description,
			quantity,
			pricePerUnit,
			vatCode,
			ledgerCode,
		],
	);

describe('quantity and price per unit', () => {
	it('keeps the quantity when the line total divides into whole cents', () => {
		// 9.90 / 2 = 4.95
		expect(quantityAndPrice('Article B', 2, 990)).toEqual({
			description: 'Article B',
			quantity: 2,
			unitCents: 495,
		});
	});

	it('books quantity 1 with the quantity in the description otherwise', () => {
		// 10.00 / 3 = 3.333…
		expect(quantityAndPrice('Mok', 3, 1000)).toEqual({
			description: '3 x Mok',
			quantity: 1,
			unitCents: 1000,
		});
	});

	it('keeps a negative credit total whole: -9.90 for 2 is 2 × -4.95', () => {
		expect(quantityAndPrice('Article B', -2, -990)).toEqual({
			description: 'Article B',
			quantity: 2,
			unitCents: -495,
		});
	});

	it('handles a zero or fractional quantity as quantity 1', () => {
		expect(quantityAndPrice('Kaas', 1.5, 1299)).toEqual({
			description: '1.5 x Kaas',
			quantity: 1,
			unitCents: 1299,
		});
		expect(quantityAndPrice('Gratis', 0, 0)).toEqual({
			description: '0 x Gratis',
			quantity: 1,
			unitCents: 0,
		});
	});
});

describe('order lines become items', () => {
	it('gives shipping and payment costs their own ledgers and default names', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('12.10')),
				line('shipping', 1, null, price('4.95')),
				line('payment', 1, '', price('0.29')),
			],
			price: { total: '17.34' },
		});
		expect(itemsOf(input)).toEqual([
			['Boek', 1, 12.1, 'HOOG_VERK_21', '8000'],
			['Verzendkosten', 1, 4.95, 'HOOG_VERK_21', '8100'],
			['Betaalkosten', 1, 0.29, 'HOOG_VERK_21', '8110'],
		]);
	});

	it('keeps the description the shop gave a shipping line', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('12.10')),
				line('shipping', 1, 'Verzending PostNL', price('4.95')),
			],
			price: { total: '17.05' },
		});
		expect(itemsOf(input)[1][0]).toBe('Verzending PostNL');
	});

	it('splits a line priced over two rates into one item per rate', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('12.10')),
				line('article', 1, 'Boek', price('10.90', '9.00')),
				line('shipping', 1, null, [price('2.00', '9.00'), price('3.00', '21.00')]),
			],
			price: { total: '28.00' },
		});
		expect(itemsOf(input).slice(2)).toEqual([
			['Verzendkosten (9% btw)', 1, 2, 'LAAG_VERK_9', '8100'],
			['Verzendkosten (21% btw)', 1, 3, 'HOOG_VERK_21', '8100'],
		]);
		expect(mapOrderToInvoice(input).totals.byVatCode).toEqual({
			HOOG_VERK_21: 15.1,
			LAAG_VERK_9: 12.9,
		});
	});

	it('derives a missing amount including VAT from amount × (1 + rate), half up, and never reads price.tax', () => {
		// 10.004132 × 1.21 = 12.10499972 → 12.10
		const input = order({
			orderlines: [line('article', 1, 'Boek', { amount: '10.004132', rate: '21.00' })],
			price: { tax: { amount: '4.20', rate: '21.00' }, total: '12.10' },
		});
		expect(itemsOf(input)).toEqual([['Boek', 1, 12.1, 'HOOG_VERK_21', '8000']]);
	});

	it('prefers amount_including_tax over amount', () => {
		const input = order({
			orderlines: [line('article', 1, 'Boek', price('12.10', '21.00', '99.999999'))],
		});
		expect(itemsOf(input)).toEqual([['Boek', 1, 12.1, 'HOOG_VERK_21', '8000']]);
	});

	it('keeps a free product and leaves out zero shipping', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('12.10')),
				line('article', 1, 'Sticker', price('0.00')),
				line('shipping', 1, null, price('0.00')),
			],
		});
		expect(itemsOf(input).map(([description]) => description)).toEqual(['Boek', 'Sticker']);
	});

	it('books a positive line of an unknown type as revenue, with a warning', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('10.00')),
				line('gift_wrap', 1, 'Inpakken', price('2.10')),
			],
		});
		const draft = mapOrderToInvoice(input);
		expect(draft.invoice.items[1]).toMatchObject({ description: 'Inpakken', ledgerCode: '8000' });
		expect(draft.warnings).toEqual([
			"orderlines[1].type: unknown order line type 'gift_wrap' booked as revenue",
		]);
	});

	it('puts the cost centre (kostenplaats) on every item when set', () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('7.15')),
				line('shipping', 1, null, price('4.95')),
			],
		});
		const draft = mapOrderToInvoice(input, { costCenterId: 42 });
		expect(draft.invoice.items.map((item) => item.costCenterId)).toEqual([42, 42]);
		expect(mapOrderToInvoice(input).invoice.items[0]).not.toHaveProperty('costCenterId');
	});

	it('cuts an item description to 200 characters', () => {
		const input = order({ orderlines: [line('article', 1, 'x'.repeat(300), price('12.10'))] });
		expect(mapOrderToInvoice(input).invoice.items[0].description).toHaveLength(200);
	});
});
