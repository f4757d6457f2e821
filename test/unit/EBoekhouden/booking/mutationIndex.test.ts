import * as transport from '../../../../nodes/EBoekhouden/api/transport';
import { recordWrite } from '../../../../nodes/EBoekhouden/booking/keyLock';
import { InvoiceIndex } from '../../../../nodes/EBoekhouden/booking/invoiceIndex';
import { MutationIndex } from '../../../../nodes/EBoekhouden/booking/mutationIndex';
import { ScriptedBooks, list } from '../books';
import { fakeContext } from '../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

const BOOKED = [
	{ id: 7001, type: 2, date: '2026-03-02', invoiceNumber: 'MWW-1', amount: 12.1 },
	{ id: 7002, type: 2, date: '2026-03-05', invoiceNumber: 'MWW-2', amount: 24.2 },
];

function books() {
	const scripted = new ScriptedBooks().on('GET /v1/mutation', (request: transport.ApiRequest) =>
		list(request.qs?.invoiceNumber ? [] : BOOKED),
	);
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(scripted.handle as typeof transport.apiRequest);
	return scripted;
}

describe('MutationIndex', () => {
	it('answers a batch from one listing by type and date range', async () => {
		const scripted = books();
		const ctx = fakeContext({ parameters: {} });
		const index = new MutationIndex(ctx, 2);
		await index.prefetch(['2026-03-05', '2026-03-02', '2026-03-04']);
		expect(scripted.requests.map((request) => request.qs)).toEqual([
			expect.objectContaining({ type: 2, 'date[range]': '2026-03-02,2026-03-05' }),
		]);
		expect((await index.find('MWW-2', '2026-03-05'))?.id).toBe(7002);
		expect(await index.find('MWW-3', '2026-03-04')).toBeUndefined();
		// Another node of the same execution lists nothing again.
		await new MutationIndex(ctx, 2).prefetch(['2026-03-02', '2026-03-05']);
		expect(scripted.requests).toHaveLength(1);
	});

	it('asks by number for what the listing cannot answer: outside its dates, another type, or written since', async () => {
		const scripted = books();
		const ctx = fakeContext({ parameters: {} });
		const index = new MutationIndex(ctx, 2);
		await index.prefetch(['2026-03-02', '2026-03-05']);
		await index.find('MWW-4', '2026-04-01');
		recordWrite(InvoiceIndex.writeKey(ctx, 'MWW-5'));
		await index.find('MWW-5', '2026-03-03');
		expect(await new MutationIndex(ctx, 5).find('MWW-1', '2026-03-02')).toBeUndefined();
		expect(scripted.requests.slice(1).map((request) => request.qs)).toEqual([
			expect.objectContaining({ type: 2, invoiceNumber: 'MWW-4' }),
			expect.objectContaining({ type: 2, invoiceNumber: 'MWW-5' }),
			expect.objectContaining({ type: 5, invoiceNumber: 'MWW-1' }),
		]);
	});
});
