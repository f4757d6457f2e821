import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { ExecuteContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { executeNode } from '../../harness';
import { OrderToInvoice } from '../../../nodes/OrderToInvoice/OrderToInvoice.node';
import { DEFAULT_MAPPING_SETTINGS } from '../../../nodes/OrderToInvoice/mapping';
import { line, order, price } from './orders';

const NODE_DIR = join(__dirname, '../../../nodes/OrderToInvoice');
const golden = (name: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../golden', name), 'utf8'));

const items = (...orders: unknown[]): INodeExecutionData[] =>
	orders.map((json) => ({ json: json as IDataObject }));
const noEmail = order({ number: 1043, debtor: { name: 'Jan' } });
const zeroTotal = order({
	number: 1044,
	orderlines: [line('article', 1, 'Gratis', price('0.00'))],
	price: { total: '0.00' },
});

describe('Order to Invoice node: description', () => {
	const { description } = new OrderToInvoice();

	it('is a transform node usable as an AI tool, whose only credential is optional, with themed icons and a codex file', () => {
		expect(description).toMatchObject({
			name: 'orderToInvoice',
			displayName: 'Order to Invoice',
			group: ['transform'],
			usableAsTool: true,
		});
		expect(description.credentials).toEqual([{ name: 'eBoekhoudenApi', required: false }]);
		expect(
			existsSync(join(NODE_DIR, 'orderToInvoice.svg')) &&
				existsSync(join(NODE_DIR, 'orderToInvoice.dark.svg')),
		).toBe(true);
		const codex = JSON.parse(readFileSync(join(NODE_DIR, 'OrderToInvoice.node.json'), 'utf8'));
		expect(codex).toMatchObject({
			node: 'n8n-nodes-mijnwebwinkel-eboekhouden.orderToInvoice',
			categories: ['Finance & Accounting'],
		});
	});

	it('shows every setting of the mapping as a parameter, with the mapping default', () => {
		const parameters = new Map<string, INodeProperties>();
		for (const property of description.properties) {
			parameters.set(property.name, property);
			if (property.name === 'options')
				for (const option of property.options as INodeProperties[])
					parameters.set(option.name, option);
		}
		const byCode = (value: string) => ({ __rl: true, mode: 'code', value });
		for (const [name, value] of Object.entries(DEFAULT_MAPPING_SETTINGS)) {
			expect(parameters.has(name)).toBe(true);
			const parameter = parameters.get(name);
			const parameterDefault = parameter?.default;
			if (parameter?.type === 'resourceLocator') {
				expect([name, parameterDefault]).toEqual([name, { mode: 'code', value }]);
			} else if (name === 'paymentLedgers') {
				expect(parameterDefault).toEqual({
					rules: [
						{ paymentMethod: 'mollie', ledgerCode: byCode('1020') },
						{ paymentMethod: 'paypal', ledgerCode: byCode('1030') },
					],
				});
			} else if (name === 'payLaterLedgers') {
				expect(parameterDefault).toEqual({
					rules: [
						{ paymentMethod: 'klarna', ledgerCode: byCode('1040') },
						{ paymentMethod: 'afterpay', ledgerCode: byCode('1050') },
					],
				});
			} else if (name === 'giftCardProducts' || name === 'giftCardMethods') {
				expect([name, String(parameterDefault)]).toEqual([name, (value as string[]).join(', ')]);
			} else if (name === 'ossVatLedgerByCountry') {
				expect(parameterDefault).toEqual({});
			} else if (name === 'costCenterId') {
				expect(parameterDefault).toBe(0);
			} else {
				expect([name, parameterDefault]).toEqual([name, value]);
			}
		}
	});

	it("explains ledgers in the bookkeeper's terms", () => {
		const text = JSON.stringify(description.properties);
		for (const term of ['grootboekrekening', 'btw-code', 'kostenplaats', 'betalingstermijn'])
			expect(text.toLowerCase()).toContain(term);
	});
});

describe('Order to Invoice node: execution in n8n', () => {
	it('outputs the invoice draft of each order, paired to its input item', async () => {
		const sale = golden('official-example-sale.json');
		const live = golden('live-shape-sale.json');
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: items(sale.order, live.order),
		});
		expect(output[0].map((item) => item.json)).toEqual([sale.expected, live.expected]);
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('uses the settings a user sets in the node', async () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('10.00')),
				line('discount', 1, 'Korting', [price('-1.00')]),
				line('shipping', 1, null, price('3.10')),
			],
			price: { total: '12.10' },
		});
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {
				invoicePrefix: 'WEB-',
				shippingLedger: '8101',
				paymentLedgers: { rules: [{ paymentMethod: 'ideal', ledgerCode: '1040' }] },
				options: { discountLedger: '8200', costCenterId: 3, termOfPayment: 30 },
			},
			items: items(input),
		});
		const draft = output[0][0].json as unknown as ReturnType<typeof JSON.parse>;
		expect(draft.invoice.invoiceNumber).toBe('WEB-1042');
		expect(draft.invoice.termOfPayment).toBe(30);
		expect(
			draft.invoice.items.map((item: IDataObject) => [item.ledgerCode, item.costCenterId]),
		).toEqual([
			['8000', 3],
			['8200', 3],
			['8101', 3],
		]);
		expect(draft.payments[0].ledgerCode).toBe('1040');
	});

	it('books OSS sales on the per-country ledger set in the node', async () => {
		const oss = golden('oss-distance-sale.json');
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {
				ossEnabled: true,
				ossVatLedgerByCountry: { countries: [{ country: 'de', ledgerCode: '1652' }] },
			},
			items: items(oss.order),
		});
		const draftItems = (output[0][0].json.invoice as IDataObject).items as IDataObject[];
		expect(draftItems[2]).toMatchObject({
			description: 'Btw DE 19% (OSS)',
			pricePerUnit: 19.95,
			ledgerCode: '1652',
		});
	});

	it('carries the Booking Mode set in the node, and books the relation unless Cash Sale has it off', async () => {
		const run = async (parameters: INodeParameters) =>
			(await executeNode(new OrderToInvoice(), { parameters, items: items(order()) })).output[0][0]
				.json;
		expect(await run({})).toMatchObject({ bookingMode: 'invoice', bookRelation: true });
		expect(await run({ bookingMode: 'journalEntry' })).toMatchObject({
			bookingMode: 'journalEntry',
			bookRelation: true,
		});
		expect(await run({ bookingMode: 'cashSale' })).toMatchObject({
			bookingMode: 'cashSale',
			bookRelation: true,
		});
		expect(await run({ bookingMode: 'cashSale', cashSaleRelation: false })).toMatchObject({
			bookingMode: 'cashSale',
			bookRelation: false,
		});
		// Hidden outside Cash Sale: a value left there from an earlier choice does not drop the relation.
		expect(await run({ bookingMode: 'journalEntry', cashSaleRelation: false })).toMatchObject({
			bookingMode: 'journalEntry',
			bookRelation: true,
		});
	});

	it('shows Book Customer as Relation only for Cash Sale, and describes what each mode books', () => {
		const parameters = new OrderToInvoice().description.properties;
		const relation = parameters.find((parameter) => parameter.name === 'cashSaleRelation');
		expect(relation?.displayOptions).toEqual({ show: { bookingMode: ['cashSale'] } });
		const mode = parameters.find((parameter) => parameter.name === 'bookingMode');
		const described = Object.fromEntries(
			(mode?.options as Array<{ value: string; description: string }>).map((option) => [
				option.value,
				option.description,
			]),
		);
		expect(described.invoice).toContain('invoicing module');
		expect(described.journalEntry).toContain('Factuur verstuurd');
		expect(described.journalEntry).toContain('No invoicing module needed');
		expect(described.cashSale).toContain('Geld ontvangen');
	});

	it('reads the gift-card and pay-later settings set in the node', async () => {
		const input = order({
			orderlines: [
				line('article', 1, 'Boek', price('12.10')),
				line('article', 1, 'Cadeaubon 25', price('25.00', '0.00')),
			],
			price: { total: '37.10' },
			payment_status: 'authorized',
			payment: { gateway_name: 'afterpay', method_name: 'afterpay' },
		});
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {
				giftCardLedger: '1621',
				giftCardProducts: ' Cadeaubon 25 , GIFT-50',
				payLaterLedgers: { rules: [{ paymentMethod: 'afterpay', ledgerCode: '1051' }] },
			},
			items: items(input),
		});
		const draft = output[0][0].json as unknown as ReturnType<typeof JSON.parse>;
		expect(draft.invoice.items[1]).toEqual({
			description: 'Cadeaubon 25',
			quantity: 1,
			pricePerUnit: 25,
			vatCode: 'GEEN',
			ledgerCode: '1621',
		});
		expect(draft.payments).toMatchObject([{ kind: 'payLater', ledgerCode: '1051', amount: 37.1 }]);
	});

	it('with Continue On Fail turns a failing order into an error item naming order and field; the rest carry on', async () => {
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: items(order(), noEmail, 'not an order'),
			continueOnFail: true,
		});
		expect(output[0]).toHaveLength(3);
		expect(output[0][0].json.orderNumber).toBe('1042');
		expect(output[0][1]).toMatchObject({
			json: {
				error:
					'Order 1043: debtor.email: the order has no e-mail address to find or create the relation by',
				details: {
					orderNumber: '1043',
					field: 'debtor.email',
					description:
						'Order 1043, field debtor.email: complete the customer details of this order in Mijnwebwinkel, then run the order again.',
				},
			},
			pairedItem: { item: 1 },
		});
		expect(output[0][2].json).toMatchObject({
			details: {
				orderNumber: '(unknown)',
				field: '(order)',
				description: expect.stringContaining('book it by hand'),
			},
		});
	});

	it('checks each item against the order schema before mapping: a field that does not fit stops that order only', async () => {
		const unreadable = order({ number: 1045, price: { total: 'twelve' } });
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: items(unreadable, order()),
			onError: 'continueErrorOutput',
		});
		expect(output[0].map((item) => item.json.orderNumber)).toEqual(['1042']);
		expect(output[1]).toMatchObject([
			{
				json: {
					error: 'Order 1045: price.total: is not a decimal amount',
					details: { orderNumber: '1045', field: 'price.total' },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('puts failing orders on the error output with "Continue (using error output)"', async () => {
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: items(order(), noEmail),
			onError: 'continueErrorOutput',
		});
		expect(output[0].map((item) => item.json.orderNumber)).toEqual(['1042']);
		expect(output[1]).toHaveLength(1);
		expect(output[1][0].json).toMatchObject({
			error: expect.stringContaining('Order 1043'),
			details: { orderNumber: '1043', field: 'debtor.email' },
		});
		expect(output[1][0].pairedItem).toEqual({ item: 1 });
	});

	it('names the step that failed in the error item, so Failed Orders can say where without run data', async () => {
		const { output } = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: items(noEmail),
			onError: 'continueErrorOutput',
			nodeName: 'Map My Order',
		});
		expect(output[1][0].json.details).toMatchObject({ step: 'Map My Order' });
	});

	it('fails the node with the order number and field when On Error is Stop Workflow', async () => {
		await expect(
			executeNode(new OrderToInvoice(), { parameters: {}, items: items(order(), noEmail) }),
		).rejects.toThrow('Order 1043: debtor.email: the order has no e-mail address');
	});

	it('reports a setting the mapping rejects under its parameter name', async () => {
		await expect(
			executeNode(new OrderToInvoice(), {
				parameters: { revenueLedgerHigh: ' ' },
				items: items(order()),
			}),
		).rejects.toThrow('Order 1042: settings.revenueLedgerHigh: must be a ledger code');
	});

	it('leaves zero-total orders out by default, says so in a hint, and books them when asked', async () => {
		const hints = jest.spyOn(ExecuteContext.prototype, 'addExecutionHints');
		const skipped = await executeNode(new OrderToInvoice(), {
			parameters: {},
			items: items(zeroTotal, order()),
		});
		expect(skipped.output[0].map((item) => [item.json.orderNumber, item.pairedItem])).toEqual([
			['1042', { item: 1 }],
		]);
		expect(hints).toHaveBeenCalledWith({
			message: 'Skipped 1 zero-total order(s): 1044. Set Zero-Total Orders to Book to book them.',
			type: 'info',
			location: 'outputPane',
		});
		hints.mockRestore();
		const booked = await executeNode(new OrderToInvoice(), {
			parameters: { zeroTotalOrders: 'book' },
			items: items(zeroTotal),
		});
		expect(booked.output[0][0].json).toMatchObject({
			orderNumber: '1044',
			totals: { amountInclVat: 0 },
		});
	});
});
