import type { IDataObject } from 'n8n-workflow';

import * as createInvoice from '../../../../nodes/EBoekhouden/actions/invoice/create.operation';
import * as bookInvoicePayment from '../../../../nodes/EBoekhouden/actions/payment/bookInvoicePayment.operation';
import { readDrafts } from '../../../../nodes/EBoekhouden/actions/reconcile/input';
import * as findOrCreate from '../../../../nodes/EBoekhouden/actions/relation/findOrCreate.operation';
import * as transport from '../../../../nodes/EBoekhouden/api/transport';
import { makeDraft } from '../../../integration/EBoekhouden/drafts';
import { LEDGERS, ScriptedBooks, TEMPLATES, list } from '../books';
import { fakeContext } from '../../../support/executeContext';

/** Books that answer every listing with nothing, so any request made shows in `requests`. */
function emptyBooks() {
	const books = new ScriptedBooks()
		.on('GET /v1/ledger', list(LEDGERS))
		.on('GET /v1/invoicetemplate', list(TEMPLATES))
		.on('GET /v1/invoice', list([]))
		.on('GET /v1/relation', list([]));
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return books;
}

afterEach(() => jest.restoreAllMocks());

const draft = (bookingMode: string, extra: IDataObject = {}, orderNumber = 1042) => ({
	...(makeDraft(orderNumber, 1, () => 0.5) as unknown as IDataObject),
	bookingMode,
	...extra,
});

const parameters = (value: IDataObject) => ({
	inputMode: 'draft',
	draft: value,
	relation: { __rl: true, mode: 'id', value: '62976771' },
	template: { __rl: true, mode: 'list', value: '' },
	paymentLedger: { __rl: true, mode: 'list', value: '' },
	debtorLedger: { __rl: true, mode: 'code', value: '1300' },
	options: {},
});

const operations = {
	'Find or Create Relation': findOrCreate,
	'Create Invoice': createInvoice,
	'Book Invoice Payment': bookInvoicePayment,
};

describe('Booking Mode in the booking operations', () => {
	it.each(
		Object.entries(operations).flatMap(([name, operation]) =>
			['journalEntry', 'cashSale'].map((mode) => [name, mode, operation] as const),
		),
	)('%s takes a %s draft to the books', async (_, mode, operation) => {
		const books = emptyBooks();
		const value = draft(mode);
		const [[item]] = await operation.execute.call(
			fakeContext({
				parameters: parameters(value),
				items: [{ json: value }],
				continueOnFail: true,
			}),
		);
		expect(String(item.json.error ?? '')).not.toContain('Booking Mode');
		// Book Invoice Payment books nothing for a Cash Sale: its money is in the sale's entry.
		if (!(mode === 'cashSale' && operation === bookInvoicePayment))
			expect(books.requests.length).toBeGreaterThan(0);
	});

	it('a skipped draft passes whatever its mode, without any call', async () => {
		const books = emptyBooks();
		const value = draft('cashSale', { skipped: { reason: 'the order total is €0.00' } });
		const [[item]] = await createInvoice.execute.call(
			fakeContext({ parameters: parameters(value), items: [{ json: value }] }),
		);
		expect(item.json).toMatchObject({ orderNumber: '1042', skipped: true });
		expect(books.requests).toEqual([]);
	});

	it('Reconcile reads a Journal Entry or Cash Sale draft as an order to compare in its mode', () => {
		const drafts = [draft('journalEntry'), draft('cashSale', {}, 1044), draft('invoice', {}, 1043)];
		const read = readDrafts(
			fakeContext({
				parameters: (index) => ({ draft: drafts[index] }),
				items: drafts.map((json) => ({ json })),
			}),
		);
		expect(read.map((each) => each.error)).toEqual([undefined, undefined, undefined]);
		expect(read.map((each) => each.order?.mode)).toEqual(['journalEntry', 'cashSale', 'invoice']);
	});
});
