import { customerChangesOption } from '../../../../../nodes/EBoekhouden/actions/relation/fields';
import { RelationFinder } from '../../../../../nodes/EBoekhouden/actions/relation/finder';
import { ScriptedBooks, list, use } from '../../books';
import { fakeContext } from '../../../../support/executeContext';

afterEach(() => jest.restoreAllMocks());

const stored = {
	id: 77,
	code: 'K77',
	name: 'Jan Jansen',
	emailAddress: 'jan@example.com',
	address: 'Dorpsstraat 1',
	postalCode: '1234 AB',
	city: 'Utrecht',
	country: 'Nederland',
	phoneNumber: '030 123 4567',
};

const books = () =>
	use(
		new ScriptedBooks()
			.on('GET /v1/relation', list([{ id: 77 }]))
			.on('GET /v1/relation/77', stored)
			.on('PATCH /v1/relation/77', {}),
	);

const finder = (updateCustomerChanges?: boolean) =>
	new RelationFinder(
		fakeContext({
			parameters: updateCustomerChanges === undefined ? {} : { options: { updateCustomerChanges } },
		}),
	);

const moved = {
	name: 'Jan Jansen',
	address: 'Kerkstraat 5',
	postalCode: '3511 AA',
	city: 'Utrecht',
	country: 'Nederland',
	phoneNumber: '',
	vatNumber: '',
};

describe('Find or Create: Update Changed Customer Details', () => {
	it('is an option, off by default', () => {
		expect(customerChangesOption).toMatchObject({ type: 'boolean', default: false });
	});

	it.each([undefined, false])('off (%s): a found relation is never changed', async (option) => {
		const scripted = books();
		const found = await finder(option).findOrCreate('jan@example.com', moved);
		expect(scripted.writes()).toEqual([]);
		expect(found.changes).toBeUndefined();
	});

	it('on: writes only the fields the order changed, with the name e-Boekhouden requires, and says what changed', async () => {
		const scripted = books();
		const found = await finder(true).findOrCreate('jan@example.com', moved);
		expect(scripted.calls('PATCH /v1/relation/77').map((call) => call.body)).toEqual([
			{ name: 'Jan Jansen', address: 'Kerkstraat 5', postalCode: '3511 AA' },
		]);
		expect(found.changes).toEqual({
			address: { from: 'Dorpsstraat 1', to: 'Kerkstraat 5' },
			postalCode: { from: '1234 AB', to: '3511 AA' },
		});
		expect(found.relation).toMatchObject({
			id: 77,
			address: 'Kerkstraat 5',
			phoneNumber: '030 123 4567',
		});
	});

	it('on: an order with the same details writes nothing', async () => {
		const scripted = books();
		const found = await finder(true).findOrCreate('jan@example.com', { ...stored, vatNumber: '' });
		expect(scripted.writes()).toEqual([]);
		expect(found.changes).toBeUndefined();
	});

	it('on: one PATCH per relation per execution, however many orders differ', async () => {
		const scripted = books();
		const once = finder(true);
		await once.findOrCreate('jan@example.com', moved);
		await once.findOrCreate('jan@example.com', { ...moved, city: 'Amersfoort' });
		expect(scripted.calls('PATCH /v1/relation/77')).toHaveLength(1);
	});
});
