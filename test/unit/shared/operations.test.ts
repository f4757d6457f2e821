import { showForResources } from '../../../nodes/shared/operations';

type ShopMap = { order: 'get' | 'getAll'; orderStatus: 'getAll' };

describe('showFor, typed by the resources of one node', () => {
	const showFor = showForResources<ShopMap>();

	it('shows a field for the operations of one resource', () => {
		expect(showFor('order', ['get', 'getAll'])).toEqual({
			show: { resource: ['order'], operation: ['get', 'getAll'] },
		});
	});

	it('adds further conditions next to resource and operation', () => {
		expect(showFor('orderStatus', ['getAll'], { returnAll: [false] })).toEqual({
			show: { resource: ['orderStatus'], operation: ['getAll'], returnAll: [false] },
		});
	});
});
