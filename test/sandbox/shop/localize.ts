/**
 * The `language` query parameter: "Store language to return content for" (spec). The sandbox localises
 * what it can: status descriptions and country names; anything else stays as stored.
 */
import { countryName } from './generator/countries';
import type { ShopOrder } from './generator/render';

export const LANGUAGES = [
	'nl_NL',
	'en_GB',
	'de_DE',
	'fr_FR',
	'es_ES',
	'en_US',
	'pt_PT',
	'it_IT',
	'da_DK',
	'sv_SE',
	'no_NO',
	'tr_TR',
	'pl_PL',
] as const;
export const DEFAULT_LANGUAGE = 'nl_NL';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function renameCountry(address: unknown, language: string): void {
	if (!isRecord(address) || typeof address.country_code !== 'string') return;
	const name = countryName(address.country_code, language);
	if (name) address.country = name;
}

/** A copy of the order with its country names in `language`. */
export function localizeOrder(order: ShopOrder, language: string): ShopOrder {
	const copy = structuredClone(order);
	if (language === DEFAULT_LANGUAGE) return copy;
	const addresses =
		isRecord(copy.debtor) && isRecord(copy.debtor.address) ? copy.debtor.address : {};
	renameCountry(addresses.invoice, language);
	renameCountry(addresses.delivery, language);
	for (const entry of Array.isArray(copy.shipping) ? copy.shipping : []) {
		const country = isRecord(entry) ? entry.country : undefined;
		if (isRecord(country) && typeof country.isocode === 'string') {
			country.description = countryName(country.isocode, language) ?? country.description;
		}
	}
	return copy;
}
