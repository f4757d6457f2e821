import { recordWrite } from '../../../../nodes/EBoekhouden/booking/keyLock';
import { InvoiceIndex } from '../../../../nodes/EBoekhouden/booking/invoiceIndex';
import * as transport from '../../../../nodes/EBoekhouden/api/transport';
import { ScriptedBooks, list, use } from '../books';
import { fakeContext } from '../../../support/executeContext';

/** What one node learned from an invoice listing, the next node and batch of the same execution know too. */
afterEach(() => jest.restoreAllMocks());

const node = (executionId: string) =>
	new InvoiceIndex(fakeContext({ parameters: {}, executionId }));

describe('the invoice index of an execution', () => {
	it('a listing made by one node answers the next node of the same execution, without a call', async () => {
		const books = use(
			new ScriptedBooks().on(
				'GET /v1/invoice',
				list([{ id: 1, invoiceNumber: 'MWW-1', relationId: 5, date: '2026-05-02' }]),
			),
		);
		await node('exec-a').prefetch(['2026-05-01', '2026-05-03']);
		const next = node('exec-a');
		await next.prefetch(['2026-05-02', '2026-05-03']);
		expect(await next.listed('MWW-1', '2026-05-02')).toMatchObject({
			state: 'booked',
			item: { relationId: 5 },
		});
		expect(await next.listed('MWW-2', '2026-05-02')).toEqual({ state: 'absent' });
		expect(await next.find('MWW-2', '2026-05-02')).toBeUndefined();
		expect(books.calls('GET /v1/invoice')).toHaveLength(1);
	});

	it('another execution lists for itself; a date outside the listing is not taken as absent', async () => {
		const books = use(new ScriptedBooks().on('GET /v1/invoice', list([])));
		await node('exec-b').prefetch(['2026-05-01', '2026-05-03']);
		const other = node('exec-c');
		expect(await other.listed('MWW-3', '2026-05-02')).toEqual({ state: 'unknown' });
		expect(await node('exec-b').listed('MWW-3', '2026-06-01')).toEqual({ state: 'unknown' });
		await other.prefetch(['2026-05-01', '2026-05-03']);
		expect(books.calls('GET /v1/invoice')).toHaveLength(2);
	});

	it('"absent" turns stale once this process wrote that number, and is asked again', async () => {
		const books = use(
			new ScriptedBooks().on('GET /v1/invoice', (request: transport.ApiRequest) =>
				request.qs?.invoiceNumber
					? list([{ id: 9, invoiceNumber: 'MWW-4', relationId: 6, date: '2026-05-02' }])
					: list([]),
			),
		);
		const ctx = fakeContext({ parameters: {}, executionId: 'exec-d' });
		const index = new InvoiceIndex(ctx);
		await index.prefetch(['2026-05-01', '2026-05-03']);
		recordWrite(InvoiceIndex.writeKey(ctx, 'MWW-4'));
		expect(await index.listed('MWW-4', '2026-05-02')).toEqual({ state: 'unknown' });
		expect(await index.find('MWW-4', '2026-05-02')).toMatchObject({ id: 9 });
		expect(books.calls('GET /v1/invoice')).toHaveLength(2);
	});

	it('an incomplete listing (beyond its maximum) never answers "absent"', async () => {
		const page = Array.from({ length: 2000 }, (_, index) => ({
			id: index + 1,
			invoiceNumber: `MWW-${index + 100}`,
			date: '2026-05-02',
		}));
		use(new ScriptedBooks().on('GET /v1/invoice', list(page)));
		const index = node('exec-e');
		await index.prefetch(['2026-05-01', '2026-05-03']);
		expect((await index.listed('MWW-100', '2026-05-02')).state).toBe('booked');
		expect(await index.listed('MWW-99999', '2026-05-02')).toEqual({ state: 'unknown' });
	});
});
