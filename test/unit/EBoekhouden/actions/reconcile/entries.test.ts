import type { BooksInvoice } from '../../../../../nodes/EBoekhouden/actions/reconcile/books';
import { findDifferences } from '../../../../../nodes/EBoekhouden/actions/reconcile/differences';
import { entryTotals } from '../../../../../nodes/EBoekhouden/actions/reconcile/entries';
import {
	findSwitched,
	matchEntries,
} from '../../../../../nodes/EBoekhouden/actions/reconcile/entryMatch';
import { matchBooks } from '../../../../../nodes/EBoekhouden/actions/reconcile/match';
import type { LedgerCheck } from '../../../../../nodes/EBoekhouden/actions/reconcile/modeDifferences';
import type { ShopOrder } from '../../../../../nodes/EBoekhouden/actions/reconcile/shop';

/** Journal entries and cash sales written out by hand, in cents; the expectations are worked out by hand too. */
const H = 'HOOG_VERK_21';
const L = 'LAAG_VERK_9';
const PREFIXES = { invoice: 'MWW-', credit: 'MWW-C-' };
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

function order(number: number, mode: ShopOrder['mode'], extra: Partial<ShopOrder> = {}): ShopOrder {
	return {
		itemIndex: number - 1,
		orderNumber: String(number),
		kind: 'invoice',
		invoiceNumber: `MWW-${number}`,
		date: '2026-03-10',
		reference: String(number),
		byVatCode: { [H]: { amount: 12100, vat: 2100 } },
		total: 12100,
		vat: 2100,
		paid: 12100,
		mode,
		...extra,
	};
}

function entry(
	invoiceNumber: string,
	mode: BooksInvoice['mode'],
	extra: Partial<BooksInvoice> = {},
): BooksInvoice {
	return {
		id: 7,
		mode,
		invoiceNumber,
		date: '2026-03-10',
		reference: '',
		total: 12100,
		vat: 2100,
		byVatCode: { [H]: { amount: 12100, vat: 2100 } },
		ledgerId: 1300,
		...extra,
	};
}

const statuses = (orders: ShopOrder[], entries: BooksInvoice[], invoices: BooksInvoice[] = []) =>
	findDifferences(
		matchEntries(
			orders,
			entries,
			invoices,
			PREFIXES,
			PERIOD,
			new Set(orders.map((each) => each.invoiceNumber)),
		),
		new Map(),
	).map((difference) => `${difference.status} ${difference.invoiceNumber}`);

describe('Reconcile: a mutation’s totals per VAT code', () => {
	it('rows incl. VAT are the amounts; the VAT is e-Boekhouden’s per code', () => {
		expect(
			entryTotals({
				inExVat: 'IN',
				rows: [
					{ vatCode: H, amount: 100 },
					{ vatCode: H, amount: 21 },
					{ vatCode: L, amount: 10.9 },
				],
				vat: [
					{ vatCode: H, amount: 21 },
					{ vatCode: L, amount: 0.9 },
				],
			}),
		).toEqual({ [H]: { amount: 12100, vat: 2100 }, [L]: { amount: 1090, vat: 90 } });
	});

	it('rows excl. VAT get e-Boekhouden’s VAT added, even where it rounds otherwise than a sum per code would', () => {
		// 0.05 + 0.05 excl. at 21% is 0.021, 2 cents by the code's sum; the books say 3.
		expect(
			entryTotals({
				inExVat: 'EX',
				rows: [
					{ vatCode: H, amount: 0.05 },
					{ vatCode: H, amount: 0.05 },
				],
				vat: [{ vatCode: H, amount: 0.03 }],
			}),
		).toEqual({ [H]: { amount: 13, vat: 3 } });
	});

	it('without vat[] the VAT is computed per code over its total; negative rows (a refund) stay negative', () => {
		expect(entryTotals({ inExVat: 'IN', rows: [{ vatCode: H, amount: -121 }], vat: [] })).toEqual({
			[H]: { amount: -12100, vat: -2100 },
		});
	});
});

describe('Reconcile: journal entries and cash sales matched to orders', () => {
	it('an order with its entry in its own mode, same totals, is right', () => {
		expect(statuses([order(1, 'journalEntry')], [entry('MWW-1', 'journalEntry')])).toEqual([]);
		expect(statuses([order(2, 'cashSale')], [entry('MWW-2', 'cashSale')])).toEqual([]);
	});

	it('an entry in the other mode only is “booked in another mode”, not missing and not fixable', () => {
		const matching = matchEntries(
			[order(1, 'journalEntry')],
			[entry('MWW-1', 'cashSale')],
			[],
			PREFIXES,
			PERIOD,
			new Set(['MWW-1']),
		);
		const [difference] = findDifferences(matching, new Map());
		expect(difference).toMatchObject({
			status: 'bookedInOtherMode',
			fixable: false,
			facts: { bookingMode: 'journalEntry', bookedAs: 'cashSale', difference: 0 },
		});
		expect(statuses([order(3, 'cashSale')], [], [entry('MWW-3', 'invoice')])).toEqual([
			'bookedInOtherMode MWW-3',
		]);
	});

	it('the same number in its own mode and in another is booked twice', () => {
		expect(
			statuses(
				[order(1, 'journalEntry')],
				[entry('MWW-1', 'journalEntry'), entry('MWW-1', 'cashSale', { id: 8 })],
			),
		).toEqual(['bookedTwice MWW-1']);
	});

	it('an entry with the prefix in the period that no draft holds is not in the shop; others are not the shop’s', () => {
		expect(
			statuses(
				[order(1, 'cashSale')],
				[
					entry('MWW-1', 'cashSale'),
					entry('MWW-77', 'cashSale'),
					entry('F-2026-1', 'cashSale'),
					entry('MWW-78', 'cashSale', { date: '2026-04-01' }),
				],
			),
		).toEqual(['notInShop MWW-77']);
	});

	it('an Invoice-mode order with no invoice but a journal entry under its number was booked before a switch', () => {
		const invoiceMatching = matchBooks([order(5, 'invoice')], [], PREFIXES, PERIOD);
		findSwitched(invoiceMatching, [entry('MWW-5', 'journalEntry')]);
		expect(findDifferences(invoiceMatching, new Map())).toEqual([
			expect.objectContaining({
				status: 'bookedInOtherMode',
				facts: expect.objectContaining({ bookingMode: 'invoice', bookedAs: 'journalEntry' }),
			}),
		]);
	});

	it('a journal entry whose open item is still open is unpaid; one on another ledger than the debtors’ differs', () => {
		const ledgers: LedgerCheck = {
			expected: () => ({ id: 1300, code: '1300' }),
			codeOf: (id) => (id === 1600 ? '1600' : String(id)),
		};
		const matching = matchEntries(
			[order(1, 'journalEntry'), order(2, 'journalEntry')],
			[entry('MWW-1', 'journalEntry'), entry('MWW-2', 'journalEntry', { ledgerId: 1600 })],
			[],
			PREFIXES,
			PERIOD,
			new Set(['MWW-1', 'MWW-2']),
		);
		const differences = findDifferences(matching, new Map([['MWW-1', 12100]]), ledgers);
		expect(
			differences.map(({ status, invoiceNumber, fixable }) => [status, invoiceNumber, fixable]),
		).toEqual([
			['unpaid', 'MWW-1', true],
			['ledgerDiffers', 'MWW-2', false],
		]);
		expect(differences[1].facts).toMatchObject({ shopLedger: '1300', booksLedger: '1600' });
	});

	it('rows that put the revenue on another ledger than the order’s lines differ in ledger, not in amount', () => {
		const ledgers: LedgerCheck = {
			expected: () => ({ id: 1010, code: '1010' }),
			codeOf: (id) => ({ 1010: '1010', 8000: '8000', 8010: '8010' })[id] ?? String(id),
		};
		const sale = order(1, 'cashSale', { byLedgerCode: { '8000': 12000, '8100': 100 } });
		const booked = entry('MWW-1', 'cashSale', {
			ledgerId: 1010,
			byLedgerId: { 8000: 12000, 8010: 100 },
		});
		const matching = matchEntries([sale], [booked], [], PREFIXES, PERIOD, new Set(['MWW-1']));
		const [difference, ...more] = findDifferences(matching, new Map(), ledgers);
		expect(more).toEqual([]);
		expect(difference).toMatchObject({
			status: 'ledgerDiffers',
			facts: {
				shopLedger: '1010',
				booksLedger: '1010',
				revenueLedgers: [
					{ ledger: '8010', shopAmount: 0, booksAmount: 1 },
					{ ledger: '8100', shopAmount: 1, booksAmount: 0 },
				],
			},
		});
	});
});
