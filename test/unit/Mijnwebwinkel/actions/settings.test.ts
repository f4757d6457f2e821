import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { readFilters } from '../../../../nodes/Mijnwebwinkel/actions/order/filters';
import { readTriggerSettings } from '../../../../nodes/Mijnwebwinkel/descriptions/trigger';
import { node } from '../helpers/fakeContext';

function withParameters<T>(parameters: Record<string, unknown>): T {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, ...rest: unknown[]) => {
			const fallback = rest.length === 2 ? rest[1] : rest[0];
			return name in parameters ? parameters[name] : fallback;
		},
	} as unknown as T;
}

describe('readFilters (Order → Get Many)', () => {
	const read = (filters: Record<string, unknown>) =>
		readFilters(withParameters<IExecuteFunctions>({ filters }), 0);

	it('turns what n8n gives into the API formats', () => {
		expect(
			read({
				startDate: '2025-01-01T00:00:00',
				endDate: '2025-01-31',
				statusChangedStartDate: '2025-01-05T08:30:00',
				statusChangedEndDate: '2025-01-05T07:30:00.000Z',
				statusId: 4,
				archived: 'notArchived',
				debtorEmail: ' jan@example.com ',
				includeTestOrders: true,
				ordering: 'desc',
			}),
		).toEqual({
			statusId: 4,
			startDate: '2025-01-01',
			endDate: '2025-01-31',
			statusChangedStartDate: '2025-01-05 08:30:00',
			statusChangedEndDate: '2025-01-05 08:30:00',
			archived: false,
			debtorEmail: 'jan@example.com',
			debtorId: undefined,
			includeTest: true,
			ordering: 'desc',
		});
	});

	it('leaves archived out unless one kind is chosen', () => {
		expect(read({ archived: 'any' }).archived).toBeUndefined();
		expect(read({ archived: 'archived' }).archived).toBe(true);
	});

	it('refuses a date it cannot read, naming the field', () => {
		expect(() => read({ startDate: '31-01-2025' })).toThrow(
			'Order Date From is not a date: 31-01-2025',
		);
	});

	it('refuses a status that is not an ID', () => {
		expect(() => read({ statusId: 'Afgerond' })).toThrow('Status is not a status ID: Afgerond');
	});
});

describe('readTriggerSettings', () => {
	const read = (parameters: Record<string, unknown>) =>
		readTriggerSettings(withParameters<IPollFunctions>(parameters));

	it('has the documented defaults', () => {
		expect(read({})).toEqual({
			qualify: {
				finishedStatuses: [],
				includeCreditOrders: true,
				paidStatuses: [],
				acceptAuthorized: true,
				includeTestOrders: false,
			},
			includePayments: true,
			poll: {
				since: '',
				overlapMinutes: 60,
				maxOrdersPerPoll: 250,
				recheckDays: 21,
				includeTestOrders: false,
			},
		});
	});

	it('reads the chosen values, an import date as the start of that day', () => {
		const settings = read({
			finishedStatuses: [4, '6'],
			includeCreditOrders: false,
			importSince: '2025-01-01T13:45:00',
			options: {
				paidStatuses: [6],
				acceptAuthorized: true,
				maxOrdersPerPoll: 5000,
				overlapMinutes: 90,
				recheckDays: 7,
			},
		});
		expect(settings.qualify).toMatchObject({
			finishedStatuses: [4, 6],
			includeCreditOrders: false,
			paidStatuses: [6],
		});
		expect(read({ includePayments: false }).includePayments).toBe(false);
		expect(settings.poll).toEqual({
			since: '2025-01-01 00:00:00',
			overlapMinutes: 90,
			maxOrdersPerPoll: 1000,
			recheckDays: 7,
			includeTestOrders: false,
		});
	});

	it('refuses an import date it cannot read', () => {
		expect(() => read({ importSince: 'last year' })).toThrow(
			'"Import Orders Since" is not a date: last year',
		);
	});
});
