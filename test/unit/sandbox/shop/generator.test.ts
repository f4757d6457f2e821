import {
	categorizeOrder,
	generateOrders,
	orderFeatures,
	orderQuirks,
	QUIRKS,
	type OrderCategory,
	type OrderFeature,
	type Quirk,
	type ShopOrder,
} from '../../../sandbox/shop/generator';
import { asOrders, cents, inclusiveOf, micros, prices, type TestOrder } from './orderShape';

const NOW = new Date('2026-03-15T11:00:00Z');
const SEEDS = [1, 42, 2024];

describe('seed generator', () => {
	const orders = generateOrders({ count: 200, seed: 42, now: NOW });
	const typed = asOrders(orders);

	it('gives the same orders for the same seed, and only moves the dates when "now" moves', () => {
		expect(generateOrders({ count: 200, seed: 42, now: NOW })).toEqual(orders);
		expect(generateOrders({ count: 200, seed: 43, now: NOW })).not.toEqual(orders);
		const later = generateOrders({
			count: 200,
			seed: 42,
			now: new Date(NOW.getTime() + 3 * 86_400_000),
		});
		const withoutDates = (order: ShopOrder) => {
			const { date, time, status_changed_date, status_changed_time, ...rest } = order;
			return [
				rest,
				typeof date,
				typeof time,
				typeof status_changed_date,
				typeof status_changed_time,
			];
		};
		expect(later.map(withoutDates)).toEqual(orders.map(withoutDates));
		expect(later.map((order) => order.date)).not.toEqual(orders.map((order) => order.date));
	});

	it.each(SEEDS)(
		'adds up every order to the cent: Σ line incl. VAT = price.total (seed %i)',
		(seed) => {
			for (const order of asOrders(generateOrders({ count: 200, seed, now: NOW }))) {
				const sum = order.orderlines
					.flatMap(prices)
					.reduce((total, price) => total + inclusiveOf(price), 0);
				expect({ number: order.number, sum }).toEqual({
					number: order.number,
					sum: cents(order.price.total),
				});
			}
		},
	);

	it.each(SEEDS)(
		'splits VAT per rate exactly: Σ excl. + price.tax = Σ incl. per rate (seed %i)',
		(seed) => {
			for (const order of asOrders(generateOrders({ count: 200, seed, now: NOW }))) {
				const perRate = new Map<string, { incl: number; excl: number }>();
				for (const price of order.orderlines.flatMap(prices)) {
					const entry = perRate.get(price.rate) ?? { incl: 0, excl: 0 };
					entry.incl += inclusiveOf(price) * 10_000;
					entry.excl += micros(price.amount);
					perRate.set(price.rate, entry);
				}
				const taxes = Array.isArray(order.price.tax) ? order.price.tax : [order.price.tax];
				expect(taxes.map((tax) => tax.rate).sort()).toEqual([...perRate.keys()].sort());
				for (const tax of taxes) {
					const { incl, excl } = perRate.get(tax.rate) ?? { incl: Number.NaN, excl: 0 };
					expect(excl + micros(tax.amount)).toBe(incl);
				}
			}
		},
	);

	it('writes amounts as the API does: excl. VAT with 6 decimals, incl. VAT with 2, consistent with the rate', () => {
		for (const price of typed.flatMap((order) => order.orderlines.flatMap(prices))) {
			expect(price.amount).toMatch(/^-?\d+\.\d{6}$/);
			expect(price.rate).toMatch(/^\d+\.\d{2}$/);
			if (price.amount_including_tax === undefined) continue;
			expect(price.amount_including_tax).toMatch(/^-?\d+\.\d{2}$/);
			const rateHundredths = Math.round(Number(price.rate) * 100);
			const error = Math.abs(
				micros(price.amount) * (10_000 + rateHundredths) -
					cents(price.amount_including_tax) * 10_000 * 10_000,
			);
			expect(error).toBeLessThanOrEqual((10_000 + rateHundredths) / 2);
		}
	});

	it.each(SEEDS)(
		'holds every kind of order, with finished-and-paid the largest group (seed %i)',
		(seed) => {
			const set = generateOrders({ count: 200, seed, now: NOW });
			const categories = new Map<OrderCategory, number>();
			for (const order of set)
				categories.set(categorizeOrder(order), (categories.get(categorizeOrder(order)) ?? 0) + 1);
			const all: OrderCategory[] = [
				'finishedPaid',
				'finishedUnpaid',
				'paid',
				'shipped',
				'unpaid',
				'cancelled',
				'credit',
				'test',
			];
			expect([...categories.keys()].sort()).toEqual([...all].sort());
			expect(categories.get('finishedPaid')).toBeGreaterThan(80);

			const features = new Set<OrderFeature>(set.flatMap(orderFeatures));
			const expected: OrderFeature[] = [
				'mixedRates',
				'shippingLine',
				'paymentCostLine',
				'discountCode',
				'cartDiscount',
				'actionPrice',
				'quantityAboveOne',
				'unevenUnitPrice',
				'domesticB2B',
				'reverseCharge',
				'export',
				'zeroTotal',
				'withoutInclusiveAmounts',
				'pickedUp',
				'bankTransfer',
			];
			expect([...features].sort()).toEqual([...expected].sort());
			expect(new Set(set.flatMap(orderQuirks))).toEqual(new Set(QUIRKS));
			const gateways = new Set(
				asOrders(set).map(
					(order) => `${order.payment?.gateway_name}/${order.payment?.method_name}`,
				),
			);
			for (const pair of ['mollie/ideal', 'paypal/paypal', 'basic/bank_transfer', 'basic/cash'])
				expect(gateways.has(pair)).toBe(true);
		},
	);

	it('has returning customers, some typing their e-mail in another case', () => {
		const byMailbox = new Map<string, Set<string>>();
		for (const order of typed) {
			const email: string = order.debtor.email;
			byMailbox.set(
				email.toLowerCase(),
				(byMailbox.get(email.toLowerCase()) ?? new Set()).add(email),
			);
		}
		const counts = typed.reduce<Map<string, number>>(
			(map, order) =>
				map.set(
					order.debtor.email.toLowerCase(),
					(map.get(order.debtor.email.toLowerCase()) ?? 0) + 1,
				),
			new Map(),
		);
		expect([...counts.values()].filter((count) => count > 1).length).toBeGreaterThan(5);
		expect([...byMailbox.values()].some((spellings) => spellings.size > 1)).toBe(true);
	});

	it('links credit orders to an earlier order that lists them, with negative amounts and no payment data', () => {
		const credits = typed.filter((order) => order.status === 10);
		expect(credits.length).toBeGreaterThan(0);
		for (const credit of credits) {
			const original = typed.find(
				(order) => Number(order.number) === credit.credited_order_number,
			) as TestOrder;
			expect(original).toBeDefined();
			expect(Number(original.number)).toBeLessThan(Number(credit.number));
			expect(original.credit_order_numbers).toEqual([credit.number]);
			expect(credit.payment).toBeUndefined();
			expect(credit.payment_status).toBeUndefined();
			expect(cents(credit.price.total)).toBeLessThan(0);
			expect(credit.debtor.email.toLowerCase()).toBe(original.debtor.email.toLowerCase());
		}
	});

	it('writes discount lines negative with a price per rate, and sets discountcode for code discounts', () => {
		const discounted = typed.filter(
			(order) => order.status !== 10 && order.orderlines.some((line) => line.type === 'discount'),
		);
		expect(discounted.length).toBeGreaterThan(0);
		for (const order of discounted) {
			for (const line of order.orderlines.filter((candidate) => candidate.type === 'discount')) {
				expect(Array.isArray(line.price)).toBe(true);
				for (const price of prices(line)) expect(inclusiveOf(price)).toBeLessThanOrEqual(0);
				if (String(line.description).startsWith('Kortingscode'))
					expect(line.description).toContain(order.discountcode);
			}
		}
	});

	it('splits shipping and payment costs over the rates of a mixed-rate order', () => {
		const mixed = typed.filter(
			(order) => orderFeatures(order).includes('mixedRates') && order.status !== 10,
		);
		const costLines = mixed.flatMap((order) =>
			order.orderlines.filter((line) => line.type === 'shipping' || line.type === 'payment'),
		);
		expect(costLines.length).toBeGreaterThan(0);
		for (const line of costLines) {
			expect(Array.isArray(line.price)).toBe(true);
			expect(
				prices(line)
					.map((price) => price.rate)
					.sort(),
			).toEqual(['21.00', '9.00']);
		}
		const paymentLines = typed.flatMap((order) =>
			order.orderlines.filter((line) => line.type === 'payment'),
		);
		for (const line of paymentLines) expect(Array.isArray(line.price)).toBe(true);
	});

	it('has zero-rated reverse-charge (EU B2B) and export orders', () => {
		const reverse = typed.filter((order) => order.tax_strategy === 'reverse_charged_vat');
		const exports = typed.filter((order) => order.tax_strategy === 'zero_percent');
		for (const order of reverse) {
			expect(order.business_model).toBe('B2B');
			expect(order.debtor.address.invoice.company).not.toBe('');
			expect(order.debtor.address.invoice.taxnumber).toMatch(/^(BE|DE)/);
			expect(['BE', 'DE']).toContain(order.debtor.address.invoice.country_code);
		}
		for (const order of exports)
			expect(['US', 'CH', 'NO']).toContain(order.debtor.address.invoice.country_code);
		for (const order of [...reverse, ...exports]) {
			for (const price of order.orderlines.flatMap(prices)) expect(price.rate).toBe('0.00');
		}
	});

	it('keeps OSS orders out by default and adds them on request, at the destination country rates', () => {
		expect(orders.flatMap(orderFeatures)).not.toContain('oss');
		const withOss = asOrders(generateOrders({ count: 200, seed: 42, now: NOW, includeOss: true }));
		const oss = withOss.filter((order) => orderFeatures(order).includes('oss'));
		expect(oss.length).toBeGreaterThan(0);
		const localRates: Record<string, string[]> = {
			BE: ['21.00', '6.00'],
			DE: ['19.00', '7.00'],
			FR: ['20.00', '5.50'],
		};
		for (const order of oss) {
			const country = order.debtor.address.invoice.country_code;
			for (const price of order.orderlines.flatMap(prices))
				expect(localRates[country]).toContain(price.rate);
		}
	});

	it('flags test orders with test: true and keeps their numbers numeric', () => {
		const tests = typed.filter((order) => order.test === true);
		expect(tests.length).toBeGreaterThan(0);
		for (const order of tests) expect(String(order.number)).toMatch(/^\d+$/);
	});

	it('places orders in the period before "now", status changes after placing, and pre-2019 orders without incl. amounts', () => {
		const periodStart = new Date(NOW.getTime() - 61 * 86_400_000).toISOString().slice(0, 10);
		for (const order of typed) {
			const placed = `${order.date} ${order.time}`;
			expect(`${order.status_changed_date} ${order.status_changed_time}` >= placed).toBe(true);
			expect(order.date <= '2026-03-15').toBe(true);
			const legacy = orderFeatures(order).includes('withoutInclusiveAmounts');
			if (legacy) expect(order.date < '2019-04-12').toBe(true);
			else expect(order.date >= periodStart).toBe(true);
		}
	});

	it('pays finished orders as the shop does: captured, picked up and paid, or bank transfer still pending', () => {
		const finished = typed.filter(
			(order) => categorizeOrder(order) === 'finishedPaid' && order.status === 4,
		);
		expect(
			finished.every(
				(order) => order.payment_status === 'captured' || cents(order.price.total) === 0,
			),
		).toBe(true);
		const pending = typed.filter((order) => categorizeOrder(order) === 'finishedUnpaid');
		expect(pending.length).toBeGreaterThan(0);
		for (const order of pending) {
			expect(order.payment).toMatchObject({ gateway_name: 'basic', method_name: 'bank_transfer' });
			expect(order.payment_status).toBe('pending');
		}
		for (const order of typed.filter((candidate) =>
			orderFeatures(candidate).includes('zeroTotal'),
		)) {
			expect(order.payment).toBeUndefined();
		}
	});

	it('shows each live quirk on its own order', () => {
		for (const order of orders) expect(orderQuirks(order).length).toBeLessThanOrEqual(1);
		const withQuirk = (quirk: Quirk) =>
			typed.find((order) => orderQuirks(order).includes(quirk)) as TestOrder;
		const stringNumber = withQuirk('stringNumber');
		expect(typeof stringNumber.number).toBe('string');
		const single = withQuirk('singleTaxObject');
		expect(Array.isArray(single.price.tax)).toBe(false);
		const country = withQuirk('emptyShippingCountry');
		expect(country.shipping).toEqual([{ country: [] }]);
		const legacyStatus = withQuirk('legacyPaymentStatus');
		expect(legacyStatus.payment?.status).toEqual(
			expect.objectContaining({ id: expect.any(Number), text: expect.any(String) }),
		);
	});

	it('has article lines whose total does not divide into whole cents per unit', () => {
		const uneven = typed.flatMap((order) =>
			order.orderlines.filter(
				(line) => line.type === 'article' && inclusiveOf(prices(line)[0]) % line.quantity !== 0,
			),
		);
		expect(uneven.length).toBeGreaterThan(0);
	});
});
