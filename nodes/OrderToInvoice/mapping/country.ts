import type { Order } from '../../shared/order.schema';

/** EU member states for VAT (ISO 3166-1 alpha-2; Greece also as `EL`, Northern Ireland goods as `XI`). */
const EU_COUNTRIES = new Set(
	'AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI'.split(
		' ',
	),
);

export function isEuCountry(code: string): boolean {
	return EU_COUNTRIES.has(code);
}

function countryCode(value: string | null | undefined): string | null {
	const code = (value ?? '').trim().toUpperCase();
	return /^[A-Z]{2}$/.test(code) ? code : null;
}

/**
 * The country the shop taxed the order for: `tax_region` (docs/api-notes.md, Mijnwebwinkel §7.4), else the shipping
 * destination, else the invoice or delivery address. Null when the order does not say.
 */
export function taxCountry(order: Order): string | null {
	const address = order.debtor.address;
	const candidates = [
		order.tax_region,
		order.shipping?.[0]?.country?.isocode,
		address?.invoice?.country_code,
		address?.delivery?.country_code,
	];
	for (const candidate of candidates) {
		const code = countryCode(candidate);
		if (code) return code;
	}
	return null;
}

/** `tax_region` alone (added mid-2021): the country the shop calculated the VAT for, null when not stated. */
export function taxRegion(order: Order): string | null {
	return countryCode(order.tax_region);
}

/**
 * Where the goods go: the shipping destination, else the delivery or invoice address; null when the order does not
 * say.
 */
export function destinationCountry(order: Order): string | null {
	const address = order.debtor.address;
	const candidates = [
		order.shipping?.[0]?.country?.isocode,
		address?.delivery?.country_code,
		address?.invoice?.country_code,
	];
	for (const candidate of candidates) {
		const code = countryCode(candidate);
		if (code) return code;
	}
	return null;
}
