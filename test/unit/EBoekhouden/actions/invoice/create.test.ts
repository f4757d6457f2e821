import type { IDataObject } from 'n8n-workflow';

import { execute } from '../../../../../nodes/EBoekhouden/actions/invoice/create.operation';
import { explainError } from '../../../../../nodes/EBoekhouden/api/errors';
import * as transport from '../../../../../nodes/EBoekhouden/api/transport';
import { makeDraft } from '../../../../integration/EBoekhouden/drafts';
import type { ApiRequest } from '../../../../../nodes/EBoekhouden/api/transport';
import { LEDGERS, ScriptedBooks, TEMPLATES, list } from '../../books';
import { centsToEuros } from '../../../../../nodes/shared/money';
import { lineCents } from '../../../../support/cents';
import { fakeContext } from '../../../../support/executeContext';

/**
 * Invoices kept like e-Boekhouden keeps them: unique numbers (FACT_101), totals computed on create. With
 * `answerLost` the invoice is made but the create ends in FACT_101, as the transport's repeat of it does when the
 * first answer was lost.
 */
function invoiceBooks(existing: IDataObject[] = [], raceOnCreate = false, answerLost = false) {
	const invoices = [...existing];
	const books = new ScriptedBooks()
		.on('GET /v1/ledger', list(LEDGERS))
		.on('GET /v1/invoicetemplate', list(TEMPLATES))
		// No cash sales (type 5) booked before a switch of Booking Mode.
		.on('GET /v1/mutation', list([]))
		.on('GET /v1/invoice', (request: ApiRequest) => {
			const qs = request.qs ?? {};
			const [from, to] = String(qs['date[range]'] ?? '0000-00-00,9999-99-99').split(',');
			return list(
				invoices.filter(
					(invoice) =>
						(qs.invoiceNumber === undefined || invoice.invoiceNumber === qs.invoiceNumber) &&
						String(invoice.date) >= from &&
						String(invoice.date) <= to,
				),
			);
		})
		.on('POST /v1/invoice', (request: ApiRequest) => {
			const body = request.body as IDataObject & {
				items: Array<{ quantity: number; pricePerUnit: number }>;
			};
			const taken = invoices.some((invoice) => invoice.invoiceNumber === body.invoiceNumber);
			if (taken || raceOnCreate) {
				return transport.apiError(
					fakeContext({ parameters: {} }),
					explainError(400, { code: 'FACT_101' }),
					400,
					[],
				);
			}
			const totalCents = body.items.reduce((sum, item) => sum + lineCents(item), 0);
			const created = {
				id: 1000 + invoices.length,
				invoiceNumber: body.invoiceNumber,
				relationId: body.relationId,
				date: body.date,
				totalAmount: centsToEuros(totalCents),
			};
			invoices.push(created);
			if (answerLost) {
				return transport.apiError(
					fakeContext({ parameters: {} }),
					explainError(400, { code: 'FACT_101' }),
					400,
					[],
				);
			}
			return { id: created.id, invoiceNumber: body.invoiceNumber, inExVat: 'IN' };
		});
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return { books, invoices };
}

afterEach(() => jest.restoreAllMocks());

const relation = { __rl: true, mode: 'id', value: '62976771' };
const fixedDraft = () =>
	({
		kind: 'invoice',
		orderNumber: '1042',
		warnings: [],
		relation: {
			type: 'P',
			name: 'Jan',
			contact: '',
			emailAddress: 'jan@example.com',
			address: '',
			postalCode: '',
			city: '',
			country: '',
			vatNumber: '',
			phoneNumber: '',
		},
		invoice: {
			invoiceNumber: 'MWW-1042',
			date: '2026-05-01',
			inExVat: 'IN',
			termOfPayment: 14,
			reference: '1042',
			text: 'Bestelling 1042',
			items: [
				{
					description: 'T-shirt',
					quantity: 2,
					pricePerUnit: 12.1,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
				},
				{
					description: 'Boek',
					quantity: 1,
					pricePerUnit: 18.3,
					vatCode: 'LAAG_VERK_9',
					ledgerCode: '8010',
				},
			],
		},
		payment: { amount: 42.5, date: '2026-05-01', ledgerCode: '1020' },
		totals: { amountInclVat: 42.5, byVatCode: { HOOG_VERK_21: 24.2, LAAG_VERK_9: 18.3 } },
	}) as IDataObject & { invoice: IDataObject & { items: IDataObject[] }; totals: IDataObject };

const draftParameters = (draft: IDataObject, extra: IDataObject = {}) => ({
	inputMode: 'draft',
	draft,
	relation,
	template: { __rl: true, mode: 'list', value: '' },
	debtorLedger: { __rl: true, mode: 'code', value: '1300' },
	options: {},
	...extra,
});

const runDrafts = (
	drafts: IDataObject[],
	options: { continueOnFail?: boolean; extra?: IDataObject } = {},
) =>
	execute.call(
		fakeContext({
			parameters: (index) => draftParameters(drafts[index], options.extra),
			items: drafts.map((json) => ({ json })),
			continueOnFail: options.continueOnFail,
		}),
	);

describe('Invoice → Create from an Order to Invoice draft', () => {
	it('sends the invoice with ledger ids, the template, and the booking on the debtor ledger', async () => {
		const { books } = invoiceBooks();
		const [[item]] = await runDrafts([fixedDraft()]);
		expect(books.calls('POST /v1/invoice')[0].body).toEqual({
			relationId: 62976771,
			templateId: 752296,
			date: '2026-05-01',
			termOfPayment: 14,
			inExVat: 'IN',
			invoiceNumber: 'MWW-1042',
			reference: '1042',
			text: 'Bestelling 1042',
			items: [
				{
					description: 'T-shirt',
					quantity: 2,
					pricePerUnit: 12.1,
					vatCode: 'HOOG_VERK_21',
					ledgerId: 22206462,
				},
				{
					description: 'Boek',
					quantity: 1,
					pricePerUnit: 18.3,
					vatCode: 'LAAG_VERK_9',
					ledgerId: 22206467,
				},
			],
			mutation: { ledgerId: 22206453, description: '1042' },
		});
		expect(item).toEqual({
			json: expect.objectContaining({
				id: 1000,
				invoiceNumber: 'MWW-1042',
				relationId: 62976771,
				totalAmount: 42.5,
				created: true,
				orderNumber: '1042',
			}),
			pairedItem: { item: 0 },
		});
		expect(item.json.warnings).toBeUndefined();
	});

	it('checks first and creates nothing when the invoice number is already booked', async () => {
		const { books } = invoiceBooks([
			{
				id: 7,
				invoiceNumber: 'MWW-1042',
				relationId: 62976771,
				date: '2026-05-01',
				totalAmount: 42.5,
			},
		]);
		const [[item]] = await runDrafts([fixedDraft()]);
		expect(books.calls('POST /v1/invoice')).toEqual([]);
		expect(books.calls('GET /v1/invoice')[0].qs).toEqual({
			invoiceNumber: 'MWW-1042',
			limit: 1,
			offset: 0,
		});
		expect(item.json).toMatchObject({
			id: 7,
			created: false,
			orderNumber: '1042',
			totalAmount: 42.5,
		});
	});

	it('reads FACT_101 ("number in use") as "already there" when another process got in first', async () => {
		const { books } = invoiceBooks([], true);
		const [[item]] = await runDrafts([fixedDraft()]);
		expect(books.calls('POST /v1/invoice')).toHaveLength(1);
		expect(item.json).toMatchObject({ invoiceNumber: 'MWW-1042', created: false });
	});

	it('a repeat that meets FACT_101 after the first answer was lost ends as "already there", read back', async () => {
		const { books } = invoiceBooks([], false, true);
		const [[item]] = await runDrafts([fixedDraft()]);
		expect(books.calls('POST /v1/invoice')).toHaveLength(1);
		expect(books.calls('POST /v1/invoice')[0].idempotent).toBe(true);
		expect(item.json).toMatchObject({
			id: 1000,
			invoiceNumber: 'MWW-1042',
			relationId: 62976771,
			totalAmount: 42.5,
			created: false,
			orderNumber: '1042',
		});
		expect(item.json.warnings).toBeUndefined();
	});

	it('checks a batch with one listing by date range and reads the totals back with one more', async () => {
		const drafts = [1, 2, 3].map(
			(n) => makeDraft(2000 + n, n, () => n / 10) as unknown as IDataObject,
		);
		const { books } = invoiceBooks();
		const output = await runDrafts(drafts);
		const listings = books.calls('GET /v1/invoice').map((request) => request.qs);
		expect(listings).toEqual([
			{ 'date[range]': '2026-01-03,2026-01-09', limit: 2000, offset: 0 },
			{ 'date[range]': '2026-01-03,2026-01-09', limit: 2000, offset: 0 },
		]);
		expect(books.calls('POST /v1/invoice')).toHaveLength(3);
		expect(output[0].map((item) => [item.json.created, typeof item.json.totalAmount])).toEqual([
			[true, 'number'],
			[true, 'number'],
			[true, 'number'],
		]);
	});

	it('warns when the total e-Boekhouden computed differs from the draft’s', async () => {
		invoiceBooks();
		const draft = fixedDraft();
		// Prices excluding VAT: e-Boekhouden adds the VAT by its own rounding, so its total may differ from the draft's.
		// (Prices including VAT that do not add up to the total are refused before booking: handEditedDraft.test.ts.)
		draft.invoice.inExVat = 'EX';
		draft.totals.amountInclVat = 42.49;
		const ctx = fakeContext({ parameters: draftParameters(draft) });
		const [[item]] = await execute.call(ctx);
		expect(item.json.warnings).toEqual([
			'e-Boekhouden computed a total of €42.50 for invoice MWW-1042; the draft says €42.49 (difference €0.01).',
		]);
		expect(ctx.hints).toHaveLength(1);
	});

	it('an unknown ledger code stops the order before anything is written', async () => {
		const { books } = invoiceBooks();
		const draft = fixedDraft();
		draft.invoice.items[1].ledgerCode = '8005';
		const output = await runDrafts([draft], { continueOnFail: true });
		expect(output[0][0].json).toMatchObject({
			error: 'Order 1042: Ledger code 8005 does not exist in this administration',
			details: expect.objectContaining({ field: 'items[1].ledgerCode', orderNumber: '1042' }),
		});
		expect(books.writes()).toEqual([]);
	});

	it('an invalid VAT code stops the order before any call', async () => {
		const { books } = invoiceBooks();
		const draft = fixedDraft();
		draft.invoice.items[0].vatCode = 'HOOG_VERK';
		await expect(runDrafts([draft])).rejects.toMatchObject({
			message: expect.stringContaining(
				'Order 1042: invoice.items[0].vatCode is not a sales VAT code',
			),
		});
		expect(books.requests).toEqual([]);
	});

	it('refuses a debtor ledger that is not of category DEB', async () => {
		const { books } = invoiceBooks();
		await expect(
			runDrafts([fixedDraft()], {
				extra: { debtorLedger: { __rl: true, mode: 'code', value: '1010' } },
			}),
		).rejects.toMatchObject({
			message: 'Order 1042: Ledger 1010 is not a debtors ledger (category FIN)',
		});
		expect(books.writes()).toEqual([]);
	});

	it('with booking off, makes a concept invoice (no mutation object)', async () => {
		const { books } = invoiceBooks();
		await runDrafts([fixedDraft()], { extra: { options: { book: false } } });
		expect(books.calls('POST /v1/invoice')[0].body).not.toHaveProperty('mutation');
	});

	it('two executions at once for one order make one invoice', async () => {
		const { books, invoices } = invoiceBooks();
		const one = () =>
			runDrafts([fixedDraft(), makeDraft(3001, 1, () => 0.2) as unknown as IDataObject]);
		const [first, second] = await Promise.all([one(), one()]);
		expect(invoices.filter((invoice) => invoice.invoiceNumber === 'MWW-1042')).toHaveLength(1);
		expect(books.calls('POST /v1/invoice')).toHaveLength(2);
		expect([first[0][0].json.created, second[0][0].json.created].sort()).toEqual([false, true]);
	});

	it('passes over a draft the mapping marked as skipped, without any call', async () => {
		const { books } = invoiceBooks();
		const draft = { ...fixedDraft(), skipped: { reason: 'the order total is €0.00' } };
		const [[item]] = await runDrafts([draft]);
		expect(item.json).toEqual({
			orderNumber: '1042',
			skipped: true,
			reason: 'the order total is €0.00',
		});
		expect(books.requests).toEqual([]);
	});
});

describe('Invoice → Create set by hand', () => {
	const manual = (extra: IDataObject = {}) => ({
		inputMode: 'manual',
		relation,
		invoiceNumber: 'F2026-0042',
		date: '2026-05-01T00:00:00',
		termOfPayment: 30,
		inExVat: 'EX',
		reference: 'R'.repeat(60),
		text: '',
		items: {
			item: [
				{
					description: 'Consult mei',
					quantity: 10,
					pricePerUnit: 95,
					vatCode: 'HOOG_VERK_21',
					ledgerCode: '8000',
					costCenterId: '',
				},
			],
		},
		template: { __rl: true, mode: 'name', value: 'Standaard' },
		debtorLedger: { __rl: true, mode: 'code', value: '1300' },
		options: { costCenterId: '10' },
		...extra,
	});

	it('builds the invoice from the fields, cutting the reference to 50 characters', async () => {
		const { books } = invoiceBooks();
		await execute.call(fakeContext({ parameters: manual() }));
		expect(books.calls('POST /v1/invoice')[0].body).toEqual({
			relationId: 62976771,
			templateId: 752296,
			date: '2026-05-01',
			termOfPayment: 30,
			inExVat: 'EX',
			invoiceNumber: 'F2026-0042',
			reference: 'R'.repeat(50),
			items: [
				{
					description: 'Consult mei',
					quantity: 10,
					pricePerUnit: 95,
					vatCode: 'HOOG_VERK_21',
					ledgerId: 22206462,
					costCenterId: 10,
				},
			],
			mutation: { ledgerId: 22206453, description: 'R'.repeat(60) },
		});
	});

	it('an invoice number that does not end in a digit is refused before any call', async () => {
		const { books } = invoiceBooks();
		await expect(
			execute.call(fakeContext({ parameters: manual({ invoiceNumber: 'F2026-A' }) })),
		).rejects.toMatchObject({
			message: 'Invoice number "F2026-A" must end with a digit (e-Boekhouden rule FACT_009)',
		});
		expect(books.requests).toEqual([]);
	});
});
