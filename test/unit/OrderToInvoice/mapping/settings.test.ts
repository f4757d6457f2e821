import {
	DEFAULT_MAPPING_SETTINGS,
	mapOrderToInvoice,
} from '../../../../nodes/OrderToInvoice/mapping';
import { LEDGERS } from '../../../sandbox/books/chart';
import { order } from '../orders';

describe('settings', () => {
	it('default to ledgers that exist in the sandbox chart of accounts, each of the right category', () => {
		const category = (code: string) => LEDGERS.find((ledger) => ledger.code === code)?.category;
		const d = DEFAULT_MAPPING_SETTINGS;
		const revenue = [
			d.revenueLedgerHigh,
			d.revenueLedgerLow,
			d.revenueLedgerEuB2B,
			d.revenueLedgerExport,
			d.revenueLedgerDistanceSales,
			d.revenueLedgerNoVat,
			d.shippingLedger,
			d.paymentCostsLedger,
			d.roundingLedger,
		];
		const money = [
			d.bankLedger,
			...Object.values(d.paymentLedgers),
			...Object.values(d.payLaterLedgers),
		];
		expect(revenue.map(category)).toEqual(revenue.map(() => 'VW'));
		expect(money.map(category)).toEqual(money.map(() => 'FIN'));
		expect(category(d.ossVatLedger)).toBe('BAL');
		expect(category(d.giftCardLedger)).toBe('BAL');
		expect(d.creditInvoicePrefix).not.toBe(d.invoicePrefix);
	});

	it('take a value left undefined from the defaults', () => {
		expect(mapOrderToInvoice(order(), { invoicePrefix: undefined }).invoice.invoiceNumber).toBe(
			'MWW-1042',
		);
	});

	it('trim ledger codes but keep prefixes as given', () => {
		const draft = mapOrderToInvoice(order(), {
			revenueLedgerHigh: ' 8001 ',
			invoicePrefix: 'MWW 2025 ',
		});
		expect(draft.invoice.items[0].ledgerCode).toBe('8001');
		expect(draft.invoice.invoiceNumber).toBe('MWW 2025 1042');
	});

	it.each([
		[{ revenueLedgerHigh: '' }, 'Order 1042: settings.revenueLedgerHigh: must be a ledger code'],
		[{ termOfPayment: -1 }, 'Order 1042: settings.termOfPayment: must be a whole number of days'],
		[{ euSupplyType: 'diensten' }, "settings.euSupplyType: must be 'goods' or 'services'"],
		[
			{ paymentLedgers: { mollie: 1020 } },
			'settings.paymentLedgers: must map payment gateways or methods to ledger codes',
		],
		[{ costCenterId: 'Webshop' }, 'settings.costCenterId: must be a cost centre id or empty'],
		[{ zeroTotalOrders: 'drop' }, "settings.zeroTotalOrders: must be 'skip' or 'book'"],
		[
			{ giftCardProducts: 'Cadeaubon' },
			'settings.giftCardProducts: must be a list of product names',
		],
		[{ payLaterLedgers: { klarna: '' } }, 'settings.payLaterLedgers: must map payment methods'],
	])('reject %j with a MappingError naming the setting', (settings, message) => {
		expect(() => mapOrderToInvoice(order(), settings as never)).toThrow(message);
	});

	it('must be an object', () => {
		expect(() => mapOrderToInvoice(order(), 'MWW-' as never)).toThrow(
			'Order 1042: settings: must be an object',
		);
	});
});
