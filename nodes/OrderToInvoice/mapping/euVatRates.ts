/**
 * VAT rates of the EU member states in basis points (2100 = 21%): the standard rate first, then the reduced,
 * super-reduced and parking rates. Zero rates are left out (a 0% line never counts as OSS VAT). As of
 * 1 January 2026, from the European Commission's "VAT rates applied in the Member States" (Taxes in Europe
 * Database) with the changes of 2025–2026: EE 24% (July 2025), RO 21% / 11% (August 2025), LT 12% instead of
 * 9%, FI 13.5% instead of 14% (January 2026). Rates change, often on 1 January or 1 July: check this table
 * against the Commission's list when a country announces a change, and move the rates it replaces to
 * `FORMER_EU_VAT_RATES` with the day they ended, so older orders keep their rate. Regional rates (Azores, Madeira,
 * Corsica, Greek islands) are not listed; Mijnwebwinkel taxes per country.
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

/**
 * The rates a country had before a change, for orders dated before it (`until`, exclusive), newest first: a history
 * import books orders from the start of the OSS (1 July 2021) on, each at the rate of its day. Only the countries
 * that changed since then are listed: CZ merged 15% and 10% into 12% (2024); EE went 20% → 22% (2024) → 24% (July
 * 2025), with 5% press from August 2022 until 2025 and 13% lodging since; FI 24% → 25.5% (September 2024), 14% → 13.5% (2026); LT 9%
 * → 12% (2026); LU cut each rate by one point for 2023; RO 19/9/5% → 21/11% (August 2025); SK 20/10% → 23/19/5%
 * (2025); AT had a temporary 5% until the end of 2021; ES had a temporary 5% (energy from July 2022, pasta and oils
 * 2023 – September 2024), then 7.5% and 2% for the last quarter of 2024.
 */
const FORMER_EU_VAT_RATES: Readonly<
	Record<string, ReadonlyArray<{ until: string; rates: readonly number[] }>>
> = {
	AT: [{ until: '2022-01-01', rates: [2000, 1300, 1000, 500] }],
	CZ: [{ until: '2024-01-01', rates: [2100, 1500, 1000] }],
	EE: [
		{ until: '2025-07-01', rates: [2200, 1300, 900] },
		{ until: '2025-01-01', rates: [2200, 900, 500] },
		{ until: '2024-01-01', rates: [2000, 900, 500] },
		{ until: '2022-08-01', rates: [2000, 900] },
	],
	ES: [
		{ until: '2025-01-01', rates: [2100, 1000, 750, 400, 200] },
		{ until: '2024-10-01', rates: [2100, 1000, 500, 400] },
		{ until: '2022-07-01', rates: [2100, 1000, 400] },
	],
	FI: [
		{ until: '2026-01-01', rates: [2550, 1400, 1000] },
		{ until: '2024-09-01', rates: [2400, 1400, 1000] },
	],
	LT: [{ until: '2026-01-01', rates: [2100, 900, 500] }],
	LU: [
		{ until: '2024-01-01', rates: [1600, 1300, 700, 300] },
		{ until: '2023-01-01', rates: [1700, 1400, 800, 300] },
	],
	RO: [{ until: '2025-08-01', rates: [1900, 900, 500] }],
	SK: [{ until: '2025-01-01', rates: [2000, 1000] }],
};

/**
 * The rates of an EU country (Greece also as `EL`, its VAT prefix) on a day (yyyy-mm-dd; today's rates without one);
 * undefined when not listed.
 */
export function vatRatesOf(country: string, date?: string): readonly number[] | undefined {
	const code = country === 'EL' ? 'GR' : country;
	const former = date
		? (FORMER_EU_VAT_RATES[code] ?? []).filter(({ until }) => date < until).pop()
		: undefined;
	return former?.rates ?? EU_VAT_RATES[code];
}

/**
 * For a credit order: the rates of its day and every rate the country had before. A return after a rate change is
 * credited at the rate of the sale it corrects, whose date the credit order does not carry.
 */
export function vatRatesUpTo(country: string, date: string): readonly number[] | undefined {
	const code = country === 'EL' ? 'GR' : country;
	const earlier = (FORMER_EU_VAT_RATES[code] ?? [])
		.filter(({ until }) => until <= date)
		.flatMap(({ rates }) => rates);
	const rates = vatRatesOf(code, date);
	return rates && [...new Set([...rates, ...earlier])];
}
