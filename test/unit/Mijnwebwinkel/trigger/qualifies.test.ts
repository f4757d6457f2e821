import { readOrderFacts } from '../../../../nodes/Mijnwebwinkel/api/summary';
import type {
	QualifyRules,
	QualifySettings,
} from '../../../../nodes/Mijnwebwinkel/trigger/qualifies';
import { judgeOrder, resolveRules } from '../../../../nodes/Mijnwebwinkel/trigger/qualifies';

const statuses = [
	{ status: 1, description: 'In behandeling', credit_order: false },
	{ status: 2, description: 'Betaald', credit_order: false },
	{ status: 3, description: 'Verzonden', credit_order: false },
	{ status: 4, description: 'Afgerond', credit_order: false },
	{ status: 5, description: 'Geannuleerd', credit_order: false },
	{ status: 6, description: 'Afgehaald en betaald', credit_order: false },
	{ status: 10, description: 'Gecrediteerd', credit_order: true },
];

const defaults: QualifySettings = {
	finishedStatuses: [],
	includeCreditOrders: true,
	paidStatuses: [],
	acceptAuthorized: false,
	includeTestOrders: false,
};

function rules(settings: Partial<QualifySettings> = {}): QualifyRules {
	const resolved = resolveRules({ ...defaults, ...settings }, statuses);
	if ('problem' in resolved) throw new Error(resolved.problem);
	return resolved.rules;
}

/** The facts the trigger reads from an order with these fields (the rest as in a captured order). */
const order = (fields: Record<string, unknown> = {}) =>
	readOrderFacts({
		number: '1001',
		status: 4,
		payment_status: 'captured',
		price: { total: '68.00' },
		...fields,
	});

describe('resolveRules', () => {
	it('takes the statuses named "Afgerond" and "Afgehaald…" as finished when none are chosen, and credit statuses from the table', () => {
		expect(rules()).toMatchObject({ finished: [4, 6], credit: [10] });
	});

	it('uses the chosen finished statuses', () => {
		expect(rules({ finishedStatuses: [3, 6] }).finished).toEqual([3, 6]);
	});

	it('asks the user to choose when the shop has no "Afgerond" or "Afgehaald" status', () => {
		const resolved = resolveRules(
			defaults,
			statuses.filter((status) => status.status !== 4 && status.status !== 6),
		);
		expect(resolved).toEqual({
			problem: expect.stringContaining('no order status named "Afgerond" or "Afgehaald"'),
		});
		expect('problem' in resolved && resolved.problem).toContain('Verzonden (3)');
	});
});

describe('judgeOrder', () => {
	it('emits a finished order whose payment is captured', () => {
		expect(judgeOrder(order(), rules())).toBe('emit');
	});

	it.each(['new', 'pending', 'failed', 'refunded', 'voided', 'unknown', null])(
		'waits for payment when a finished order has payment status %j',
		(payment_status) => {
			expect(judgeOrder(order({ payment_status }), rules())).toBe('awaitingPayment');
		},
	);

	it('counts authorized as paid only when asked', () => {
		expect(judgeOrder(order({ payment_status: 'authorized' }), rules())).toBe('awaitingPayment');
		expect(
			judgeOrder(order({ payment_status: 'authorized' }), rules({ acceptAuthorized: true })),
		).toBe('emit');
	});

	it('accepts the legacy payment status "Successful" (id 1)', () => {
		const legacy = order({ payment_status: null, payment: { status: { id: 1 } } });
		expect(judgeOrder(legacy, rules())).toBe('emit');
		expect(
			judgeOrder(order({ payment_status: null, payment: { status: { id: 5 } } }), rules()),
		).toBe('awaitingPayment');
	});

	it('accepts a status the shop owner marks as paid', () => {
		const pickedUp = order({ status: 6, payment_status: 'pending' });
		expect(judgeOrder(pickedUp, rules({ finishedStatuses: [4, 6] }))).toBe('awaitingPayment');
		expect(judgeOrder(pickedUp, rules({ finishedStatuses: [4, 6], paidStatuses: [6] }))).toBe(
			'emit',
		);
	});

	it('counts a zero total as paid (such orders have no payment data)', () => {
		expect(judgeOrder(order({ payment_status: null, price: { total: '0.000000' } }), rules())).toBe(
			'emit',
		);
		expect(judgeOrder(order({ payment_status: null, price: { total: '0.01' } }), rules())).toBe(
			'awaitingPayment',
		);
	});

	it('skips orders that are not finished, cancelled ones included, paid or not', () => {
		for (const status of [1, 2, 3, 5]) expect(judgeOrder(order({ status }), rules())).toBe('skip');
	});

	it('emits credit orders without a payment test, unless credit orders are left out', () => {
		const credit = order({ status: 10, payment_status: null, credited_order_number: 999 });
		expect(judgeOrder(credit, rules())).toBe('emit');
		expect(judgeOrder(credit, rules({ includeCreditOrders: false }))).toBe('skip');
	});

	it('treats an order pointing at a credited order as a credit order', () => {
		expect(
			judgeOrder(order({ status: 4, payment_status: null, credited_order_number: 999 }), rules()),
		).toBe('emit');
	});

	it('leaves out test orders ("T-" numbers) unless asked for', () => {
		expect(judgeOrder(order({ number: 'T-1001' }), rules())).toBe('skip');
		expect(judgeOrder(order({ number: 'T-1001' }), rules({ includeTestOrders: true }))).toBe(
			'emit',
		);
	});

	describe('an order that cannot be fully read', () => {
		it('is judged paid from its payment status when its total is not a number', () => {
			const facts = order({ price: { total: 'abc' } });
			expect(facts.unreadable).toEqual(['price.total']);
			expect(judgeOrder(facts, rules())).toBe('emit');
		});

		it('waits for payment when its payment status says unpaid, whatever its unreadable total', () => {
			expect(
				judgeOrder(order({ payment_status: 'pending', price: { total: 'abc' } }), rules()),
			).toBe('awaitingPayment');
		});

		it('is emitted (to be reported downstream) when nothing says whether it is paid', () => {
			expect(judgeOrder(order({ payment_status: null, price: { total: 'abc' } }), rules())).toBe(
				'emit',
			);
			expect(judgeOrder(order({ payment_status: null, price: 'abc' }), rules())).toBe('emit');
		});

		it('is emitted when its status cannot be read, and still skipped when it is a test order', () => {
			expect(judgeOrder(order({ status: 'afgerond' }), rules())).toBe('emit');
			expect(judgeOrder(order({ number: 'T-9', status: 'afgerond' }), rules())).toBe('skip');
		});

		it('is still skipped when it is readably not finished', () => {
			expect(judgeOrder(order({ status: 1, price: { total: 'abc' } }), rules())).toBe('skip');
		});
	});
});
