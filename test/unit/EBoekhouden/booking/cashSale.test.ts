import type { IDataObject } from 'n8n-workflow';

import { invoiceInputFromDraft } from '../../../../nodes/EBoekhouden/actions/invoice/input';
import { parseDraft, type ParsedDraft } from '../../../../nodes/shared/draft.schema';
import { centsToEuros, eurosToCents, formatEuros } from '../../../../nodes/shared/money';
import * as transport from '../../../../nodes/EBoekhouden/api/transport';
import { cashSaleReference, cashSaleRequest } from '../../../../nodes/EBoekhouden/booking/cashSale';
import { cashSaleRefusal } from '../../../../nodes/EBoekhouden/booking/cashSaleRefusal';
import type { InvoiceDraft } from '../../../../nodes/OrderToInvoice/mapping/types';
import { makeDraft } from '../../../integration/EBoekhouden/drafts';
import { LEDGERS, ScriptedBooks, list } from '../books';
import { fakeContext } from '../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

function parsed(draft: InvoiceDraft): ParsedDraft {
	const result = parseDraft(draft);
	if (!result.ok) throw new Error(result.message);
	return result.draft;
}

const cash = (extra: Partial<InvoiceDraft> = {}): InvoiceDraft => ({
	...makeDraft(1042, 1, () => 0.5),
	bookingMode: 'cashSale',
	...extra,
});

async function requestFor(draft: InvoiceDraft): Promise<IDataObject> {
	const books = new ScriptedBooks().on('GET /v1/ledger', list(LEDGERS));
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return await cashSaleRequest(
		fakeContext({ parameters: {} }) as never,
		invoiceInputFromDraft(parsed(draft), 62976771),
		{},
	);
}

describe('cashSaleReference', () => {
	it('is MWW-cash- and the invoice number', () => {
		expect(cashSaleReference('MWW-1042')).toBe('MWW-cash-MWW-1042');
	});

	it('stays within 50 characters and apart for long invoice numbers', () => {
		const one = cashSaleReference(`${'A'.repeat(45)}1`);
		const two = cashSaleReference(`${'A'.repeat(45)}2`);
		expect(one.length).toBeLessThanOrEqual(50);
		expect(one).toMatch(/^MWW-cash-A+-[0-9a-f]{12}$/);
		expect(one).not.toBe(two);
	});
});

describe('cashSaleRefusal', () => {
	const payment = cash().payments[0];
	it.each([
		['one payment of money received', [payment], undefined],
		['no payment', [], /no payment,/],
		['two parts', [payment, { ...payment, reference: 'b' }], /paid in 2 parts/],
		['a gift card', [{ ...payment, kind: 'giftCard' as const }], /gift card/],
		['pay later', [{ ...payment, kind: 'payLater' as const }], /pay later/],
		['an unpaid remainder', [{ ...payment, kind: 'open' as const }], /no payment ledger/],
		['no ledger', [{ ...payment, ledgerCode: null }], /no payment ledger/],
	])('%s', (_, payments, expected) => {
		const refusal = cashSaleRefusal(
			parsed(cash({ payments: payments.map((part, i) => ({ ...part, reference: `p${i}` })) })),
		);
		if (expected === undefined) expect(refusal).toBeUndefined();
		else expect(refusal).toMatch(expected);
		if (refusal) expect(refusal).toMatch(/^Order 1042: /);
	});

	it('leaves other modes and skipped drafts alone', () => {
		expect(cashSaleRefusal(parsed(cash({ bookingMode: 'journalEntry', payments: [] })))).toBe(
			undefined,
		);
		expect(cashSaleRefusal(parsed(cash({ payments: [], skipped: { reason: 'zero' } })))).toBe(
			undefined,
		);
	});
});

describe('cashSaleRequest', () => {
	it('is a type 5 on the payment ledger with a checked reference and a row per line in cents', async () => {
		const draft = cash({
			invoice: {
				...cash().invoice,
				items: [
					{
						description: 'Thee',
						quantity: 3,
						pricePerUnit: 19.99,
						vatCode: 'LAAG_VERK_9',
						ledgerCode: '8010',
					},
					{
						description: 'Pot',
						quantity: 1.5,
						pricePerUnit: 2.01,
						vatCode: 'HOOG_VERK_21',
						ledgerCode: '8000',
					},
				],
			},
			payments: [{ ...cash().payments[0], amount: 62.99, ledgerCode: '1020' }],
		});
		expect(await requestFor(draft)).toEqual({
			type: 5,
			date: draft.invoice.date,
			ledgerId: 22206455,
			relationId: 62976771,
			invoiceNumber: 'MWW-1042',
			paymentReference: 'MWW-cash-MWW-1042',
			checkPaymentReference: true,
			inExVat: 'IN',
			description: '1042',
			rows: [
				{ ledgerId: 22206467, vatCode: 'LAAG_VERK_9', amount: 59.97, description: 'Thee' },
				{ ledgerId: 22206462, vatCode: 'HOOG_VERK_21', amount: 3.02, description: 'Pot' },
			],
		});
	});

	it('has no relation when relations are switched off', async () => {
		expect(await requestFor(cash({ bookRelation: false }))).not.toHaveProperty('relationId');
	});

	it('refuses lines that do not add up to what was paid', async () => {
		const draft = cash();
		const paidCents = eurosToCents(draft.payments[0].amount) + 1;
		const paid = { ...draft.payments[0], amount: centsToEuros(paidCents) };
		await expect(requestFor({ ...draft, payments: [paid] })).rejects.toThrow(
			`Order 1042: the lines add up to ${formatEuros(paidCents - 1)} but ${formatEuros(paidCents)} was paid`,
		);
	});

	it('refuses a payment ledger that is not a bank or payment provider', async () => {
		const draft = cash();
		const onDebtors = { ...draft.payments[0], ledgerCode: '1300' };
		await expect(requestFor({ ...draft, payments: [onDebtors] })).rejects.toThrow(
			/ledger 1300 is not a bank or payment-provider ledger \(FIN\); it is DEB/,
		);
	});
});
