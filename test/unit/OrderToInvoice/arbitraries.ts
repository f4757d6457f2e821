import fc from 'fast-check';
import type { MappingSettings } from '../../../nodes/OrderToInvoice/mapping/types';

/**
 * Generated Mijnwebwinkel orders with the bookings they must give, worked out here from the generated
 * cents, independently of the mapping: product lines at 21/9/0%, prices split over rates, discounts per
 * rate, shipping and payment costs, quantities that do and do not divide, lines from before 2019 without
 * `amount_including_tax`, totals one cent off, credit orders in either sign, OSS sales at German rates,
 * and the live quirks.
 */

export interface GeneratedOrder {
	order: Record<string, unknown>;
	/** OSS orders (German rates) need `ossEnabled`. */
	settings: Partial<MappingSettings>;
	credit: boolean;
	/** What the books must show, in cents: the total and Σ per VAT code (zero codes left out). */
	totalCents: number;
	byVatCode: Record<string, number>;
}

type Scenario = 'dutch' | 'icp' | 'export' | 'oss';

const RATES: Record<Scenario, number[]> = {
	dutch: [2100, 900, 0],
	icp: [0],
	export: [0],
	oss: [1900, 700, 0],
};
const ZERO_CODE: Record<Scenario, string> = {
	dutch: 'GEEN',
	icp: 'BI_EU_VERK',
	export: 'BU_EU_VERK',
	oss: 'GEEN',
};
const STRATEGY: Record<Scenario, string> = {
	dutch: '',
	icp: 'reverse_charged_vat',
	export: 'zero_percent',
	oss: '',
};
const COUNTRY: Record<Scenario, string> = { dutch: 'NL', icp: 'BE', export: 'US', oss: 'DE' };

interface Part {
	cents: number;
	rate: number;
}

function euros(cents: number): string {
	const size = Math.abs(cents);
	return `${cents < 0 ? '-' : ''}${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}`;
}

/** amount excl. VAT with 6 decimals; × (1 + rate) rounds back to the same cents. */
function exclusive(cents: number, rate: number): string {
	const micro = Math.round((cents * 10_000 * 10_000) / (10_000 + rate));
	const size = Math.abs(micro);
	return `${micro < 0 ? '-' : ''}${Math.floor(size / 1_000_000)}.${String(size % 1_000_000).padStart(6, '0')}`;
}

function rateText(rate: number): string {
	return (rate / 100).toFixed(2);
}

function taxPrice(part: Part, withInclusive: boolean) {
	const price: Record<string, string> = {
		amount: exclusive(part.cents, part.rate),
		rate: rateText(part.rate),
	};
	if (withInclusive) price.amount_including_tax = euros(part.cents);
	return price;
}

const partsArbitrary = (rates: number[], min: number, max: number) =>
	fc
		.uniqueArray(fc.constantFrom(...rates), { minLength: 1, maxLength: rates.length })
		.chain((chosen) =>
			fc.tuple(
				...chosen.map((rate) => fc.integer({ min, max }).map((cents): Part => ({ cents, rate }))),
			),
		);

const productArbitrary = (rates: number[]) =>
	fc.record({
		quantity: fc.integer({ min: 1, max: 6 }),
		parts: partsArbitrary(rates, 1, 25_000),
		divides: fc.boolean(),
		old: fc.boolean(),
	});

export const generatedOrder = (): fc.Arbitrary<GeneratedOrder> =>
	fc
		.record({
			scenario: fc.constantFrom<Scenario>('dutch', 'dutch', 'dutch', 'icp', 'export', 'oss'),
			number: fc.integer({ min: 1, max: 9_999_999 }),
			numberAsString: fc.boolean(),
			products: fc.array(fc.constant(null), { minLength: 1, maxLength: 8 }),
			shipping: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
			paymentCosts: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
			discountShare: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
			discountCode: fc.option(fc.stringMatching(/^[A-Z0-9]{3,10}$/), { nil: null }),
			roundingCents: fc.constantFrom(0, 0, 0, 1, -1),
			credit: fc.constantFrom<'no' | 'positive' | 'negative'>(
				'no',
				'no',
				'no',
				'positive',
				'negative',
			),
			taxShape: fc.constantFrom('array', 'object', 'absent'),
		})
		.chain((shape) =>
			fc
				.tuple(...shape.products.map(() => productArbitrary(RATES[shape.scenario])))
				.map((products) => buildOrder(shape, products)),
		);

interface Shape {
	scenario: Scenario;
	number: number;
	numberAsString: boolean;
	shipping?: number;
	paymentCosts?: number;
	discountShare?: number;
	discountCode: string | null;
	roundingCents: number;
	credit: 'no' | 'positive' | 'negative';
	taxShape: string;
}

type Product = { quantity: number; parts: Part[]; divides: boolean; old: boolean };

function buildOrder(shape: Shape, products: Product[]): GeneratedOrder {
	const rates = RATES[shape.scenario];
	const lines: Array<{
		type: string;
		quantity: number;
		description?: string;
		parts: Part[];
		old?: boolean;
	}> = [];
	for (const [index, product] of products.entries()) {
		const parts = product.parts.map((part) => ({
			...part,
			cents: product.divides ? part.cents * product.quantity : part.cents,
		}));
		lines.push({
			type: 'article',
			quantity: product.quantity,
			description: `Artikel ${index + 1}`,
			parts,
			old: product.old,
		});
	}
	const productByRate = new Map<number, number>();
	for (const line of lines)
		for (const part of line.parts)
			productByRate.set(part.rate, (productByRate.get(part.rate) ?? 0) + part.cents);
	if (shape.discountShare !== undefined) {
		const parts = [...productByRate].map(([rate, cents]) => ({
			rate,
			cents: -Math.floor((cents * shape.discountShare!) / 200),
		}));
		lines.push({
			type: 'discount',
			quantity: 1,
			description: 'Korting',
			parts: parts.filter((part) => part.cents !== 0),
		});
	}
	if (shape.shipping !== undefined)
		lines.push({
			type: 'shipping',
			quantity: 1,
			parts: [{ cents: shape.shipping, rate: rates[0] }],
		});
	if (shape.paymentCosts !== undefined) {
		const parts = [...productByRate.keys()].map((rate, index) => ({
			rate,
			cents: shape.paymentCosts! + index,
		}));
		lines.push({ type: 'payment', quantity: 1, parts });
	}
	const bookable = lines.filter((line) => line.parts.length > 0);
	const byRate = new Map<number, number>();
	for (const line of bookable)
		for (const part of line.parts) byRate.set(part.rate, (byRate.get(part.rate) ?? 0) + part.cents);
	const linesCents = [...byRate.values()].reduce((sum, cents) => sum + cents, 0);
	const totalCents = linesCents + shape.roundingCents;

	const code = (rate: number) =>
		rate === 2100 ? 'HOOG_VERK_21' : rate === 900 ? 'LAAG_VERK_9' : ZERO_CODE[shape.scenario];
	const byVatCode: Record<string, number> = {};
	const add = (vatCode: string, cents: number) =>
		(byVatCode[vatCode] = (byVatCode[vatCode] ?? 0) + cents);
	for (const line of bookable) {
		for (const part of line.parts) {
			if (shape.scenario !== 'oss' || part.rate === 0) {
				add(code(part.rate), part.cents);
				continue;
			}
			// OSS: net with AFST_VERK; the German VAT inside each line (half up) as its own GEEN item
			const vat =
				Math.sign(part.cents) *
				Math.round((Math.abs(part.cents) * part.rate) / (10_000 + part.rate));
			add('AFST_VERK', part.cents - vat);
			add('GEEN', vat);
		}
	}
	if (shape.roundingCents) byVatCode.GEEN = (byVatCode.GEEN ?? 0) + shape.roundingCents;

	const sign = shape.credit === 'negative' ? -1 : 1;
	const bookSign = shape.credit === 'no' ? 1 : -1;
	const orderlines = bookable.map((line) => ({
		type: line.type,
		quantity: line.quantity * sign,
		...(line.description ? { description: line.description } : {}),
		price:
			line.parts.length === 1 && line.type !== 'discount'
				? taxPrice({ ...line.parts[0], cents: line.parts[0].cents * sign }, !line.old)
				: line.parts.map((part) => taxPrice({ ...part, cents: part.cents * sign }, !line.old)),
	}));
	const tax = [...byRate].map(([rate, cents]) => ({
		amount: euros(Math.round((cents * rate) / (10_000 + rate))),
		rate: rateText(rate),
	}));
	const order: Record<string, unknown> = {
		number: shape.numberAsString ? String(shape.number) : shape.number,
		uuid: '00000000-0000-4000-8000-000000000000',
		date: '2024-11-05',
		time: '12:00:00',
		status: shape.credit === 'no' ? 4 : 10,
		tax_strategy: STRATEGY[shape.scenario],
		tax_region: COUNTRY[shape.scenario],
		discountcode: shape.discountCode,
		payment_status: shape.credit === 'no' ? 'captured' : null,
		payment:
			shape.credit === 'no'
				? { gateway_name: 'mollie', method_name: 'ideal', status: { id: 1, text: 'Successful' } }
				: null,
		debtor: {
			email: `Klant${shape.number}@Example.com`,
			address: { invoice: { name: 'Klant', country_code: COUNTRY[shape.scenario] } },
		},
		price: {
			...(shape.taxShape === 'array'
				? { tax }
				: shape.taxShape === 'object' && tax.length
					? { tax: tax[0] }
					: {}),
			total: euros(totalCents * sign),
		},
		orderlines,
		shipping: [{ country: shape.number % 7 === 0 ? [] : { isocode: COUNTRY[shape.scenario] } }],
	};
	if (shape.credit !== 'no') order.credited_order_number = shape.number + 1;
	for (const key of Object.keys(byVatCode)) {
		byVatCode[key] *= bookSign;
		if (byVatCode[key] === 0) delete byVatCode[key];
	}
	const settings = shape.scenario === 'oss' ? { ossEnabled: true } : {};
	return {
		order,
		settings,
		credit: shape.credit !== 'no',
		totalCents: totalCents * bookSign || 0,
		byVatCode,
	};
}
