/**
 * VAT rates of the EU member states in basis points (2100 = 21%): the standard rate first, then the reduced,
 * super-reduced and parking rates. Zero rates are left out (a 0% line never counts as OSS VAT). As of
 * 1 January 2026, from the European Commission's "VAT rates applied in the Member States" (Taxes in Europe
 * Database) with the changes of 2025–2026: EE 24% (July 2025), RO 21% / 11% (August 2025), LT 12% instead of
 * 9%, FI 13.5% instead of 14% (January 2026). Rates change, often on 1 January or 1 July: check this table
 * against the Commission's list when a country announces a change. Regional rates (Azores, Madeira, Corsica,
 * Greek islands) are not listed; Mijnwebwinkel taxes per country.
 */
export const EU_VAT_RATES: Readonly<Record<string, readonly number[]>> = {
	AT: [2000, 1300, 1000],
	BE: [2100, 1200, 600],
	BG: [2000, 900],
	CY: [1900, 900, 500, 300],
	CZ: [2100, 1200],
	DE: [1900, 700],
	DK: [2500],
	EE: [2400, 1300, 900],
	ES: [2100, 1000, 400],
	FI: [2550, 1350, 1000],
	FR: [2000, 1000, 550, 210],
	GR: [2400, 1300, 600],
	HR: [2500, 1300, 500],
	HU: [2700, 1800, 500],
	IE: [2300, 1350, 900, 480],
	IT: [2200, 1000, 500, 400],
	LT: [2100, 1200, 500],
	LU: [1700, 1400, 800, 300],
	LV: [2100, 1200, 500],
	MT: [1800, 1200, 700, 500],
	NL: [2100, 900],
	PL: [2300, 800, 500],
	PT: [2300, 1300, 600],
	RO: [2100, 1100],
	SE: [2500, 1200, 600],
	SI: [2200, 950, 500],
	SK: [2300, 1900, 500],
	// Northern Ireland follows EU VAT rules for goods at the UK's rates.
	XI: [2000, 500],
};

/** The rates of an EU country (Greece also as `EL`, its VAT prefix); undefined when not listed. */
export function vatRatesOf(country: string): readonly number[] | undefined {
	return EU_VAT_RATES[country === 'EL' ? 'GR' : country];
}
