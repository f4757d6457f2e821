import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

/**
 * A gift card carries no VAT, so a shop may leave its rate empty. A book (12.10 at 21%) and a gift card of 25.00
 * with an empty or null rate: 37.10 in all.
 */
function withGiftCard(rate: string | null, settings = {}) {
	return mapOrderToInvoice(
		order({
			orderlines: [
				line('article', 1, 'Boek', price('12.10')),
				line('gift_card', 1, 'Cadeaubon', {
					amount: '25.000000',
					amount_including_tax: '25.00',
					rate,
				} as never),
			],
			price: { total: '37.10' },
		}),
		settings,
	);
}

describe('a gift card line without a VAT rate', () => {
	it.each(['', null])(
		'with rate %j is a gift card all the same: no VAT, on the gift-card ledger',
		(rate) => {
			const draft = withGiftCard(rate);
			expect(draft.invoice.items).toEqual([
				{
					description: 'Boek',
					quantity: 1,
					pricePerUnit: 12.1,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
				},
				{
					description: 'Cadeaubon',
					quantity: 1,
					pricePerUnit: 25,
					vatCode: 'GEEN',
					ledgerCode: '1620',
				},
			]);
		},
	);

	it('without a gift-card ledger is revenue without VAT, never spread over the rates of the products', () => {
		const draft = withGiftCard('', { giftCardLedger: '' });
		expect(draft.totals.byVatCode).toEqual({ HOOG_VERK_21: 12.1, GEEN: 25 });
		expect(draft.invoice.items[1]).toMatchObject({ vatCode: 'GEEN', ledgerCode: '8050' });
	});
});
