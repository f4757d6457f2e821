import type { LinePart } from './lines';
import { formatRate, vatInsideCents } from '../../shared/money';
import type { ItemInCents } from './items';
import type { MappingSettings } from './types';
import type { VatTreatment } from './vat';

export interface TreatedPart {
	part: LinePart;
	rate: number;
	treatment: VatTreatment;
}

/**
 * OSS: the net amount of an EU distance sale is booked with `AFST_VERK` (0% in the Dutch return) and the
 * foreign VAT as its own item on a balance ledger per country (af te dragen btw OSS), as the e-Boekhouden
 * integrations that support OSS do (docs/api-notes.md, Dutch VAT rules §2.4, §5.6). VAT is taken per line, the same rounding the
 * net items used, so net + VAT is the line total to the cent.
 */
export function ossVatItems(treated: TreatedPart[], settings: MappingSettings): ItemInCents[] {
	const vatByCountryAndRate = new Map<string, { country: string; rate: number; cents: number }>();
	for (const { part, rate, treatment } of treated) {
		const country = treatment.ossCountry;
		if (!country) continue;
		const key = `${country} ${rate}`;
		const entry = vatByCountryAndRate.get(key) ?? { country, rate, cents: 0 };
		entry.cents += vatInsideCents(part.cents, rate);
		vatByCountryAndRate.set(key, entry);
	}
	return [...vatByCountryAndRate.values()]
		.filter(({ cents }) => cents !== 0)
		.map(({ country, rate, cents }) => ({
			description: `Btw ${country} ${formatRate(rate)} (OSS)`,
			quantity: 1,
			unitCents: cents,
			vatCode: 'GEEN',
			ledgerCode: ossLedger(settings, country),
		}));
}

/** Greece is GR in ISO 3166 and EL as a VAT prefix: either names it in the table and on the order. */
const isoCode = (code: string) => (code === 'EL' ? 'GR' : code);

function ossLedger(settings: MappingSettings, country: string): string {
	const entry = Object.entries(settings.ossVatLedgerByCountry).find(
		([code]) => isoCode(code.trim().toUpperCase()) === isoCode(country),
	);
	return entry ? entry[1].trim() : settings.ossVatLedger;
}
