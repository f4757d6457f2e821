import type { BooksInvoice } from '../../../../../nodes/EBoekhouden/actions/reconcile/books';
import { findDifferences } from '../../../../../nodes/EBoekhouden/actions/reconcile/differences';
import { matchBooks } from '../../../../../nodes/EBoekhouden/actions/reconcile/match';
import type { ShopOrder } from '../../../../../nodes/EBoekhouden/actions/reconcile/shop';
import { summarise } from '../../../../../nodes/EBoekhouden/actions/reconcile/summary';

/** Orders and invoices written out by hand, in cents; the expectations are worked out by hand too. */
const H = 'HOOG_VERK_21';
const L = 'LAAG_VERK_9';

function order(
	number: number,
	total: number,
	vat: number,
	extra: Partial<ShopOrder> = {},
): ShopOrder {
	return {
		itemIndex: number - 1,
		orderNumber: String(number),
		kind: 'invoice',
		invoiceNumber: `MWW-${number}`,
		date: '2026-03-10',
		reference: String(number),
		byVatCode: { [H]: { amount: total, vat } },
		total,
		vat,
		paid: total,
		...extra,
	};
}

function invoice(
	invoiceNumber: string,
	total: number,
	vat: number,
	extra: Partial<BooksInvoice> = {},
): BooksInvoice {
	return { id: 1, invoiceNumber, date: '2026-03-10', reference: '', total, vat, ...extra };
}

const PREFIXES = { invoice: 'MWW-', credit: 'MWW-C-' };
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

const statuses = (
	orders: ShopOrder[],
	invoices: BooksInvoice[],
	open = new Map<string, number>(),
) =>
	findDifferences(matchBooks(orders, invoices, PREFIXES, PERIOD), open).map(
		(difference) => `${difference.status} ${difference.invoiceNumber}`,
	);

describe('Reconcile: matching and comparing', () => {
	it('finds nothing when every order has its invoice with the same totals, fully paid', () => {
		expect(statuses([order(1, 12100, 2100)], [invoice('MWW-1', 12100, 2100)])).toEqual([]);
	});

	it('an order without its invoice is missing, and Fix may book it', () => {
		const [missing] = findDifferences(
			matchBooks([order(1, 12100, 2100)], [], PREFIXES, PERIOD),
			new Map(),
		);
		expect(missing).toMatchObject({
			status: 'missing',
			orderNumber: '1',
			invoiceNumber: 'MWW-1',
			fixable: true,
			facts: { shopAmount: 121, shopPaid: 121 },
		});
	});

	it('an order booked only under a suffixed number is missing, but not fixable (it would be booked twice)', () => {
		const [missing] = findDifferences(
			matchBooks([order(1, 12100, 2100)], [invoice('MWW-1-2', 12100, 2100)], PREFIXES, PERIOD),
			new Map(),
		);
		expect(missing).toMatchObject({
			status: 'missing',
			fixable: false,
			facts: { bookedAs: ['MWW-1-2'] },
		});
	});

	it('a second invoice with the number and a suffix, or with the order number as reference, is booked twice', () => {
		expect(
			statuses(
				[order(1, 12100, 2100), order(2, 5000, 868)],
				[
					invoice('MWW-1', 12100, 2100),
					invoice('MWW-1/2', 12100, 2100),
					invoice('MWW-2', 5000, 868),
					invoice('F2026-7', 5000, 868, { reference: '2' }),
				],
			),
		).toEqual(['bookedTwice MWW-1', 'bookedTwice MWW-2']);
	});

	it('a credit note with the order number as reference is not a second booking of the order', () => {
		expect(
			statuses(
				[order(1, 12100, 2100)],
				[invoice('MWW-1', 12100, 2100), invoice('X-9', -12100, -2100, { reference: '1' })],
			),
		).toEqual([]);
	});

	it('an invoice with the prefix and no order is not in the shop; other sales and other months are left alone', () => {
		expect(
			statuses(
				[],
				[
					invoice('MWW-77', 1000, 174),
					invoice('MWW-C-78', -1000, -174),
					invoice('F2026-1', 1000, 174),
					invoice('MWW-79', 1000, 174, { date: '2026-04-01' }),
				],
			),
		).toEqual(['notInShop MWW-77', 'notInShop MWW-C-78']);
	});

	it('a different total is amountDiffers; the same total with another VAT split is vatDiffers', () => {
		const split = order(2, 8230, 1230, {
			byVatCode: { [H]: { amount: 6050, vat: 1050 }, [L]: { amount: 2180, vat: 180 } },
		});
		const differences = findDifferences(
			matchBooks(
				[order(1, 4600, 600), split],
				[
					invoice('MWW-1', 5205, 705, { byVatCode: { [H]: { amount: 5205, vat: 705 } } }),
					invoice('MWW-2', 8230, 1428, { byVatCode: { [H]: { amount: 8230, vat: 1428 } } }),
				],
				PREFIXES,
				PERIOD,
			),
			new Map([['MWW-1', 605]]),
		);
		expect(differences.map((each) => each.status)).toEqual(['amountDiffers', 'vatDiffers']);
		expect(differences[0].facts).toMatchObject({
			shopAmount: 46,
			booksAmount: 52.05,
			difference: 6.05,
		});
		expect(differences[1].facts.vatCodes).toEqual([
			{
				vatCode: H,
				shopAmount: 60.5,
				booksAmount: 82.3,
				shopVat: 10.5,
				booksVat: 14.28,
				difference: 21.8,
				vatDifference: 3.78,
			},
			{
				vatCode: L,
				shopAmount: 21.8,
				booksAmount: 0,
				shopVat: 1.8,
				booksVat: 0,
				difference: -21.8,
				vatDifference: -1.8,
			},
		]);
	});

	it('payments: nothing paid is unpaid, part paid is paymentDiffers, the credit order’s refund compares signed', () => {
		const credit = order(3, -1210, -210, { kind: 'credit', invoiceNumber: 'MWW-C-3', paid: -1210 });
		const open = new Map([
			['MWW-1', 12100],
			['MWW-2', 2500],
			['MWW-C-3', 0],
		]);
		expect(
			statuses(
				[order(1, 12100, 2100), order(2, 5000, 868), credit],
				[
					invoice('MWW-1', 12100, 2100),
					invoice('MWW-2', 5000, 868),
					invoice('MWW-C-3', -1210, -210),
				],
				open,
			),
		).toEqual(['unpaid MWW-1', 'paymentDiffers MWW-2']);
		const refundOpen = new Map([['MWW-C-3', -1210]]);
		expect(statuses([credit], [invoice('MWW-C-3', -1210, -210)], refundOpen)).toEqual([
			'unpaid MWW-C-3',
		]);
	});

	it('an order the sync does not book as paid (no ledger) expects nothing paid', () => {
		expect(
			statuses(
				[order(1, 12100, 2100, { paid: 0 })],
				[invoice('MWW-1', 12100, 2100)],
				new Map([['MWW-1', 12100]]),
			),
		).toEqual([]);
	});

	it('when the amount differs, a partial payment is not reported again; a missing one is', () => {
		const listed = [
			invoice('MWW-1', 13000, 2256, { byVatCode: { [H]: { amount: 13000, vat: 2256 } } }),
		];
		expect(statuses([order(1, 12100, 2100)], listed, new Map([['MWW-1', 900]]))).toEqual([
			'amountDiffers MWW-1',
		]);
		expect(statuses([order(1, 12100, 2100)], listed, new Map([['MWW-1', 13000]]))).toEqual([
			'amountDiffers MWW-1',
			'unpaid MWW-1',
		]);
	});
});

describe('Reconcile: the summary', () => {
	it('counts per status and sums per VAT code for shop and books, in euros from cents', () => {
		const orders = [
			order(1, 12100, 2100),
			order(2, 8230, 1230, {
				byVatCode: { [H]: { amount: 6050, vat: 1050 }, [L]: { amount: 2180, vat: 180 } },
			}),
			order(3, 1000, 174),
		];
		const invoices = [
			invoice('MWW-1', 12100, 2100),
			invoice('MWW-2', 8230, 1428, { byVatCode: { [H]: { amount: 8230, vat: 1428 } } }),
			invoice('MWW-9', 847, 147, { byVatCode: { [H]: { amount: 847, vat: 147 } } }),
		];
		const matching = matchBooks(orders, invoices, PREFIXES, PERIOD);
		const differences = findDifferences(matching, new Map());
		const summary = summarise({
			period: PERIOD,
			matching,
			differences,
			invalidDrafts: 0,
			skippedOrders: 0,
		});
		expect(summary).toMatchObject({
			kind: 'summary',
			orders: 3,
			ordersRight: 1,
			counts: { missing: 1, vatDiffers: 1, notInShop: 1, amountDiffers: 0, unpaid: 0 },
			vatCodes: [
				{
					vatCode: H,
					shop: { amount: 191.5, vat: 33.24, excl: 158.26 },
					books: { amount: 211.77, vat: 36.75, excl: 175.02 },
					difference: { amount: 20.27, vat: 3.51, excl: 16.76 },
				},
				{
					vatCode: L,
					shop: { amount: 21.8, vat: 1.8, excl: 20 },
					books: { amount: 0, vat: 0, excl: 0 },
					difference: { amount: -21.8, vat: -1.8, excl: -20 },
				},
			],
			total: {
				shop: { amount: 213.3, vat: 35.04, excl: 178.26 },
				books: { amount: 211.77, vat: 36.75, excl: 175.02 },
				difference: { amount: -1.53, vat: 1.71, excl: -3.24 },
			},
		});
	});
});
