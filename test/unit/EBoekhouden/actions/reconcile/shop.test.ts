import { invoiceDraftSchema } from '../../../../../nodes/shared/draft.schema';
import { expectedPaid } from '../../../../../nodes/EBoekhouden/actions/reconcile/payments';
import { shopOrderOf } from '../../../../../nodes/EBoekhouden/actions/reconcile/shop';
import { lineCents } from '../../../../../nodes/shared/money';
import { vatInside } from '../../../../../nodes/EBoekhouden/actions/reconcile/vat';

const base = {
	kind: 'invoice',
	orderNumber: '1042',
	relation: { type: 'P', name: 'Jan', emailAddress: 'jan@example.com' },
	invoice: {
		invoiceNumber: 'MWW-1042',
		date: '2026-03-02',
		inExVat: 'IN',
		termOfPayment: 14,
		reference: '1042',
		items: [
			{
				description: 'Koffie',
				quantity: 3,
				pricePerUnit: 19.99,
				vatCode: 'LAAG_VERK_9',
				ledgerCode: '8010',
			},
			{
				description: 'Molen',
				quantity: 1,
				pricePerUnit: 60.5,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8000',
			},
			{
				description: 'Verzending',
				quantity: 1,
				pricePerUnit: 4.95,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8100',
			},
		],
	},
};

const parse = (draft: object) => invoiceDraftSchema.parse(draft);

describe('Reconcile: the shop side of a draft', () => {
	it('totals per VAT code as e-Boekhouden computes them: per code over the code’s total', () => {
		const order = shopOrderOf(parse({ ...base, payments: [] }), 4);
		// 3 × 19.99 = 59.97, VAT 59.97 × 9/109 = 4.95; 60.50 + 4.95 = 65.45, VAT 65.45 × 21/121 = 11.36
		expect(order).toMatchObject({
			itemIndex: 4,
			orderNumber: '1042',
			invoiceNumber: 'MWW-1042',
			byVatCode: {
				LAAG_VERK_9: { amount: 5997, vat: 495 },
				HOOG_VERK_21: { amount: 6545, vat: 1136 },
			},
			total: 12542,
			vat: 1631,
			paid: 0,
		});
	});

	it('expects paid what the sync books against the invoice: parts with a ledger, gift cards included', () => {
		const draft = parse({
			...base,
			payments: [
				{ amount: 20, date: '2026-03-02', ledgerCode: '1620', kind: 'giftCard', reference: 'g1' },
				{
					amount: 80.42,
					date: '2026-03-02',
					ledgerCode: '1010',
					kind: 'received',
					reference: 'p1',
				},
				{ amount: 25, date: '2026-03-02', ledgerCode: null, kind: 'open', reference: 'open' },
			],
		});
		expect(expectedPaid(draft)).toBe(10042);
	});

	it('reads a draft of the single-payment shape too', () => {
		const draft = parse({
			...base,
			payment: { amount: 125.42, date: '2026-03-02', ledgerCode: '1010' },
		});
		expect(expectedPaid(draft)).toBe(12542);
	});

	it('a credit order is negative, its refund too', () => {
		const draft = parse({
			...base,
			kind: 'credit',
			invoice: {
				...base.invoice,
				invoiceNumber: 'MWW-C-5001',
				items: [
					{
						description: 'Molen',
						quantity: 1,
						pricePerUnit: -60.5,
						vatCode: 'HOOG_VERK_21',
						ledgerCode: '8000',
					},
				],
			},
			payments: [{ amount: -60.5, date: '2026-03-20', ledgerCode: '1010' }],
		});
		expect(shopOrderOf(draft, 0)).toMatchObject({ total: -6050, vat: -1050, paid: -6050 });
	});

	it('rounds a line once, half away from zero, and VAT inside an amount the same way', () => {
		expect(lineCents(1.5, 3.33)).toBe(500);
		expect(lineCents(1.5, -3.33)).toBe(-500);
		expect(lineCents(3, 19.99)).toBe(5997);
		expect(vatInside(12100, 21)).toBe(2100);
		expect(vatInside(-8230, 21)).toBe(-1428);
		expect(vatInside(1090, 9)).toBe(90);
	});
});
