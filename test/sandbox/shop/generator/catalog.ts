/** What the sandbox shop sells: a Dutch webshop with goods at both Dutch VAT rates (high 21 %, low 9 %). */
export type RateClass = 'high' | 'low';

export interface Product {
	id: number;
	sku: string;
	name: string;
	rateClass: RateClass;
	/** Shelf price incl. Dutch VAT, in cents. */
	priceCents: number;
	/** Grams. */
	weight: number;
}

export const PRODUCTS: readonly Product[] = [
	{
		id: 101,
		sku: 'KOF-1000',
		name: 'Koffiebonen Espresso 1 kg',
		rateClass: 'low',
		priceCents: 1895,
		weight: 1000,
	},
	{
		id: 102,
		sku: 'KOF-0250',
		name: 'Koffiebonen Decaf 250 g',
		rateClass: 'low',
		priceCents: 749,
		weight: 250,
	},
	{
		id: 103,
		sku: 'THE-0100',
		name: 'Losse thee Earl Grey 100 g',
		rateClass: 'low',
		priceCents: 595,
		weight: 100,
	},
	{
		id: 104,
		sku: 'CHO-0200',
		name: 'Chocoladereep puur 200 g',
		rateClass: 'low',
		priceCents: 349,
		weight: 200,
	},
	{
		id: 105,
		sku: 'BOE-0001',
		name: 'Boek: Koffie zetten voor beginners',
		rateClass: 'low',
		priceCents: 2250,
		weight: 450,
	},
	{
		id: 106,
		sku: 'STR-0500',
		name: 'Stroopwafels 500 g',
		rateClass: 'low',
		priceCents: 499,
		weight: 500,
	},
	{
		id: 201,
		sku: 'MOL-0001',
		name: 'Koffiemolen handmatig',
		rateClass: 'high',
		priceCents: 4995,
		weight: 700,
	},
	{
		id: 202,
		sku: 'FIL-0002',
		name: 'Filterhouder porselein',
		rateClass: 'high',
		priceCents: 2450,
		weight: 400,
	},
	{
		id: 203,
		sku: 'FIL-0100',
		name: 'Koffiefilters nr. 4 (100 stuks)',
		rateClass: 'high',
		priceCents: 299,
		weight: 120,
	},
	{
		id: 204,
		sku: 'MOK-0003',
		name: 'Mok Delfts blauw',
		rateClass: 'high',
		priceCents: 1295,
		weight: 350,
	},
	{
		id: 205,
		sku: 'TPT-0001',
		name: 'Theepot gietijzer 0,8 l',
		rateClass: 'high',
		priceCents: 3999,
		weight: 1200,
	},
	{
		id: 206,
		sku: 'KET-0001',
		name: 'Waterkoker met thermometer',
		rateClass: 'high',
		priceCents: 6950,
		weight: 1100,
	},
	{
		id: 207,
		sku: 'BUS-0001',
		name: 'Voorraadbus RVS',
		rateClass: 'high',
		priceCents: 1799,
		weight: 300,
	},
	{
		id: 208,
		sku: 'CAD-0001',
		name: 'Cadeaubon verpakking',
		rateClass: 'high',
		priceCents: 195,
		weight: 20,
	},
	{
		id: 209,
		sku: 'ESP-0001',
		name: 'Espressomachine Compact',
		rateClass: 'high',
		priceCents: 28900,
		weight: 5200,
	},
	{
		id: 210,
		sku: 'LEP-0006',
		name: 'Espressolepels (6 stuks)',
		rateClass: 'high',
		priceCents: 1450,
		weight: 90,
	},
];

/** A free sample, for zero-total orders. */
export const FREE_SAMPLE: Product = {
	id: 301,
	sku: 'PRO-0001',
	name: 'Gratis proefpakket koffie',
	rateClass: 'low',
	priceCents: 0,
	weight: 150,
};

export const NL_RATES: Record<RateClass, number> = { high: 21, low: 9 };

export const SHIPPING_CENTS = { NL: 495, EU: 995, WORLD: 1995 } as const;
export const FREE_SHIPPING_FROM_CENTS = 5000;
