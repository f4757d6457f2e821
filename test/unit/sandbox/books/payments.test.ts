import { startBooks, type BooksSandbox } from '../../../sandbox/books';
import {
	createRelation,
	invoiceBody,
	LEDGER,
	login,
	paymentBody,
	type BooksClient,
} from './client';

describe('books sandbox: payments and open items', () => {
	let books: BooksSandbox;
	let client: BooksClient;
	let relationId: number;

	beforeAll(async () => {
		books = await startBooks();
		client = await login(books.url);
		relationId = await createRelation(client, {
			name: 'Bakkerij de Korst',
			type: 'B',
			code: 'KORST',
		});
	});
	afterAll(() => books.close());

	const outstanding = async (invoiceNumber: string) =>
		(
			await client.call(
				'GET',
				`/v1/mutation/invoice/outstanding?credDeb=D&invoiceNumber=${invoiceNumber}`,
			)
		).body.items;

	it('opens an item for a booked invoice, reduces it per payment and drops it when paid', async () => {
		const created = await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'WEB-5001', [{ description: 'Taart', pricePerUnit: 100 }]),
		);
		expect(created.status).toBe(201);
		expect(await outstanding('WEB-5001')).toEqual([
			{
				date: '2026-05-01',
				mutationId: expect.any(Number),
				invoiceNumber: 'WEB-5001',
				relationId,
				relationCode: 'KORST',
				company: 'Bakkerij de Korst',
				totalAmount: 121,
				paidAmount: 0,
				outstandingAmount: 121,
			},
		]);

		const partial = await client.call(
			'POST',
			'/v1/mutation',
			paymentBody(relationId, 'WEB-5001', 21),
		);
		expect(partial.status).toBe(201);
		expect(partial.body).toEqual({ id: expect.any(Number) });
		expect(await outstanding('WEB-5001')).toEqual([
			expect.objectContaining({ paidAmount: 21, outstandingAmount: 100 }),
		]);

		await client.call('POST', '/v1/mutation', paymentBody(relationId, 'WEB-5001', 100));
		expect(await outstanding('WEB-5001')).toEqual([]);
	});

	it('records an overpayment as a negative outstanding amount', async () => {
		await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'WEB-5002', [{ description: 'Brood', pricePerUnit: 10 }]),
		);
		await client.call('POST', '/v1/mutation', paymentBody(relationId, 'WEB-5002', 12.1));
		await client.call('POST', '/v1/mutation', paymentBody(relationId, 'WEB-5002', 12.1));
		expect(await outstanding('WEB-5002')).toEqual([
			expect.objectContaining({ totalAmount: 12.1, paidAmount: 24.2, outstandingAmount: -12.1 }),
		]);
	});

	it('keeps a concept invoice (no mutation object) out of the open items, so it cannot be paid', async () => {
		const concept = {
			...invoiceBody(relationId, 'WEB-5003', [{ description: 'Concept', pricePerUnit: 5 }]),
			mutation: undefined,
		};
		expect((await client.call('POST', '/v1/invoice', concept)).status).toBe(201);
		expect(await outstanding('WEB-5003')).toEqual([]);
		const pay = await client.call(
			'POST',
			'/v1/mutation',
			paymentBody(relationId, 'WEB-5003', 6.05),
		);
		expect(pay.body.code).toBe('MUT_115');
	});

	it.each([3, 4])(
		'refunds a credit invoice to zero with a negative type %i payment',
		async (type) => {
			const number = `CR-600${type}`;
			await client.call(
				'POST',
				'/v1/invoice',
				invoiceBody(relationId, number, [{ description: 'Retour', pricePerUnit: -10 }]),
			);
			expect(await outstanding(number)).toEqual([
				expect.objectContaining({ totalAmount: -12.1, outstandingAmount: -12.1 }),
			]);
			const refund = await client.call(
				'POST',
				'/v1/mutation',
				paymentBody(relationId, number, -12.1, type),
			);
			expect(refund.status).toBe(201);
			expect(await outstanding(number)).toEqual([]);
		},
	);

	it('stores the payment mutation with its rows, readable by id and by search', async () => {
		await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'WEB-5004', [{ description: 'Koek', pricePerUnit: 2 }]),
		);
		const paid = await client.call(
			'POST',
			'/v1/mutation',
			paymentBody(relationId, 'WEB-5004', 2.42),
		);
		const mutation = await client.call('GET', `/v1/mutation/${paid.body.id}`);
		expect(mutation.body).toMatchObject({
			type: 3,
			ledgerId: LEDGER.bank,
			invoiceNumber: 'WEB-5004',
			rows: [
				{
					ledgerId: LEDGER.debtors,
					vatCode: 'GEEN',
					amount: 2.42,
					invoiceNumber: 'WEB-5004',
					relationId,
				},
			],
		});
		const search = await client.call('GET', '/v1/mutation?type=3&invoiceNumber=WEB-5004');
		expect(search.body.items).toEqual([
			expect.objectContaining({ id: paid.body.id, type: 3, amount: 2.42 }),
		]);
		const booking = await client.call('GET', '/v1/mutation?type=2&invoiceNumber=WEB-5004');
		const invoiceMutation = await client.call('GET', `/v1/mutation/${booking.body.items?.[0].id}`);
		expect(invoiceMutation.body).toMatchObject({
			type: 2,
			ledgerId: LEDGER.debtors,
			relationId,
			rows: [{ ledgerId: LEDGER.revenueHigh, vatCode: 'HOOG_VERK_21', amount: 2 }],
			vat: [{ vatCode: 'HOOG_VERK_21', amount: 0.42 }],
		});
	});

	it('refuses payment rows without the invoice number or relation, and a non-bank ledger', async () => {
		await client.call(
			'POST',
			'/v1/invoice',
			invoiceBody(relationId, 'WEB-5005', [{ description: 'x', pricePerUnit: 1 }]),
		);
		const base = paymentBody(relationId, 'WEB-5005', 1.21);
		const row = base.rows[0];
		const withRow = (change: Record<string, unknown>) => ({
			...base,
			rows: [{ ...row, ...change }],
		});
		const cases: [unknown, string][] = [
			[withRow({ invoiceNumber: undefined }), 'MUT_120'],
			[withRow({ relationId: undefined }), 'MUT_112'],
			[withRow({ invoiceNumber: 'WEB-9999' }), 'MUT_115'],
			[{ ...base, ledgerId: LEDGER.debtors }, 'MUT_009'],
			[{ ...base, rows: [] }, 'MUT_100'],
			[{ ...base, type: 9 }, 'MUT_001'],
			[{ ...base, date: undefined }, 'MUT_003'],
			[withRow({ vatCode: 'BTW21' }), 'MUT_109'],
		];
		for (const [body, code] of cases) {
			const reply = await client.call('POST', '/v1/mutation', body);
			expect([reply.status, reply.body.code]).toEqual([400, code]);
		}
		expect(await outstanding('WEB-5005')).toEqual([expect.objectContaining({ paidAmount: 0 })]);
	});

	it('books a type 2 mutation directly, with an open item, and refuses a second one with MUT_019', async () => {
		const body = {
			type: 2,
			date: '2026-05-02',
			ledgerId: LEDGER.debtors,
			relationId,
			invoiceNumber: 'MUT-7001',
			inExVat: 'IN',
			rows: [{ ledgerId: LEDGER.revenueHigh, vatCode: 'HOOG_VERK_21', amount: 12.1 }],
		};
		expect((await client.call('POST', '/v1/mutation', body)).status).toBe(201);
		expect(await outstanding('MUT-7001')).toEqual([expect.objectContaining({ totalAmount: 12.1 })]);
		expect((await client.call('POST', '/v1/mutation', body)).body.code).toBe('MUT_019');
		const invoiceWithSameNumber = invoiceBody(relationId, 'MUT-7001', [
			{ description: 'x', pricePerUnit: 1 },
		]);
		expect((await client.call('POST', '/v1/invoice', invoiceWithSameNumber)).body.code).toBe(
			'FACT_101',
		);
	});

	it('requires credDeb on the outstanding list', async () => {
		expect((await client.call('GET', '/v1/mutation/invoice/outstanding')).body.code).toBe(
			'MUTA_006',
		);
		expect((await client.call('GET', '/v1/mutation/invoice/outstanding?credDeb=X')).body.code).toBe(
			'MUTA_007',
		);
	});

	it('shows open items, settled ones included, in state()', () => {
		const items = books.state().outstanding as Record<string, unknown>[];
		expect(items.find((item) => item.invoiceNumber === 'WEB-5001')).toMatchObject({
			credDeb: 'D',
			totalAmount: 121,
			paidAmount: 121,
			outstandingAmount: 0,
			payments: [expect.objectContaining({ amount: 21 }), expect.objectContaining({ amount: 100 })],
		});
	});
});
