import { startBooks, type BooksSandbox } from '../../../sandbox/books';
import { createRelation, LEDGER, login, paymentBody, type BooksClient } from './client';

/** What Journal Entry (type 2 + type 3) and Cash Sale (type 5) bookings look like in the sandbox books. */
describe('books sandbox: mutations of the Journal Entry and Cash Sale booking modes', () => {
	let books: BooksSandbox;
	let client: BooksClient;
	let relationId: number;

	beforeAll(async () => {
		books = await startBooks();
		client = await login(books.url);
		relationId = await createRelation(client, { name: 'Jan Jansen', type: 'P', code: 'JANJ' });
	});
	afterAll(() => books.close());

	const outstanding = async (invoiceNumber: string) =>
		(
			await client.call(
				'GET',
				`/v1/mutation/invoice/outstanding?credDeb=D&invoiceNumber=${invoiceNumber}`,
			)
		).body.items;

	const cashSale = (invoiceNumber: string, amounts: [number, number], withRelation: boolean) => ({
		type: 5,
		date: '2026-05-04',
		ledgerId: LEDGER.mollie,
		...(withRelation ? { relationId } : {}),
		invoiceNumber,
		paymentReference: `MWW-cash-${invoiceNumber}`,
		checkPaymentReference: true,
		description: `Bestelling ${invoiceNumber}`,
		inExVat: 'IN',
		rows: [
			{ ledgerId: LEDGER.revenueHigh, vatCode: 'HOOG_VERK_21', amount: amounts[0] },
			{ ledgerId: LEDGER.revenueLow, vatCode: 'LAAG_VERK_9', amount: amounts[1] },
		],
	});

	it('a type 2 opens an item on the debtor ledger that a type 3 settles', async () => {
		const sale = {
			type: 2,
			date: '2026-05-04',
			ledgerId: LEDGER.debtors,
			relationId,
			invoiceNumber: 'JE-8001',
			inExVat: 'IN',
			rows: [
				{ ledgerId: LEDGER.revenueHigh, vatCode: 'HOOG_VERK_21', amount: 24.2 },
				{ ledgerId: LEDGER.revenueLow, vatCode: 'LAAG_VERK_9', amount: 18.3 },
			],
		};
		expect((await client.call('POST', '/v1/mutation', sale)).status).toBe(201);
		expect(await outstanding('JE-8001')).toEqual([
			expect.objectContaining({ totalAmount: 42.5, outstandingAmount: 42.5 }),
		]);
		const paid = await client.call(
			'POST',
			'/v1/mutation',
			paymentBody(relationId, 'JE-8001', 42.5),
		);
		expect(paid.status).toBe(201);
		expect(await outstanding('JE-8001')).toEqual([]);
	});

	it('a type 5 with checkPaymentReference is booked once (MUTA_008) and listed by type, date and invoice number', async () => {
		const body = cashSale('CS-9001', [24.2, 18.3], true);
		expect((await client.call('POST', '/v1/mutation', body)).status).toBe(201);
		const repeat = await client.call('POST', '/v1/mutation', body);
		expect([repeat.status, repeat.body.code]).toEqual([400, 'MUTA_008']);
		const listed = await client.call(
			'GET',
			'/v1/mutation?type=5&date[range]=2026-05-04,2026-05-04&invoiceNumber=CS-9001',
		);
		expect(listed.body.items).toEqual([
			expect.objectContaining({ type: 5, invoiceNumber: 'CS-9001', amount: 42.5 }),
		]);
		expect(await outstanding('CS-9001')).toEqual([]);
	});

	it('a type 5 needs no relation, and books a credit with negative amounts', async () => {
		expect(
			(await client.call('POST', '/v1/mutation', cashSale('CS-9002', [12.1, 10.9], false))).status,
		).toBe(201);
		const credit = await client.call(
			'POST',
			'/v1/mutation',
			cashSale('CS-9003', [-12.1, -10.9], false),
		);
		expect(credit.status).toBe(201);
		const dumped = books.state().mutations as Array<Record<string, unknown>>;
		expect(dumped.find((mutation) => mutation.invoiceNumber === 'CS-9003')).toMatchObject({
			type: 5,
			amount: -23,
		});
	});

	it('a type 6 (Geld uitgegeven) refuses sales VAT codes (MUT_110), so a cash credit is a type 5 with negative rows', async () => {
		const refund = await client.call('POST', '/v1/mutation', {
			...cashSale('CS-9004', [12.1, 10.9], false),
			type: 6,
		});
		expect([refund.status, refund.body.code]).toEqual([400, 'MUT_110']);
	});
});
