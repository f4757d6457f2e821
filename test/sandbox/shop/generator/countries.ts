/**
 * Countries the sandbox ships to, with names per language (the `language` query parameter localises them)
 * and their VAT rates for OSS (B2C distance sales within the EU, docs/api-notes.md, Dutch VAT rules §4).
 */
import type { RateClass } from './catalog';

export type Region = 'NL' | 'EU' | 'WORLD';

export interface Country {
	code: string;
	region: Region;
	names: { nl_NL: string; en_GB: string; de_DE: string };
	/** Local VAT rates, for OSS orders (EU only). */
	rates?: Record<RateClass, number>;
	cities: readonly { city: string; zipcode: string; street: string }[];
}

export const COUNTRIES: Record<string, Country> = {
	NL: {
		code: 'NL',
		region: 'NL',
		names: { nl_NL: 'Nederland', en_GB: 'Netherlands', de_DE: 'Niederlande' },
		rates: { high: 21, low: 9 },
		cities: [
			{ city: 'Oss', zipcode: '5341 GE', street: 'Molenstraat' },
			{ city: 'Amsterdam', zipcode: '1015 CJ', street: 'Prinsengracht' },
			{ city: 'Utrecht', zipcode: '3511 LX', street: 'Oudegracht' },
			{ city: 'Groningen', zipcode: '9711 LV', street: 'Herestraat' },
			{ city: 'Eindhoven', zipcode: '5611 EM', street: 'Stratumseind' },
			{ city: 'Zwolle', zipcode: '8011 NJ', street: 'Diezerstraat' },
			{ city: 'Leeuwarden', zipcode: '8911 BM', street: 'Nieuwestad' },
			{ city: 'Maastricht', zipcode: '6211 CS', street: 'Grote Staat' },
		],
	},
	BE: {
		code: 'BE',
		region: 'EU',
		names: { nl_NL: 'België', en_GB: 'Belgium', de_DE: 'Belgien' },
		rates: { high: 21, low: 6 },
		cities: [
			{ city: 'Antwerpen', zipcode: '2000', street: 'Meir' },
			{ city: 'Gent', zipcode: '9000', street: 'Veldstraat' },
		],
	},
	DE: {
		code: 'DE',
		region: 'EU',
		names: { nl_NL: 'Duitsland', en_GB: 'Germany', de_DE: 'Deutschland' },
		rates: { high: 19, low: 7 },
		cities: [
			{ city: 'Köln', zipcode: '50667', street: 'Hohe Straße' },
			{ city: 'Düsseldorf', zipcode: '40213', street: 'Königsallee' },
		],
	},
	FR: {
		code: 'FR',
		region: 'EU',
		names: { nl_NL: 'Frankrijk', en_GB: 'France', de_DE: 'Frankreich' },
		rates: { high: 20, low: 5.5 },
		cities: [{ city: 'Lille', zipcode: '59000', street: 'Rue Faidherbe' }],
	},
	US: {
		code: 'US',
		region: 'WORLD',
		names: { nl_NL: 'Verenigde Staten', en_GB: 'United States', de_DE: 'Vereinigte Staaten' },
		cities: [{ city: 'Portland', zipcode: '97205', street: 'SW Broadway' }],
	},
	CH: {
		code: 'CH',
		region: 'WORLD',
		names: { nl_NL: 'Zwitserland', en_GB: 'Switzerland', de_DE: 'Schweiz' },
		cities: [{ city: 'Zürich', zipcode: '8001', street: 'Bahnhofstrasse' }],
	},
	NO: {
		code: 'NO',
		region: 'WORLD',
		names: { nl_NL: 'Noorwegen', en_GB: 'Norway', de_DE: 'Norwegen' },
		cities: [{ city: 'Oslo', zipcode: '0154', street: 'Karl Johans gate' }],
	},
};

export type NameLanguage = keyof Country['names'];

/** The country name in `language`; languages without their own names get English. */
export function countryName(code: string, language: string): string | undefined {
	const country = COUNTRIES[code];
	if (!country) return undefined;
	const key: NameLanguage = language in country.names ? (language as NameLanguage) : 'en_GB';
	return country.names[key];
}
