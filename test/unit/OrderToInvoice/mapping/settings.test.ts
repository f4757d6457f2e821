import {
	DEFAULT_MAPPING_SETTINGS,
	mapOrderToInvoice,
} from '../../../../nodes/OrderToInvoice/mapping';
import { order } from '../orders';

describe('settings', () => {
	it('default to the codes of the sandbox chart of accounts', () => {
		expect(DEFAULT_MAPPING_SETTINGS).toEqual({
			invoicePrefix: 'MWW-',
			creditInvoicePrefix: 'MWW-C-',
			termOfPayment: 14,
			revenueLedgerHigh: '8000',
			revenueLedgerLow: '8010',
			revenueLedgerEuB2B: '8020',
			revenueLedgerExport: '8030',
			revenueLedgerDistanceSales: '8040',
			revenueLedgerNoVat: '8050',
			shippingLedger: '8100',
			paymentCostsLedger: '8110',
			discountLedger: '',
			roundingLedger: '8900',
			euSupplyType: 'goods',
			ossEnabled: false,
			ossVatLedger: '1650',
			ossVatLedgerByCountry: {},
			bankLedger: '1010',
			paymentLedgers: { mollie: '1020', paypal: '1030' },
			bookPayments: true,
			bookRefunds: true,
			zeroTotalOrders: 'skip',
			costCenterId: null,
		});
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
	])('reject %j with a MappingError naming the setting', (settings, message) => {
		expect(() => mapOrderToInvoice(order(), settings as never)).toThrow(message);
	});

	it('must be an object', () => {
		expect(() => mapOrderToInvoice(order(), 'MWW-' as never)).toThrow(
			'Order 1042: settings: must be an object',
		);
	});
});
