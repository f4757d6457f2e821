import {
	resolveLedger,
	resolveLedgerId,
	resolveTemplateId,
} from '../../../../nodes/EBoekhouden/api/ids';
import * as transport from '../../../../nodes/EBoekhouden/api/transport';
import { LEDGERS, ScriptedBooks, TEMPLATES, list } from '../books';
import { fakeContext } from '../../../support/executeContext';

function booksWith(templates = TEMPLATES) {
	const books = new ScriptedBooks()
		.on('GET /v1/ledger', list(LEDGERS))
		.on('GET /v1/invoicetemplate', list(templates));
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return books;
}

afterEach(() => jest.restoreAllMocks());

let administrations = 0;
/** Each test its own administration: the lists are kept per administration (credential and URL) in the process. */
function administration(executionId?: string) {
	const baseUrl = `https://books-${++administrations}.test`;
	return (id = executionId) =>
		fakeContext({ parameters: {}, executionId: id, credentials: { baseUrl } });
}

describe('ids: ledger codes and template names → e-Boekhouden ids, read once per administration', () => {
	it('resolves several codes with one list call, and the next executions reuse it', async () => {
		const books = booksWith();
		const context = administration();
		const ctx = context('ids-1');
		expect(await resolveLedgerId(ctx, { code: '8000' }, 'f')).toBe(22206462);
		expect(await resolveLedgerId(ctx, { code: '1300' }, 'f')).toBe(22206453);
		expect(await resolveLedgerId(context('ids-1'), { id: 22206452 }, 'f')).toBe(22206452);
		expect(books.calls('GET /v1/ledger')).toHaveLength(1);
		expect(await resolveLedgerId(context('ids-2'), { code: '8000' }, 'f')).toBe(22206462);
		expect(books.calls('GET /v1/ledger')).toHaveLength(1);
		// Another administration has its own ledgers.
		await resolveLedgerId(administration()('ids-2'), { code: '8000' }, 'f');
		expect(books.calls('GET /v1/ledger')).toHaveLength(2);
	});

	it('reads the list again for a code the kept list does not know, once for a batch of such codes', async () => {
		let ledgers = [...LEDGERS];
		const books = new ScriptedBooks().on('GET /v1/ledger', () => list(ledgers));
		jest
			.spyOn(transport, 'apiRequest')
			.mockImplementation(books.handle as typeof transport.apiRequest);
		const context = administration();
		await resolveLedgerId(context('ids-3'), { code: '8000' }, 'f');
		ledgers = [...LEDGERS, { ...LEDGERS[0], id: 99, code: '8123' }];
		const later = Date.now() + 60_000;
		jest.spyOn(Date, 'now').mockReturnValue(later);
		expect(await resolveLedgerId(context('ids-4'), { code: '8123' }, 'f')).toBe(99);
		expect(books.calls('GET /v1/ledger')).toHaveLength(2);
		for (let order = 0; order < 5; order++)
			await expect(resolveLedgerId(context('ids-4'), { code: '8099' }, 'f')).rejects.toThrow(
				'Ledger code 8099 does not exist',
			);
		expect(books.calls('GET /v1/ledger')).toHaveLength(2);
	});

	it('an unknown code is a clear error naming the field and the codes that exist', async () => {
		booksWith();
		const error = await resolveLedger(
			administration()(),
			{ code: '8005' },
			'items[1].ledgerCode',
		).catch((e: unknown) => e);
		expect(error).toMatchObject({
			message: 'Ledger code 8005 does not exist in this administration',
			context: expect.objectContaining({ field: 'items[1].ledgerCode' }),
		});
		expect((error as { description: string }).description).toContain('8000 Omzet hoog tarief');
	});

	it('finds a template by id or by name (any case); empty means the only active one', async () => {
		booksWith();
		const ctx = administration()();
		expect(await resolveTemplateId(ctx, '752296')).toBe(752296);
		expect(await resolveTemplateId(ctx, 'standaard')).toBe(752296);
		expect(await resolveTemplateId(ctx, '')).toBe(752296);
	});

	it('asks to choose when several templates are active, and names them', async () => {
		booksWith([...TEMPLATES, { id: 752300, name: 'Engels', active: true, type: 'E' }]);
		const context = administration();
		await expect(resolveTemplateId(context(), '')).rejects.toMatchObject({
			message: 'Choose an invoice template',
			description: expect.stringContaining('"Engels" (752300)'),
		});
		await expect(resolveTemplateId(context(), 'Factuur NL')).rejects.toMatchObject({
			message: 'Invoice template "Factuur NL" does not exist in this administration',
		});
	});

	it('a failed list call is not remembered: the next item tries again', async () => {
		const books = new ScriptedBooks().on('GET /v1/ledger', new Error('down'));
		const spy = jest
			.spyOn(transport, 'apiRequest')
			.mockImplementation(books.handle as typeof transport.apiRequest);
		const ctx = administration('ids-fail')();
		await expect(resolveLedgerId(ctx, { code: '8000' }, 'f')).rejects.toThrow('down');
		spy.mockImplementation(
			new ScriptedBooks().on('GET /v1/ledger', list(LEDGERS)).handle as typeof transport.apiRequest,
		);
		expect(await resolveLedgerId(ctx, { code: '8000' }, 'f')).toBe(22206462);
	});
});
