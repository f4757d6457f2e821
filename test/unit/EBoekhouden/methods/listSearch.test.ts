import { EBoekhouden } from '../../../../nodes/EBoekhouden/EBoekhouden.node';
import { LEDGERS, ScriptedBooks, TEMPLATES, list, use } from '../books';
import { fakeContext } from '../../../support/executeContext';

const { methods } = new EBoekhouden();
const ctx = () => fakeContext({ parameters: {} }) as never;

afterEach(() => jest.restoreAllMocks());

describe('lists behind the dropdowns and resource locators', () => {
	it('relations: searched by name, shown with their code, page by page', async () => {
		const books = use(
			new ScriptedBooks()
				.on('GET /v1/relation', list(Array.from({ length: 20 }, (_, i) => ({ id: i + 1 }))))
				.on('GET /v1/relation/1', { id: 1, name: 'Jan Jansen', code: '1001' }),
		);
		for (let id = 2; id <= 20; id++)
			books.on(`GET /v1/relation/${id}`, { id, name: `Klant ${id}` });
		const result = await methods.listSearch.searchRelations.call(ctx(), 'jans', '40');
		expect(books.calls('GET /v1/relation')[0].qs).toEqual({
			'name[like]': '%jans%',
			limit: 20,
			offset: 40,
		});
		expect(result.results[0]).toEqual({ name: 'Jan Jansen (1001)', value: '1' });
		expect(result.paginationToken).toBe('60');
	});

	it('relations: a filter with @ searches the e-mail address', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/relation', list([])));
		const result = await methods.listSearch.searchRelations.call(ctx(), 'jan@');
		expect(books.calls('GET /v1/relation')[0].qs).toMatchObject({ 'email[like]': '%jan@%' });
		expect(result).toEqual({ results: [], paginationToken: undefined });
	});

	it('ledgers: code first, filtered by category where the parameter needs one', async () => {
		const books = use(
			new ScriptedBooks().on(
				'GET /v1/ledger',
				list(LEDGERS.filter((ledger) => ledger.category === 'FIN')),
			),
		);
		const result = await methods.listSearch.searchPaymentLedgers.call(ctx(), 'moll');
		expect(books.calls('GET /v1/ledger')[0].qs).toMatchObject({ category: 'FIN' });
		expect(result.results).toEqual([{ name: '1020 · Mollie', value: '1020' }]);
	});

	it('revenue ledgers for invoice lines set by hand, by code', async () => {
		use(
			new ScriptedBooks().on(
				'GET /v1/ledger',
				list(LEDGERS.filter((ledger) => ledger.category === 'VW')),
			),
		);
		const options = await methods.loadOptions.getRevenueLedgers.call(ctx());
		expect(options[0]).toEqual({ name: '8000 · Omzet hoog tarief', value: '8000' });
	});

	it('invoice templates and cost centres (active ones)', async () => {
		use(
			new ScriptedBooks()
				.on('GET /v1/invoicetemplate', list([...TEMPLATES, { id: 2, name: 'Oud', active: false }]))
				.on(
					'GET /v1/costcenter',
					list([
						{ id: 10, description: 'Webshop', active: true },
						{ id: 11, description: 'Winkel', active: false },
					]),
				),
		);
		expect((await methods.listSearch.searchInvoiceTemplates.call(ctx())).results).toEqual([
			{ name: 'Standaard', value: '752296' },
		]);
		expect((await methods.listSearch.searchCostCenters.call(ctx(), 'web')).results).toEqual([
			{ name: 'Webshop', value: '10' },
		]);
		expect(await methods.loadOptions.getCostCenters.call(ctx())).toEqual([
			{ name: '— None —', value: '' },
			{ name: 'Webshop', value: '10' },
		]);
	});
});
