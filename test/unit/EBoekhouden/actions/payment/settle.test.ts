import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import * as bookInvoicePayment from '../../../../../nodes/EBoekhouden/actions/payment/bookInvoicePayment.operation';
import * as bookRefund from '../../../../../nodes/EBoekhouden/actions/payment/bookRefund.operation';
import { explainError } from '../../../../../nodes/EBoekhouden/api/errors';
import * as transport from '../../../../../nodes/EBoekhouden/api/transport';
import { apiError } from '../../../../../nodes/EBoekhouden/api/transport';
import type { ApiRequest } from '../../../../../nodes/EBoekhouden/api/transport';
import { centsToEuros, eurosToCents } from '../../../../../nodes/shared/money';
import { LEDGERS, ScriptedBooks, list } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

interface Open {
	invoiceNumber: string;
	relationId: number;
	totalAmount: number;
	outstandingAmount: number;
}

const GIFT_CARD_LEDGER = {
	id: 22206503,
	code: '1620',
	description: 'Uitstaande cadeaubonnen',
	category: 'BAL',
};

type PaymentBooks = ScriptedBooks & { open: Open[]; refuse?: () => unknown };

/**
 * Open items as e-Boekhouden lists them: a payment lowers the outstanding amount; settled items disappear.
 * Every invoice is booked (has its type-2 mutation) unless its number is among `concepts`.
 */
function paymentBooks(open: Open[], invoices: IDataObject[] = [], concepts: string[] = []) {
	const items = open.map((item) => ({ ...item }));
	const books: PaymentBooks = Object.assign(new ScriptedBooks(), { open: items });
	books
		.on('GET /v1/ledger', list([...LEDGERS, GIFT_CARD_LEDGER]))
		.on('GET /v1/mutation/invoice/outstanding', (request: ApiRequest) =>
			list(
				items
					.filter((item) => item.outstandingAmount !== 0)
					.filter(
						(item) =>
							request.qs?.invoiceNumber === undefined ||
							item.invoiceNumber === request.qs.invoiceNumber,
					)
					.map((item) => ({ ...item })),
			),
		)
		.on('GET /v1/invoice', (request: ApiRequest) =>
			list(
				invoices.filter(
					(invoice) =>
						request.qs?.invoiceNumber === undefined ||
						invoice.invoiceNumber === request.qs.invoiceNumber,
				),
			),
		)
		.on('GET /v1/mutation', (request: ApiRequest) =>
			list(
				invoices
					.filter((invoice) => !concepts.includes(String(invoice.invoiceNumber)))
					.filter(
						(invoice) =>
							request.qs?.invoiceNumber === undefined ||
							invoice.invoiceNumber === request.qs.invoiceNumber,
					)
					.map((invoice) => ({
						id: 9000 + Number(invoice.id),
						type: 2,
						date: invoice.date,
						invoiceNumber: invoice.invoiceNumber,
					})),
			),
		)
		.on('POST /v1/mutation', (request: ApiRequest) => {
			if (books.refuse) return books.refuse();
			const body = request.body as { invoiceNumber: string; rows: Array<{ amount: number }> };
			const item = items.find((candidate) => candidate.invoiceNumber === body.invoiceNumber);
			const row = body.rows[0] as { amount: number; invoiceNumber?: string };
			const settled = items.find((candidate) => candidate.invoiceNumber === row.invoiceNumber);
			const paid = settled ?? item;
			if (paid) paid.outstandingAmount = minusEuros(paid.outstandingAmount, row.amount);
			return { id: 7799 + books.calls('POST /v1/mutation').length };
		});
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return books;
}

afterEach(() => jest.restoreAllMocks());

/** What is left open after a payment, in whole cents as e-Boekhouden keeps it. */
const minusEuros = (open: number, paid: number) =>
	centsToEuros(eurosToCents(open) - eurosToCents(paid));

/**
 * A second n8n worker (queue mode) books `amount` on the invoice after this one read it as open: e-Boekhouden
 * then refuses this worker's booking with the same payment reference, as it answers (docs/api-notes.md, e-Boekhouden appendix A).
 */
function otherWorkerPaysFirst(books: PaymentBooks, invoiceNumber: string, amount: number) {
	const refused = apiError(
		{ getNode: () => ({ name: 'e-Boekhouden.nl' }) } as unknown as IExecuteFunctions,
		explainError(400, {
			type: 'validation',
			code: 'MUTA_008',
			title: 'Payment reference already exists.',
			status: 400,
		}),
		400,
		[],
	);
	books.refuse = () => {
		const open = books.open.find((item) => item.invoiceNumber === invoiceNumber);
		if (open) open.outstandingAmount = minusEuros(open.outstandingAmount, amount);
		return refused;
	};
}

const draft = (
	invoiceNumber: string,
	amount: number,
	ledgerCode: string | null = '1020',
	kind = 'invoice',
) => ({
	kind,
	orderNumber: invoiceNumber.replace(/\D/g, ''),
	relation: { name: 'Jan', emailAddress: 'jan@example.com' },
	invoice: {
		invoiceNumber,
		date: '2026-05-01',
		termOfPayment: 14,
		items: [
			{
				description: 'x',
				quantity: 1,
				pricePerUnit: amount,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8000',
			},
		],
	},
	payment: { amount, date: '2026-05-02', ledgerCode },
});

const parameters = (value: IDataObject, extra: IDataObject = {}) => ({
	inputMode: 'draft',
	draft: value,
	paymentLedger: { __rl: true, mode: 'list', value: '' },
	debtorLedger: { __rl: true, mode: 'code', value: '1300' },
	options: {},
	...extra,
});

const pay = (drafts: IDataObject[], operation = bookInvoicePayment, continueOnFail = false) =>
	operation.execute.call(
		fakeContext({
			parameters: (index) => parameters(drafts[index]),
			items: drafts.map((json) => ({ json })),
			continueOnFail,
		}),
	);

describe('Payment → Book Invoice Payment', () => {
	it('books mutation type 3 on the payment ledger, linked by invoice number and relation on the row', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-1042', relationId: 5, totalAmount: 47.45, outstandingAmount: 47.45 },
		]);
		const [[item]] = await pay([draft('MWW-1042', 47.45)]);
		expect(books.calls('GET /v1/mutation/invoice/outstanding')[0].qs).toEqual({
			credDeb: 'D',
			invoiceNumber: 'MWW-1042',
			limit: 1,
			offset: 0,
		});
		expect(books.calls('POST /v1/mutation')[0].body).toEqual({
			type: 3,
			date: '2026-05-02',
			ledgerId: 22206455,
			relationId: 5,
			invoiceNumber: 'MWW-1042',
			description: 'Betaling MWW-1042',
			paymentReference: 'Betaling MWW-1042',
			checkPaymentReference: true,
			inExVat: 'EX',
			rows: [
				{
					ledgerId: 22206453,
					vatCode: 'GEEN',
					amount: 47.45,
					invoiceNumber: 'MWW-1042',
					relationId: 5,
					description: 'Betaling MWW-1042',
				},
			],
		});
		expect(books.calls('GET /v1/mutation')).toEqual([]);
		expect(item.json).toMatchObject({
			id: 7800,
			booked: true,
			alreadyPaid: false,
			amount: 47.45,
			ledgerCode: '1020',
			paymentReference: 'Betaling MWW-1042',
			outstandingBefore: 47.45,
			outstandingAfter: 0,
			orderNumber: '1042',
		});
	});

	it('another worker booked the same payment in between (MUTA_008): already paid, not an error', async () => {
		const books = paymentBooks(
			[{ invoiceNumber: 'MWW-1042', relationId: 5, totalAmount: 47.45, outstandingAmount: 47.45 }],
			[{ id: 1, invoiceNumber: 'MWW-1042', relationId: 5, date: '2026-05-01' }],
		);
		otherWorkerPaysFirst(books, 'MWW-1042', 47.45);
		const output = await pay([draft('MWW-1042', 47.45)], bookInvoicePayment, true);
		expect(books.calls('POST /v1/mutation')).toHaveLength(1);
		expect(output[0][0].json).toEqual({
			invoiceNumber: 'MWW-1042',
			relationId: 5,
			date: '2026-05-02',
			amount: 0,
			booked: false,
			alreadyPaid: true,
			paymentReference: 'Betaling MWW-1042',
			outstandingBefore: 0,
			outstandingAfter: 0,
			orderNumber: '1042',
		});
	});

	it('MUTA_008 while money is still open: already paid, with a warning saying what is open', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-5', relationId: 5, totalAmount: 30, outstandingAmount: 30 },
		]);
		otherWorkerPaysFirst(books, 'MWW-5', 10);
		const [[item]] = await pay([draft('MWW-5', 30)], bookInvoicePayment, true);
		expect(item.json).toMatchObject({
			booked: false,
			alreadyPaid: true,
			outstandingAfter: 20,
			warnings: [
				'A payment with reference "Betaling MWW-5" was booked before; €20.00 is still open on MWW-5.',
			],
		});
	});

	it('a long invoice number still gets a reference of at most 50 characters, distinct per invoice', async () => {
		const first = `MWW-${'7'.repeat(40)}-1`;
		const second = `MWW-${'7'.repeat(40)}-2`;
		const books = paymentBooks([
			{ invoiceNumber: first, relationId: 5, totalAmount: 10, outstandingAmount: 10 },
			{ invoiceNumber: second, relationId: 5, totalAmount: 10, outstandingAmount: 10 },
		]);
		await pay([draft(first, 10)]);
		await pay([draft(second, 10)]);
		const references = books
			.calls('POST /v1/mutation')
			.map((request) => String(request.body?.paymentReference));
		expect(references.map((reference) => reference.length)).toEqual([50, 50]);
		expect(references[0]).not.toBe(references[1]);
		expect(references[0].startsWith(`Betaling MWW-${'7'.repeat(28)}`)).toBe(true);
	});

	it('a second attempt finds nothing open and books nothing', async () => {
		const books = paymentBooks(
			[{ invoiceNumber: 'MWW-1042', relationId: 5, totalAmount: 47.45, outstandingAmount: 47.45 }],
			[{ id: 1, invoiceNumber: 'MWW-1042', relationId: 5, date: '2026-05-01' }],
		);
		await pay([draft('MWW-1042', 47.45)]);
		const [[again]] = await pay([draft('MWW-1042', 47.45)]);
		expect(books.calls('POST /v1/mutation')).toHaveLength(1);
		expect(again.json).toMatchObject({
			booked: false,
			alreadyPaid: true,
			amount: 0,
			relationId: 5,
		});
	});

	it('the same invoice twice in one batch is paid once', async () => {
		const books = paymentBooks(
			[{ invoiceNumber: 'MWW-1', relationId: 5, totalAmount: 10, outstandingAmount: 10 }],
			[{ id: 1, invoiceNumber: 'MWW-1', relationId: 5, date: '2026-05-01' }],
		);
		const output = await pay([draft('MWW-1', 10), draft('MWW-1', 10)]);
		expect(books.calls('POST /v1/mutation')).toHaveLength(1);
		expect(output[0].map((item) => item.json.alreadyPaid)).toEqual([false, true]);
		expect(books.calls('GET /v1/mutation/invoice/outstanding')[0].qs).toEqual({
			credDeb: 'D',
			limit: 2000,
			offset: 0,
		});
	});

	it('two executions at once pay an invoice once', async () => {
		const books = paymentBooks(
			[
				{ invoiceNumber: 'MWW-7', relationId: 5, totalAmount: 10, outstandingAmount: 10 },
				{ invoiceNumber: 'MWW-8', relationId: 5, totalAmount: 1, outstandingAmount: 1 },
			],
			[
				{ id: 1, invoiceNumber: 'MWW-7', relationId: 5, date: '2026-05-01' },
				{ id: 2, invoiceNumber: 'MWW-8', relationId: 5, date: '2026-05-01' },
			],
		);
		await Promise.all([
			pay([draft('MWW-7', 10), draft('MWW-8', 1)]),
			pay([draft('MWW-7', 10), draft('MWW-8', 1)]),
		]);
		expect(
			books.calls('POST /v1/mutation').filter((request) => request.body?.invoiceNumber === 'MWW-7'),
		).toHaveLength(1);
	});

	it('books no more than is still open, and says so', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-3', relationId: 5, totalAmount: 50, outstandingAmount: 20 },
		]);
		const [[item]] = await pay([draft('MWW-3', 50)]);
		expect(
			(books.calls('POST /v1/mutation')[0].body as { rows: IDataObject[] }).rows[0].amount,
		).toBe(20);
		expect(item.json.warnings).toEqual(['Only €20.00 was still open on MWW-3; booked that.']);
		// €30.00 was paid before: this instalment has its own reference, so e-Boekhouden does not refuse it.
		expect(books.calls('POST /v1/mutation')[0].body?.paymentReference).toBe(
			'Betaling MWW-3 na 30,00',
		);
	});

	it('a credit invoice is settled the other way: a negative amount, marked as refund', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-C-9', relationId: 5, totalAmount: -47.45, outstandingAmount: -47.45 },
		]);
		const [[item]] = await pay([draft('MWW-C-9', -47.45, '1010', 'credit')]);
		const body = books.calls('POST /v1/mutation')[0].body as {
			rows: IDataObject[];
			description: string;
			type: number;
		};
		expect(body.type).toBe(3);
		expect(body.rows[0].amount).toBe(-47.45);
		expect(body.description).toBe('Terugbetaling MWW-C-9');
		expect(books.calls('POST /v1/mutation')[0].body).toMatchObject({
			paymentReference: 'Terugbetaling MWW-C-9',
			checkPaymentReference: true,
		});
		expect(item.json).toMatchObject({ refund: true, amount: -47.45, outstandingAfter: 0 });
	});

	it('an invoice that is not in e-Boekhouden is a clear error, and nothing is booked', async () => {
		const books = paymentBooks([]);
		const output = await pay([draft('MWW-404', 5)], bookInvoicePayment, true);
		expect(output[0][0].json).toMatchObject({
			error: 'Order 404: Invoice MWW-404 does not exist in e-Boekhouden',
			details: expect.objectContaining({ orderNumber: '404', field: 'invoiceNumber' }),
		});
		expect(books.writes()).toEqual([]);
	});

	it('a concept invoice (never booked into the ledger) is a clear error, not "already paid"', async () => {
		const books = paymentBooks(
			[],
			[{ id: 1, invoiceNumber: 'MWW-77', relationId: 5, date: '2026-05-01' }],
			['MWW-77'],
		);
		const output = await pay([draft('MWW-77', 5)], bookInvoicePayment, true);
		expect(output[0][0].json).toEqual({
			error: 'Order 77: Invoice MWW-77 exists but was never booked into the ledger (a concept)',
			details: expect.objectContaining({ orderNumber: '77', field: 'invoiceNumber' }),
		});
		expect(String((output[0][0].json.details as IDataObject).description)).toMatch(
			/Book it in e-Boekhouden first/,
		);
		expect(books.calls('GET /v1/mutation')[0].qs).toEqual({
			type: 2,
			invoiceNumber: 'MWW-77',
			limit: 1,
			offset: 0,
		});
		expect(books.writes()).toEqual([]);
	});

	it('a re-run of a paid batch asks once whether its invoices were booked, not once per invoice', async () => {
		const numbers = ['MWW-11', 'MWW-12', 'MWW-13'];
		const books = paymentBooks(
			[],
			numbers.map((invoiceNumber, index) => ({
				id: index + 1,
				invoiceNumber,
				relationId: 5,
				date: '2026-05-01',
			})),
			['MWW-13'],
		);
		const output = await pay(
			numbers.map((invoiceNumber) => draft(invoiceNumber, 10)),
			bookInvoicePayment,
			true,
		);
		expect(output[0].map((item) => item.json.alreadyPaid ?? item.json.error)).toEqual([
			true,
			true,
			'Order 13: Invoice MWW-13 exists but was never booked into the ledger (a concept)',
		]);
		expect(books.calls('GET /v1/mutation').map((request) => request.qs)).toEqual([
			{ type: 2, 'date[range]': '2026-05-01,2026-05-01', limit: 2000, offset: 0 },
			{ type: 2, invoiceNumber: 'MWW-13', limit: 1, offset: 0 },
		]);
	});

	it('refuses a payment ledger that is not bank or cash before booking', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-1', relationId: 5, totalAmount: 10, outstandingAmount: 10 },
		]);
		await expect(pay([draft('MWW-1', 10, '8000')])).rejects.toMatchObject({
			message:
				'Order 1: Ledger 8000 is not a bank or payment-provider ledger (FIN) or a gift-card ledger (BAL); it is VW',
		});
		expect(books.writes()).toEqual([]);
	});

	it('a draft without a payment ledger has nothing to book: no call at all', async () => {
		const books = paymentBooks([]);
		const [[item]] = await pay([draft('MWW-1', 10, null)]);
		expect(item.json).toEqual({
			invoiceNumber: 'MWW-1',
			booked: false,
			skipped: true,
			reason: 'The draft has no payment ledger: nothing to book as paid.',
			orderNumber: '1',
		});
		expect(books.requests).toEqual([]);
	});

	it('by hand: 0 pays whatever is open, on the chosen ledger', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'F-1', relationId: 9, totalAmount: 99, outstandingAmount: 99 },
		]);
		await bookInvoicePayment.execute.call(
			fakeContext({
				parameters: {
					inputMode: 'manual',
					invoiceNumber: 'F-1',
					amount: 0,
					date: '2026-06-01T00:00:00',
					paymentLedger: { __rl: true, mode: 'code', value: '1010' },
					debtorLedger: { __rl: true, mode: 'code', value: '1300' },
					options: { description: 'Bank 12345' },
				},
			}),
		);
		expect(books.calls('POST /v1/mutation')[0].body).toMatchObject({
			ledgerId: 22206452,
			date: '2026-06-01',
			description: 'Bank 12345',
			rows: [expect.objectContaining({ amount: 99 })],
		});
	});

	it('by hand: an amount that is not whole cents is refused with its field, and nothing is booked', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'F-2', relationId: 9, totalAmount: 99, outstandingAmount: 99 },
		]);
		await expect(
			bookInvoicePayment.execute.call(
				fakeContext({
					parameters: {
						inputMode: 'manual',
						invoiceNumber: 'F-2',
						amount: 10.005,
						date: '2026-06-01T00:00:00',
						paymentLedger: { __rl: true, mode: 'code', value: '1010' },
						options: {},
					},
				}),
			),
		).rejects.toMatchObject({
			message: 'Amount 10.005 is not a whole number of cents',
			context: { field: 'amount' },
		});
		expect(books.writes()).toEqual([]);
	});
});

describe('Payment → Book Refund', () => {
	it('refunds what is open on a credit invoice', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-C-9', relationId: 5, totalAmount: -10, outstandingAmount: -10 },
		]);
		const [[item]] = await pay([draft('MWW-C-9', -10, '1010', 'credit')], bookRefund);
		expect(
			(books.calls('POST /v1/mutation')[0].body as { rows: IDataObject[] }).rows[0].amount,
		).toBe(-10);
		expect(item.json).toMatchObject({ refund: true, booked: true });
	});

	it('refuses an ordinary invoice, before booking', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-1', relationId: 5, totalAmount: 10, outstandingAmount: 10 },
		]);
		await expect(pay([draft('MWW-1', 10)], bookRefund)).rejects.toMatchObject({
			message: 'Order 1: Invoice MWW-1 is not a credit invoice',
		});
		expect(books.writes()).toEqual([]);
	});
});

/** Issue 11's example: 60.00 paid 25.00 with a gift card and 35.00 by iDEAL, each part with its own reference. */
const split = (invoiceNumber: string, payments: IDataObject[]) => ({
	...draft(invoiceNumber, 60),
	payment: undefined,
	payments,
});
const giftCardPart = {
	amount: 25,
	date: '2026-05-02',
	ledgerCode: '1620',
	kind: 'giftCard',
	method: 'webshop_giftcard',
	reference: '3c9e1f20',
};
const idealPart = {
	amount: 35,
	date: '2026-05-03',
	ledgerCode: '1020',
	kind: 'received',
	method: 'ideal',
	reference: '8c1ed7ea',
};

describe('Payment → Book Invoice Payment: a split payment', () => {
	it('books the gift-card part as a memorial against the gift-card ledger and the iDEAL part as a payment on Mollie', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-60', relationId: 5, totalAmount: 60, outstandingAmount: 60 },
		]);
		const [[item]] = await pay([split('MWW-60', [giftCardPart, idealPart])]);
		const [memorial, payment] = books.calls('POST /v1/mutation').map((request) => request.body);
		expect(memorial).toEqual({
			type: 7,
			date: '2026-05-02',
			ledgerId: 22206503,
			relationId: 5,
			description: 'Cadeaubon MWW-60',
			paymentReference: 'Betaling MWW-60 3c9e1f20',
			checkPaymentReference: true,
			inExVat: 'EX',
			rows: [
				{
					ledgerId: 22206453,
					vatCode: 'GEEN',
					amount: 25,
					invoiceNumber: 'MWW-60',
					relationId: 5,
					description: 'Cadeaubon MWW-60',
				},
			],
		});
		expect(payment).toMatchObject({
			type: 3,
			date: '2026-05-03',
			ledgerId: 22206455,
			invoiceNumber: 'MWW-60',
			paymentReference: 'Betaling MWW-60 8c1ed7ea',
			rows: [{ ledgerId: 22206453, amount: 35, invoiceNumber: 'MWW-60', relationId: 5 }],
		});
		expect(item.json).toMatchObject({
			invoiceNumber: 'MWW-60',
			booked: true,
			alreadyPaid: false,
			amount: 60,
			outstandingBefore: 60,
			outstandingAfter: 0,
			payments: [
				{ kind: 'giftCard', type: 7, amount: 25, ledgerCode: '1620', booked: true },
				{ kind: 'received', type: 3, amount: 35, ledgerCode: '1020', booked: true },
			],
		});
	});

	it('a re-run after the first part was booked books only the second: the first is refused by its reference', async () => {
		const books = paymentBooks(
			[{ invoiceNumber: 'MWW-61', relationId: 5, totalAmount: 60, outstandingAmount: 35 }],
			[{ id: 1, invoiceNumber: 'MWW-61', relationId: 5, date: '2026-05-01' }],
		);
		let first = true;
		books.refuse = () => {
			if (!first) return undefined;
			first = false;
			return apiError(
				{ getNode: () => ({ name: 'e-Boekhouden.nl' }) } as unknown as IExecuteFunctions,
				explainError(400, { type: 'validation', code: 'MUTA_008', title: 'x', status: 400 }),
				400,
				[],
			);
		};
		const refuseOnce = books.refuse;
		books.refuse = () => refuseOnce() ?? { id: 8001 };
		const [[item]] = await pay([split('MWW-61', [giftCardPart, idealPart])]);
		const references = books
			.calls('POST /v1/mutation')
			.map((request) => request.body?.paymentReference);
		expect(references).toEqual(['Betaling MWW-61 3c9e1f20', 'Betaling MWW-61 8c1ed7ea']);
		expect(item.json).toMatchObject({
			booked: true,
			amount: 35,
			payments: [
				{ kind: 'giftCard', booked: false, alreadyPaid: true },
				{ kind: 'received', booked: true, amount: 35 },
			],
		});
	});

	it('a part without a ledger (pay later not configured) is listed as skipped; the rest is booked', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-62', relationId: 5, totalAmount: 60, outstandingAmount: 60 },
		]);
		const later = { ...idealPart, ledgerCode: null, kind: 'payLater', method: 'afterpay' };
		const [[item]] = await pay([split('MWW-62', [giftCardPart, later])]);
		expect(books.calls('POST /v1/mutation')).toHaveLength(1);
		expect(item.json).toMatchObject({
			booked: true,
			amount: 25,
			outstandingAfter: 35,
			payments: [
				{ kind: 'giftCard', booked: true },
				{ kind: 'payLater', booked: false, skipped: true },
			],
		});
	});

	it('the Payment Ledger override applies to money received, never to a gift-card part', async () => {
		const books = paymentBooks([
			{ invoiceNumber: 'MWW-63', relationId: 5, totalAmount: 60, outstandingAmount: 60 },
		]);
		const value = split('MWW-63', [giftCardPart, idealPart]);
		await operationWith(value, { paymentLedger: { __rl: true, mode: 'list', value: '1010' } });
		expect(books.calls('POST /v1/mutation').map((request) => request.body?.ledgerId)).toEqual([
			22206503, 22206452,
		]);
	});

	it('refuses a draft whose parts share a reference, before any call', async () => {
		const books = paymentBooks([]);
		await expect(
			pay([split('MWW-64', [giftCardPart, { ...idealPart, reference: '3c9e1f20' }])]),
		).rejects.toMatchObject({
			message:
				'Order 64: payments[1].reference "3c9e1f20" is used by another payment of this draft',
		});
		expect(books.requests).toEqual([]);
	});
});

const operationWith = (value: IDataObject, extra: IDataObject) =>
	bookInvoicePayment.execute.call(
		fakeContext({
			parameters: () => parameters(value, extra),
			items: [{ json: value }],
			continueOnFail: false,
		}),
	);
