import { mapOrderToInvoice } from '../../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from '../orders';

describe('invoice number', () => {
	it('is the prefix + the order number, the same every time', () => {
		const input = order({ number: '1042' });
		expect(mapOrderToInvoice(input).invoice.invoiceNumber).toBe('MWW-1042');
		expect(mapOrderToInvoice(order({ number: 1042 })).invoice.invoiceNumber).toBe('MWW-1042');
		expect(mapOrderToInvoice(input, { invoicePrefix: 'WEB2025-' }).invoice.invoiceNumber).toBe(
			'WEB2025-1042',
		);
	});

	it('uses the credit prefix for credit orders', () => {
		const input = order({ number: 1043, credited_order_number: '1042' });
		expect(mapOrderToInvoice(input).invoice.invoiceNumber).toBe('MWW-C-1043');
		expect(mapOrderToInvoice(input, { creditInvoicePrefix: 'CR' }).invoice.invoiceNumber).toBe(
			'CR1043',
		);
	});

	it('must end in a digit', () => {
		expect(() => mapOrderToInvoice(order({ number: '1042-T' }))).toThrow(
			"Order 1042-T: number: invoice number 'MWW-1042-T' must end in a digit (e-Boekhouden FACT_009)",
		);
	});

	it('must fit 50 characters', () => {
		expect(() => mapOrderToInvoice(order(), { invoicePrefix: 'P'.repeat(47) })).toThrow(
			'is longer than 50 characters (FACT_007)',
		);
		expect(
			mapOrderToInvoice(order(), { invoicePrefix: 'P'.repeat(46) }).invoice.invoiceNumber,
		).toHaveLength(50);
	});
});

describe('credit orders', () => {
	const credit = (lines: unknown[], total: string) =>
		mapOrderToInvoice(
			order({
				number: 1043,
				status: 10,
				credited_order_number: 1042,
				orderlines: lines,
				price: { total },
			}),
		);

	it.each([
		[
			'positive',
			[line('article', 2, 'Boek', price('24.20')), line('shipping', 1, null, price('4.95'))],
			'29.15',
		],
		[
			'negative',
			[line('article', -2, 'Boek', price('-24.20')), line('shipping', 1, null, price('-4.95'))],
			'-29.15',
		],
	])('are negative in the books when the shop wrote them %s', (_sign, lines, total) => {
		const draft = credit(lines, total);
		expect(draft.kind).toBe('credit');
		expect(draft.invoice.items.map((item) => [item.quantity, item.pricePerUnit])).toEqual([
			[2, -12.1],
			[1, -4.95],
		]);
		expect(draft.totals).toEqual({ amountInclVat: -29.15, byVatCode: { HOOG_VERK_21: -29.15 } });
		expect(draft.payments.map((payment) => payment.amount)).toEqual([-29.15]);
	});

	it('name the original invoice in the text', () => {
		expect(credit([line('article', 1, 'Boek', price('12.10'))], '12.10').invoice.text).toBe(
			'Creditnota bij factuur MWW-1042 (Mijnwebwinkel-bestelling 1042)',
		);
	});

	it('are not credit orders when credited_order_number is empty or 0', () => {
		expect(mapOrderToInvoice(order({ credited_order_number: null })).kind).toBe('invoice');
		expect(mapOrderToInvoice(order({ credited_order_number: 0 })).kind).toBe('invoice');
		expect(mapOrderToInvoice(order({ credited_order_number: '' })).kind).toBe('invoice');
	});
});

describe('invoice fields', () => {
	it('carry the order date, IN VAT, the payment term and the B2B reference (cut to 50) or the order number', () => {
		const invoice = mapOrderToInvoice(
			order({ date: '2025-03-14 00:00:00', reference: 'R'.repeat(60) }),
			{ termOfPayment: 30 },
		).invoice;
		expect(invoice).toMatchObject({
			date: '2025-03-14',
			inExVat: 'IN',
			termOfPayment: 30,
			reference: 'R'.repeat(50),
		});
		expect(mapOrderToInvoice(order()).invoice).toMatchObject({
			reference: '1042',
			text: 'Mijnwebwinkel-bestelling 1042',
		});
	});
});
