import fc from 'fast-check';
import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import type { BookingMode, InvoiceDraft } from '../../../../nodes/OrderToInvoice/mapping/types';
import { generatedOrder } from '../arbitraries';
import { order } from '../orders';

const MODES: BookingMode[] = ['invoice', 'journalEntry', 'cashSale'];

/** The draft without the two fields the mode sets. */
function withoutMode(draft: InvoiceDraft): Partial<InvoiceDraft> {
	const rest: Partial<InvoiceDraft> = { ...draft };
	delete rest.bookingMode;
	delete rest.bookRelation;
	return rest;
}

describe('Booking Mode', () => {
	it('is Invoice with the relation booked when not set', () => {
		expect(mapOrderToInvoice(order())).toMatchObject({
			bookingMode: 'invoice',
			bookRelation: true,
		});
	});

	it.each(MODES)('%s is carried in the draft', (bookingMode) => {
		expect(mapOrderToInvoice(order(), { bookingMode }).bookingMode).toBe(bookingMode);
	});

	it.each([
		['invoice', true, true],
		['invoice', false, true],
		['journalEntry', true, true],
		['journalEntry', false, true],
		['cashSale', true, true],
		['cashSale', false, false],
	] as Array<[BookingMode, boolean, boolean]>)(
		'%s with Book Customer as Relation %s books the relation: %s',
		(bookingMode, cashSaleRelation, bookRelation) => {
			expect(mapOrderToInvoice(order(), { bookingMode, cashSaleRelation }).bookRelation).toBe(
				bookRelation,
			);
		},
	);

	it.each([
		[
			{ bookingMode: 'cash' },
			"settings.bookingMode: must be 'invoice', 'journalEntry' or 'cashSale'",
		],
		[{ cashSaleRelation: 'no' }, 'settings.cashSaleRelation: must be true or false'],
	])('%j is refused naming the setting', (settings, message) => {
		expect(() => mapOrderToInvoice(order(), settings as never)).toThrow(`Order 1042: ${message}`);
	});

	it('changes nothing else: every mode gives the same lines, btw-codes, payments, relation and totals', () => {
		fc.assert(
			fc.property(
				generatedOrder(),
				fc.constantFrom(...MODES),
				fc.boolean(),
				(generated, bookingMode, cashSaleRelation) => {
					const asInvoice = withoutMode(mapOrderToInvoice(generated.order, generated.settings));
					const draft = mapOrderToInvoice(generated.order, {
						...generated.settings,
						bookingMode,
						cashSaleRelation,
					});
					expect(draft.bookingMode).toBe(bookingMode);
					expect(withoutMode(draft)).toEqual(asInvoice);
				},
			),
			{ numRuns: 200 },
		);
	});
});
