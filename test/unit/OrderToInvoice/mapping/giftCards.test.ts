import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/** A book (12.10 at 21%) and a gift card of 25.00: 37.10 in all. */
function withGiftCard(giftCard: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
	return order({
		orderlines: [line('article', 1, 'Boek', price('12.10')), giftCard],
		price: { total: '37.10' },
		...overrides,
	});
}

const giftCardItem = {
	description: 'Cadeaubon',
	quantity: 1,
	pricePerUnit: 25,
	vatCode: 'GEEN',
	ledgerCode: '1620',
};

describe('a sold gift card (multi-purpose voucher)', () => {
	it('of line type gift_card is no revenue: GEEN on the gift-card ledger', () => {
		const draft = mapOrderToInvoice(
			withGiftCard(line('gift_card', 1, 'Cadeaubon', price('25.00', '0.00'))),
		);
		expect(draft.invoice.items[1]).toEqual(giftCardItem);
		// 12.10 at 21% + 25.00 without VAT = 37.10
		expect(draft.totals).toEqual({
			amountInclVat: 37.1,
			byVatCode: { HOOG_VERK_21: 12.1, GEEN: 25 },
		});
		expect(draft.warnings).toEqual([]);
	});

	it('listed by name or SKU in Gift Card Products is one too', () => {
		const byName = withGiftCard(line('article', 1, 'Cadeaubon', price('25.00', '0.00')));
		expect(mapOrderToInvoice(byName, { giftCardProducts: ['cadeaubon'] }).invoice.items[1]).toEqual(
			giftCardItem,
		);
		const bySku = withGiftCard({
			...line('article', 1, 'Cadeaubon', price('25.00', '0.00')),
			articles: [{ id: 7, description: 'Cadeaubon', sku: 'GIFT-25' }],
		});
		expect(mapOrderToInvoice(bySku, { giftCardProducts: ['GIFT-25'] }).invoice.items[1]).toEqual(
			giftCardItem,
		);
	});

	it('typed gift_card in the payments’ embedded payment order is one too', () => {
		const payments = [
			{
				id: 'p1',
				gateway: 'mollie',
				method: 'ideal',
				price: 3710,
				mutations: [{ type: 'capture', price: 3710, createdAt: '2025-03-14T10:00:00+01:00' }],
				order: {
					reference: '1042',
					lines: [
						{ id: 'a', type: 'physical', name: 'Boek', price: 1210 },
						{ id: 'b', type: 'gift_card', name: 'Cadeaubon', price: 2500 },
					],
				},
			},
		];
		const draft = mapOrderToInvoice(
			withGiftCard(line('article', 1, 'Cadeaubon', price('25.00', '0.00')), { payments }),
		);
		expect(draft.invoice.items[1]).toEqual(giftCardItem);
		expect(draft.payments).toMatchObject([{ amount: 37.1, ledgerCode: '1020', kind: 'received' }]);
	});

	it('sold with VAT is booked without VAT, with a warning naming the line', () => {
		const draft = mapOrderToInvoice(
			withGiftCard(line('gift_card', 1, 'Cadeaubon', price('25.00'))),
		);
		expect(draft.invoice.items[1]).toEqual(giftCardItem);
		expect(draft.warnings).toEqual([
			"orderlines[1]: gift card 'Cadeaubon' was sold with 21% VAT; a multi-purpose gift card carries none, so it is booked without VAT on the gift-card ledger",
		]);
	});

	it('without a gift-card ledger stays revenue, with a warning', () => {
		const draft = mapOrderToInvoice(
			withGiftCard(line('gift_card', 1, 'Cadeaubon', price('25.00', '0.00'))),
			{ giftCardLedger: '' },
		);
		expect(draft.invoice.items[1]).toMatchObject({ vatCode: 'GEEN', ledgerCode: '8050' });
		expect(draft.warnings.join()).toContain(
			"orderlines[1]: gift card 'Cadeaubon' is booked as revenue because Gift Card Ledger is empty",
		);
	});

	it('a 0% line that looks like a voucher while no gift-card ledger is set gets a warning naming the line', () => {
		const draft = mapOrderToInvoice(
			withGiftCard(line('article', 1, 'Cadeaukaart 25 euro', price('25.00', '0.00'))),
			{ giftCardLedger: '' },
		);
		expect(draft.invoice.items[1]).toMatchObject({ ledgerCode: '8050' });
		expect(draft.warnings).toEqual([
			"orderlines[1]: 'Cadeaukaart 25 euro' at 0% looks like a voucher and is booked as revenue; set Gift Card Ledger (and Gift Card Products) if it is a gift card",
		]);
	});

	it('spent store credit shown as a negative store_credit line lowers the debt, not the revenue', () => {
		const draft = mapOrderToInvoice(
			order({
				orderlines: [
					line('article', 1, 'Boek', price('12.10')),
					line('store_credit', 1, 'Tegoed', price('-5.00', '0.00')),
				],
				price: { total: '7.10' },
			}),
		);
		expect(draft.invoice.items[1]).toEqual({
			description: 'Tegoed',
			quantity: 1,
			pricePerUnit: -5,
			vatCode: 'GEEN',
			ledgerCode: '1620',
		});
		expect(draft.warnings).toEqual([]);
	});

	it('a redeemed gift card shown as a negative gift_card line lowers the debt, not the revenue', () => {
		const draft = mapOrderToInvoice(
			order({
				orderlines: [
					line('article', 1, 'Boek', price('12.10')),
					line('gift_card', 1, 'Cadeaubon ingewisseld', price('-10.00', '0.00')),
				],
				price: { total: '2.10' },
			}),
		);
		expect(draft.invoice.items).toEqual([
			{
				description: 'Boek',
				quantity: 1,
				pricePerUnit: 12.1,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8000',
			},
			{
				description: 'Cadeaubon ingewisseld',
				quantity: 1,
				pricePerUnit: -10,
				vatCode: 'GEEN',
				ledgerCode: '1620',
			},
		]);
		expect(draft.totals.byVatCode).toEqual({ HOOG_VERK_21: 12.1, GEEN: -10 });
	});
});
