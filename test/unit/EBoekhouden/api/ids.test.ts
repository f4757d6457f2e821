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

describe('ids: ledger codes and template names → e-Boekhouden ids, read once per execution', () => {
	it('resolves several codes with one list call, and the same execution reuses it', async () => {
		const books = booksWith();
		const ctx = fakeContext({ parameters: {}, executionId: 'ids-1' });
		expect(await resolveLedgerId(ctx, { code: '8000' }, 'f')).toBe(22206462);
		expect(await resolveLedgerId(ctx, { code: '1300' }, 'f')).toBe(22206453);
		expect(
			await resolveLedgerId(
				fakeContext({ parameters: {}, executionId: 'ids-1' }),
				{ id: 22206452 },
				'f',
			),
		).toBe(22206452);
		expect(books.calls('GET /v1/ledger')).toHaveLength(1);
		await resolveLedgerId(
			fakeContext({ parameters: {}, executionId: 'ids-2' }),
			{ code: '8000' },
			'f',
		);
		expect(books.calls('GET /v1/ledger')).toHaveLength(2);
	});

	it('an unknown code is a clear error naming the field and the codes that exist', async () => {
		booksWith();
		const error = await resolveLedger(
			fakeContext({ parameters: {} }),
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
		const ctx = fakeContext({ parameters: {} });
		expect(await resolveTemplateId(ctx, '752296')).toBe(752296);
		expect(await resolveTemplateId(ctx, 'standaard')).toBe(752296);
		expect(await resolveTemplateId(ctx, '')).toBe(752296);
	});

	it('asks to choose when several templates are active, and names them', async () => {
		booksWith([...TEMPLATES, { id: 752300, name: 'Engels', active: true, type: 'E' }]);
		await expect(resolveTemplateId(fakeContext({ parameters: {} }), '')).rejects.toMatchObject({
			message: 'Choose an invoice template',
			description: expect.stringContaining('"Engels" (752300)'),
		});
		await expect(
			resolveTemplateId(fakeContext({ parameters: {} }), 'Factuur NL'),
		).rejects.toMatchObject({
			message: 'Invoice template "Factuur NL" does not exist in this administration',
		});
	});

	it('a failed list call is not remembered: the next item tries again', async () => {
		const books = new ScriptedBooks().on('GET /v1/ledger', new Error('down'));
		const spy = jest
			.spyOn(transport, 'apiRequest')
			.mockImplementation(books.handle as typeof transport.apiRequest);
		const ctx = fakeContext({ parameters: {}, executionId: 'ids-fail' });
		await expect(resolveLedgerId(ctx, { code: '8000' }, 'f')).rejects.toThrow('down');
		spy.mockImplementation(
			new ScriptedBooks().on('GET /v1/ledger', list(LEDGERS)).handle as typeof transport.apiRequest,
		);
		expect(await resolveLedgerId(ctx, { code: '8000' }, 'f')).toBe(22206462);
	});
});
