import { startBooks, type BooksSandbox } from '../../../sandbox/books';
import { createRelation, invoiceBody, LEDGER, login, type BooksClient } from './client';

describe('books sandbox: invoices', () => {
	let books: BooksSandbox;
	let client: BooksClient;
	let relationId: number;

	beforeAll(async () => {
		books = await startBooks();
		client = await login(books.url);
		relationId = await createRelation(client, { emailAddress: 'jan@example.com' });
	});
	afterAll(() => books.close());

	const getInvoice = async (id: unknown) => (await client.call('GET', `/v1/invoice/${id}`)).body;

	it('computes VAT per VAT code over the code total, not per line (EX prices)', async () => {
		// 3 × 0.50 at 21%: per line 0.105 → 0.11 each (0.33), per code 1.50 × 21% = 0.315 → 0.32.
		const created = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'WEB-1001', [
				{ description: 'Sticker', pricePerUnit: 0.5 },
				{ description: 'Sticker', pricePerUnit: 0.5 },
				{ description: 'Sticker', pricePerUnit: 0.5 },
				{
					description: 'Boek',
					pricePerUnit: 10,
					vatCode: 'LAAG_VERK_9',
					ledgerId: LEDGER.revenueLow,
				},
				{ description: 'Export', pricePerUnit: 5, vatCode: 'BU_EU_VERK' },
			]),
		);
		expect(created.status).toBe(201);
		expect(created.body).toEqual({
			id: expect.any(Number),
			invoiceNumber: 'WEB-1001',
			inExVat: 'EX',
		});
		const invoice = await getInvoice(created.body.id);
		expect(invoice).toMatchObject({
			totalExcl: 16.5,
			vatAmount: 1.22,
			totalAmount: 17.72,
			inExVat: 'EX',
		});
		const stored = (books.state().invoices as Record<string, unknown>[]).find(
			(entry) => entry.id === created.body.id,
		);
		expect(stored?.vatByCode).toEqual({
			HOOG_VERK_21: { totalExcl: 1.5, vatAmount: 0.32, totalAmount: 1.82 },
			LAAG_VERK_9: { totalExcl: 10, vatAmount: 0.9, totalAmount: 10.9 },
			BU_EU_VERK: { totalExcl: 5, vatAmount: 0, totalAmount: 5 },
		});
	});

	it('takes the VAT out of the incl. total per code for IN prices: total × rate / (100 + rate)', async () => {
		// 3 × 0.55 incl. 21%: per line 0.0955 → 0.10 each (0.30), per code 1.65 × 21 / 121 = 0.2864 → 0.29.
		// 2.18 incl. 9%: 2.18 × 9 / 109 = 0.18.
		const created = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(
				relationId,
				'WEB-1002',
				[
					{ description: 'Kaart', pricePerUnit: 0.55, quantity: 3 },
					{
						description: 'Thee',
						pricePerUnit: 2.18,
						vatCode: 'LAAG_VERK_9',
						ledgerId: LEDGER.revenueLow,
					},
				],
				{ inExVat: 'IN' },
			),
		);
		expect(created.status).toBe(201);
		expect(await getInvoice(created.body.id)).toMatchObject({
			totalAmount: 3.83,
			vatAmount: 0.47,
			totalExcl: 3.36,
		});
	});

	it('uses the given vatAmount for AFW_VERK and keeps negative totals for a credit invoice', async () => {
		const afw = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'WEB-1003', [
				{ description: 'Gemengd', pricePerUnit: 100, vatCode: 'AFW_VERK', vatAmount: 13.37 },
			]),
		);
		expect(await getInvoice(afw.body.id)).toMatchObject({
			totalExcl: 100,
			vatAmount: 13.37,
			totalAmount: 113.37,
		});

		const credit = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'CR-1001', [
				{ description: 'Retour', pricePerUnit: -0.5, quantity: 3 },
			]),
		);
		// −1.50 × 21% = −0.315 → −0.32: rounding mirrors the invoice.
		expect(await getInvoice(credit.body.id)).toMatchObject({
			totalExcl: -1.5,
			vatAmount: -0.32,
			totalAmount: -1.82,
		});
	});

	it('lets exactly one of two simultaneous creates with one number through; the other gets FACT_101', async () => {
		const body = invoiceBody(relationId, 'WEB-2000', [{ description: 'Race', pricePerUnit: 10 }]);
		const replies = await Promise.all([
			client.call('POST', '/v1/invoice', body),
			client.call('POST', '/v1/invoice', body),
		]);
		expect(replies.map((reply) => reply.status).sort()).toEqual([201, 400]);
		expect(replies.find((reply) => reply.status === 400)?.body).toMatchObject({
			type: 'validation',
			code: 'FACT_101',
			status: 400,
			title: 'Invoice number is in use.',
		});
		const found = await client.call('GET', '/v1/invoice?invoiceNumber=WEB-2000');
		expect(found.body.count).toBe(1);
		const mutations = await client.call('GET', '/v1/mutation?invoiceNumber=WEB-2000');
		expect(mutations.body.count).toBe(1);
	});

	it('numbers an invoice itself when no number is given', async () => {
		const created = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, '', [{ description: 'x', pricePerUnit: 1 }]),
		);
		expect(created.status).toBe(201);
		expect(created.body.invoiceNumber).toMatch(/^F2026-\d{4}$/);
	});

	it.each([
		['FACT_009', { invoiceNumber: 'WEB-1001A' }],
		['FACT_007', { invoiceNumber: `${'9'.repeat(51)}` }],
		['FACT_015', { termOfPayment: undefined }],
		['FACT_018', { templateId: 1 }],
		['FACT_019', { items: [] }],
		['FACT_010', { inExVat: 'INCL' }],
		['FACT_001', { relationId: undefined }],
		['FACT_002', { relationId: 1 }],
		[
			'FACT_ITEM_001',
			{ items: [{ pricePerUnit: 1, vatCode: 'HOOG_VERK_21', ledgerId: LEDGER.revenueHigh }] },
		],
		[
			'FACT_ITEM_004',
			{ items: [{ description: 'x', vatCode: 'HOOG_VERK_21', ledgerId: LEDGER.revenueHigh }] },
		],
		[
			'FACT_ITEM_006',
			{ items: [{ description: 'x', pricePerUnit: 1, ledgerId: LEDGER.revenueHigh }] },
		],
		[
			'FACT_ITEM_014',
			{
				items: [
					{
						description: 'x',
						pricePerUnit: 1,
						vatCode: 'HOOG_INK_21',
						ledgerId: LEDGER.revenueHigh,
					},
				],
			},
		],
		['FACT_ITEM_007', { items: [{ description: 'x', pricePerUnit: 1, vatCode: 'HOOG_VERK_21' }] }],
		[
			'FACT_ITEM_012',
			{ items: [{ description: 'x', pricePerUnit: 1, vatCode: 'HOOG_VERK_21', ledgerId: 8000 }] },
		],
		[
			'FACT_ITEM_015',
			{
				items: [
					{
						description: 'x',
						pricePerUnit: 1,
						vatCode: 'HOOG_VERK_21',
						ledgerId: LEDGER.revenueHigh,
						vatAmount: 1,
					},
				],
			},
		],
		['MUT_011', { mutation: { ledgerId: LEDGER.bank } }],
	])('refuses with %s', async (code, change) => {
		const body = {
			...invoiceBody(relationId, 'ERR-1', [{ description: 'x', pricePerUnit: 1 }]),
			...change,
		};
		const reply = await client.call('POST', '/v1/invoice', body);
		expect(reply.status).toBe(400);
		expect(reply.body.code).toBe(code);
	});

	it('refuses an invoice for an inactive relation with FACT_003', async () => {
		const inactive = await createRelation(client, { name: 'Oud Klant', inactive: true });
		const reply = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(inactive, 'WEB-3000', [{ description: 'x', pricePerUnit: 1 }]),
		);
		expect(reply.body.code).toBe('FACT_003');
	});

	it('searches invoices by number, relation and date range, and returns the items on GET', async () => {
		const other = await createRelation(client, { name: 'Piet' });
		await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(other, 'WEB-4001', [{ description: 'a', pricePerUnit: 1 }], {
				date: '2026-04-30',
			}),
		);
		await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(other, 'WEB-4002', [{ description: 'b', pricePerUnit: 2 }], {
				date: '2026-06-01',
			}),
		);
		const byRelation = await client.call('GET', `/v1/invoice?relationId=${other}`);
		expect(byRelation.body.items?.map((item) => item.invoiceNumber)).toEqual([
			'WEB-4001',
			'WEB-4002',
		]);
		const inMay = await client.call(
			'GET',
			`/v1/invoice?relationId=${other}&date[range]=2026-05-01,2026-05-31`,
		);
		expect(inMay.body.count).toBe(0);
		const upToMay = await client.call('GET', '/v1/invoice?date[lt]=2026-05-01');
		expect(upToMay.body.items?.map((item) => item.invoiceNumber)).toEqual(['WEB-4001']);
		const one = await client.call('GET', `/v1/invoice/${byRelation.body.items?.[1].id}`);
		expect(one.body.items).toEqual([
			expect.objectContaining({
				description: 'b',
				pricePerUnit: 2,
				quantity: 1,
				vatCode: 'HOOG_VERK_21',
			}),
		]);
		expect((await client.call('GET', '/v1/invoice/1')).status).toBe(404);
	});
});
