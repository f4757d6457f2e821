import { mapOrderToInvoice, MappingError } from '../../../../nodes/OrderToInvoice/mapping';
import { isEuCountry } from '../../../../nodes/OrderToInvoice/mapping/country';
import { EU_VAT_RATES, vatRatesOf } from '../../../../nodes/OrderToInvoice/mapping/euVatRates';
import { vatTreatment, type VatSituation } from '../../../../nodes/OrderToInvoice/mapping/vat';
import { line, order, price } from '../orders';

const dutch: VatSituation = {
	strategy: '',
	country: 'NL',
	taxRegion: null,
	consumer: true,
	ossPeriod: true,
	ossEnabled: false,
	euSupplyType: 'goods',
};
const fail = (reason: string): never => {
	throw new Error(reason);
};

describe('VAT code by rate and tax strategy', () => {
	it.each([
		[2100, dutch, 'HOOG_VERK_21', 'high'],
		[900, dutch, 'LAAG_VERK_9', 'low'],
		[0, dutch, 'GEEN', 'noVat'],
		[0, { ...dutch, strategy: 'reverse_charged_vat', country: 'BE' }, 'BI_EU_VERK', 'euB2B'],
		[
			0,
			{ ...dutch, strategy: 'reverse_charged_vat', country: 'BE', euSupplyType: 'services' },
			'BI_EU_VERK_D',
			'euB2B',
		],
		[0, { ...dutch, strategy: 'zero_percent', country: 'US' }, 'BU_EU_VERK', 'export'],
		[0, { ...dutch, strategy: 'zero_percent', country: 'NO' }, 'BU_EU_VERK', 'export'],
		[0, { ...dutch, strategy: 'zero_percent', country: 'DE' }, 'GEEN', 'noVat'],
		[0, { ...dutch, strategy: 'zero_percent', country: null }, 'GEEN', 'noVat'],
		[2100, { ...dutch, country: 'DE' }, 'HOOG_VERK_21', 'high'],
		[1900, { ...dutch, country: 'DE', ossEnabled: true }, 'AFST_VERK', 'distance'],
		[2100, { ...dutch, country: 'BE', ossEnabled: true }, 'AFST_VERK', 'distance'],
		[2100, { ...dutch, country: 'NL', ossEnabled: true }, 'HOOG_VERK_21', 'high'],
		[
			2100,
			{ ...dutch, country: 'BE', ossEnabled: true, strategy: 'reverse_charged_vat' },
			'HOOG_VERK_21',
			'high',
		],
	] as const)('%i bp, %j → %s', (rate, situation, vatCode, revenue) => {
		expect(vatTreatment(rate, situation, fail)).toMatchObject({ vatCode, revenue });
	});

	it.each([
		[700, 'DE'],
		[2550, 'FI'],
		[1350, 'FI'],
		[550, 'FR'],
		[210, 'FR'],
		[2400, 'EE'],
		[2100, 'RO'],
		[1100, 'RO'],
		[1200, 'LT'],
		[2400, 'GR'],
		[2400, 'EL'],
		[2000, 'XI'],
	] as const)('with OSS, %i bp is one of the rates of %s: an OSS sale', (rate, country) => {
		expect(vatTreatment(rate, { ...dutch, country, ossEnabled: true }, fail)).toMatchObject({
			vatCode: 'AFST_VERK',
			ossCountry: country,
		});
	});

	it.each([
		[2100, 'DE', 'VAT rate 21% (DE) is not a VAT rate of DE (19%, 7%)'],
		[900, 'DE', 'VAT rate 9% (DE) is not a VAT rate of DE (19%, 7%)'],
		[1900, 'AT', 'VAT rate 19% (AT) is not a VAT rate of AT (20%, 13%, 10%)'],
		[1400, 'FI', 'VAT rate 14% (FI) is not a VAT rate of FI (25.5%, 13.5%, 10%)'],
		[900, 'LT', 'VAT rate 9% (LT) is not a VAT rate of LT (21%, 12%, 5%)'],
		[2200, 'EE', 'VAT rate 22% (EE) is not a VAT rate of EE (24%, 13%, 9%)'],
	] as const)(
		'with OSS, %i bp to %s is not that country’s rate: refused',
		(rate, country, message) => {
			expect(() => vatTreatment(rate, { ...dutch, country, ossEnabled: true }, fail)).toThrow(
				message,
			);
		},
	);

	it('every EU country the mapping knows has its VAT rates in the table', () => {
		const codes =
			'AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI'.split(
				' ',
			);
		for (const code of codes) {
			expect(isEuCountry(code)).toBe(true);
			expect([code, vatRatesOf(code)?.[0]]).toEqual([code, expect.any(Number)]);
		}
		// 27 member states (Greece once, as GR) and Northern Ireland (XI).
		expect(Object.keys(EU_VAT_RATES)).toHaveLength(28);
	});

	it('names the country whose VAT an OSS sale carries', () => {
		expect(vatTreatment(1900, { ...dutch, country: 'DE', ossEnabled: true }, fail).ossCountry).toBe(
			'DE',
		);
	});

	it.each([
		[
			1900,
			{ ...dutch, country: 'DE' },
			'VAT rate 19% (DE) is not a Dutch rate (21%, 9%); turn on OSS (One-Stop Shop) to book EU distance sales',
		],
		[
			1900,
			{ ...dutch, country: 'US', ossEnabled: true },
			'VAT rate 19% (US) is not a Dutch rate (21%, 9%), and OSS only applies',
		],
		[1900, { ...dutch, country: 'NL', ossEnabled: true }, 'VAT rate 19% (NL) is not a Dutch rate'],
		[700, { ...dutch, country: null }, 'VAT rate 7% (country unknown) is not a Dutch rate'],
		[
			600,
			dutch,
			'VAT rate 6% (NL) is not a Dutch rate (21%, 9%) (6% was the Dutch low rate until 2019',
		],
	] as const)('%i bp in %j cannot be booked', (rate, situation, message) => {
		expect(() => vatTreatment(rate, situation, fail)).toThrow(message);
	});

	it.each([
		[2100, 'BE'],
		[2100, 'ES'],
		[2100, 'CZ'],
		[2100, 'LV'],
		[2100, 'LT'],
		[900, 'BG'],
		[1900, 'DE'],
	] as const)(
		'OSS off: %i bp for tax region %s is that country’s VAT, refused even when the rate is a Dutch one',
		(rate, region) => {
			const situation = { ...dutch, country: region, taxRegion: region };
			const percent = `${rate / 100}%`;
			expect(() => vatTreatment(rate, situation, fail)).toThrow(
				`VAT rate ${percent} was charged for tax region ${region}: that is ${region} VAT on an EU distance sale, not Dutch VAT, and the setting Book EU Distance Sales (OSS) is off`,
			);
		},
	);

	it.each([
		['a business sale', { consumer: false }],
		['a sale before July 2021', { ossPeriod: false }],
		['an intra-EU B2B sale', { strategy: 'reverse_charged_vat' }],
	] as const)('OSS off: 21%% for tax region BE in %s is Dutch VAT', (_what, change) => {
		const situation = { ...dutch, country: 'BE', taxRegion: 'BE', ...change };
		expect(vatTreatment(2100, situation, fail)).toMatchObject({ vatCode: 'HOOG_VERK_21' });
	});

	it('OSS on: a consumer sale to Belgium before July 2021 is Dutch VAT, never OSS', () => {
		const situation = {
			...dutch,
			country: 'BE',
			taxRegion: 'BE',
			ossEnabled: true,
			ossPeriod: false,
		};
		expect(vatTreatment(2100, situation, fail)).toEqual({
			vatCode: 'HOOG_VERK_21',
			revenue: 'high',
		});
		expect(() =>
			vatTreatment(1900, { ...situation, country: 'DE', taxRegion: 'DE' }, fail),
		).toThrow(
			'VAT rate 19% (DE) is not a Dutch rate (21%, 9%); the OSS did not exist before 1 July 2021',
		);
	});

	it.each([
		[700, { ...dutch, taxRegion: 'NL' }],
		[1900, { ...dutch, taxRegion: 'NL', ossEnabled: true }],
		[1300, { ...dutch, country: null }],
	] as const)(
		'an unknown rate %i bp on a Dutch order names the rate and does not advise OSS',
		(rate, situation) => {
			let message = '';
			try {
				vatTreatment(rate, situation, fail);
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toContain(`VAT rate ${rate / 100}%`);
			expect(message).toContain('is not a Dutch rate (21%, 9%)');
			expect(message).not.toMatch(/turn on OSS/);
		},
	);
});

describe('VAT rules through the mapping', () => {
	it('stops a German 19% order without OSS, naming order, field, rate and country', () => {
		const german = order({
			shipping: [{ country: { description: 'Duitsland', isocode: 'DE' } }],
			orderlines: [
				line('article', 1, 'Sjaal', price('11.90')),
				line('article', 1, 'Muts', price('11.90', '19.00')),
			],
			price: { total: '23.80' },
		});
		expect(() => mapOrderToInvoice(german)).toThrow(
			new MappingError(
				'1042',
				'orderlines[1].price[0].rate',
				'VAT rate 19% (DE) is not a Dutch rate (21%, 9%); turn on OSS (One-Stop Shop) to book EU distance sales',
			),
		);
		expect(() => mapOrderToInvoice(german)).toThrow(
			'Order 1042: orderlines[1].price[0].rate: VAT rate 19% (DE) is not a Dutch rate',
		);
	});

	it('OSS off: stops a Belgian consumer order at 21%, naming region, rate and the OSS setting', () => {
		const belgian = order({
			date: '2025-03-14',
			business_model: 'B2C',
			tax_region: 'BE',
			orderlines: [line('article', 1, 'Boek', price('12.10'))],
		});
		expect(() => mapOrderToInvoice(belgian)).toThrow(
			new MappingError(
				'1042',
				'orderlines[0].price[0].rate',
				'VAT rate 21% was charged for tax region BE: that is BE VAT on an EU distance sale, not Dutch VAT, and the setting Book EU Distance Sales (OSS) is off; turn it on to book it under the OSS',
			),
		);
	});

	it('OSS on: a Belgian consumer order from June 2021 is booked with Dutch VAT', () => {
		const belgian = order({
			date: '2021-06-30',
			tax_region: 'BE',
			orderlines: [line('article', 1, 'Boek', price('12.10'))],
		});
		const draft = mapOrderToInvoice(belgian, { ossEnabled: true });
		expect(draft.invoice.items).toEqual([
			{
				description: 'Boek',
				quantity: 1,
				pricePerUnit: 12.1,
				vatCode: 'HOOG_VERK_21',
				ledgerCode: '8000',
			},
		]);
	});

	it('names a rate that is not Dutch on a Dutch order without advising OSS', () => {
		const dutchOrder = order({
			tax_region: 'NL',
			orderlines: [line('article', 1, 'Boek', price('10.70', '7.00'))],
			price: { total: '10.70' },
		});
		expect(() => mapOrderToInvoice(dutchOrder)).toThrow(
			new MappingError(
				'1042',
				'orderlines[0].price[0].rate',
				'VAT rate 7% (NL) is not a Dutch rate (21%, 9%)',
			),
		);
	});

	it('with OSS on, stops a German order still charged Dutch 21%, naming rate, country and field', () => {
		const german = order({
			tax_region: 'DE',
			orderlines: [
				line('article', 1, 'Muts', price('11.90', '19.00')),
				line('article', 1, 'Sjaal', price('12.10', '21.00')),
			],
			price: { total: '24.00' },
		});
		expect(() => mapOrderToInvoice(german, { ossEnabled: true })).toThrow(
			new MappingError(
				'1042',
				'orderlines[1].price[0].rate',
				'VAT rate 21% (DE) is not a VAT rate of DE (19%, 7%) on 2025-03-14; with OSS a consumer sale carries the VAT of the country it goes to',
			),
		);
	});

	it('uses the shipping country when the order has no tax_region', () => {
		const german = order({
			shipping: [{ country: { description: 'Duitsland', isocode: 'DE' } }],
			orderlines: [line('article', 1, 'Muts', price('11.90', '19.00'))],
			price: { total: '11.90' },
		});
		const draft = mapOrderToInvoice(german, { ossEnabled: true });
		// 11.90 × 19/119 = 1.90 VAT, 10.00 net
		expect(
			draft.invoice.items.map((item) => [item.pricePerUnit, item.vatCode, item.ledgerCode]),
		).toEqual([
			[10, 'AFST_VERK', '8040'],
			[1.9, 'GEEN', '1650'],
		]);
	});

	it('books OSS VAT on the ledger of its country from the table', () => {
		const belgian = order({
			tax_region: 'be',
			orderlines: [line('article', 1, 'Boek', price('12.10'))],
		});
		const draft = mapOrderToInvoice(belgian, {
			ossEnabled: true,
			ossVatLedgerByCountry: { BE: '1651', DE: '1652' },
		});
		// 12.10 × 21/121 = 2.10 Belgian VAT
		expect(draft.invoice.items[1]).toEqual({
			description: 'Btw BE 21% (OSS)',
			quantity: 1,
			pricePerUnit: 2.1,
			vatCode: 'GEEN',
			ledgerCode: '1651',
		});
		expect(draft.totals).toEqual({ amountInclVat: 12.1, byVatCode: { AFST_VERK: 10, GEEN: 2.1 } });
	});

	it('books intra-EU services with BI_EU_VERK_D when the setting says so', () => {
		const service = order({
			tax_strategy: 'reverse_charged_vat',
			orderlines: [line('custom', 1, 'Workshop', price('150.00', '0.00'))],
			price: { total: '150.00' },
		});
		expect(mapOrderToInvoice(service, { euSupplyType: 'services' }).invoice.items[0]).toMatchObject(
			{
				vatCode: 'BI_EU_VERK_D',
				ledgerCode: '8020',
			},
		);
	});

	it('warns when a reverse-charge order has no VAT number of the customer', () => {
		const icp = order({
			tax_strategy: 'reverse_charged_vat',
			orderlines: [line('article', 1, 'Cups', price('45.00', '0.00'))],
			price: { total: '45.00' },
		});
		expect(mapOrderToInvoice(icp).warnings).toEqual([
			"debtor.address.invoice.taxnumber: EU reverse charge without the customer's VAT number; an ICP invoice needs it",
		]);
	});

	it('books a Dutch 0% line (no tax strategy) with GEEN on the no-VAT ledger', () => {
		const exempt = order({
			orderlines: [line('article', 1, 'Cadeaubon', price('25.00', '0.00'))],
			price: { total: '25.00' },
		});
		expect(mapOrderToInvoice(exempt).invoice.items[0]).toMatchObject({
			vatCode: 'GEEN',
			ledgerCode: '8050',
		});
	});

	it('rejects a rate that is not a percentage', () => {
		const odd = order({
			orderlines: [line('article', 1, 'X', price('1.00', 'hoog'))],
			price: { total: '1.00' },
		});
		expect(() => mapOrderToInvoice(odd)).toThrow(
			"Order 1042: orderlines[0].price[0].rate: VAT rate 'hoog' is not a percentage",
		);
	});
});
