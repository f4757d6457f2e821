import { isEuCountry } from './country';
import { vatRatesOf, vatRatesUpTo } from './euVatRates';
import { formatRate } from '../../shared/money';
import type { EuSupplyType, SalesVatCode } from './types';

/** Which revenue ledger a line belongs on, by its VAT treatment. */
export type RevenueClass = 'high' | 'low' | 'euB2B' | 'export' | 'distance' | 'noVat';

export interface VatTreatment {
	vatCode: SalesVatCode;
	revenue: RevenueClass;
	/** Set for OSS distance sales: the country whose VAT was charged. */
	ossCountry?: string;
}

export interface VatSituation {
	/** Mijnwebwinkel `tax_strategy`: '' | 'zero_percent' | 'reverse_charged_vat' (docs/api-notes.md, Mijnwebwinkel §7.4). */
	strategy: string;
	country: string | null;
	/** `tax_region` as the order states it (no fallback); null when the order does not say. */
	taxRegion: string | null;
	/** Where the goods are shipped (`destinationCountry`); null or left out when the order does not say. */
	destination?: string | null;
	/** A consumer sale (`business_model` not B2B): the only kind OSS applies to. */
	consumer: boolean;
	/** Dated on or after 1 July 2021, when the OSS began; before, distance sales under the threshold bore Dutch VAT. */
	ossPeriod: boolean;
	/** The order date (yyyy-mm-dd), for the foreign rates of that day; without it, today's rates. */
	date?: string;
	/** A credit order, which may carry a foreign rate of before its day: that of the sale it corrects. */
	credit?: boolean;
	ossEnabled: boolean;
	euSupplyType: EuSupplyType;
}

export const OSS_START = '2021-07-01';

const DUTCH_RATES: Record<number, VatTreatment> = {
	2100: { vatCode: 'HOOG_VERK_21', revenue: 'high' },
	900: { vatCode: 'LAAG_VERK_9', revenue: 'low' },
};

/** 6% was the Dutch low rate until 2019; e-Boekhouden's REST API has no sales VAT code for it (docs/api-notes.md, e-Boekhouden §7). */
const FORMER_LOW_RATE = 600;

function zeroRate(situation: VatSituation): VatTreatment {
	if (situation.strategy === 'reverse_charged_vat') {
		const vatCode = situation.euSupplyType === 'services' ? 'BI_EU_VERK_D' : 'BI_EU_VERK';
		return { vatCode, revenue: 'euB2B' };
	}
	// 0% across the EU border: whatever country tax_region names, goods shipped outside the EU are an export.
	const outsideEu = (country: string | null | undefined) => !!country && !isEuCountry(country);
	if (
		situation.strategy === 'zero_percent' &&
		(outsideEu(situation.country) || outsideEu(situation.destination))
	) {
		return { vatCode: 'BU_EU_VERK', revenue: 'export' };
	}
	return { vatCode: 'GEEN', revenue: 'noVat' };
}

function isForeignEu(country: string | null): country is string {
	return !!country && isEuCountry(country) && country !== 'NL';
}

/** A consumer sale, since OSS began, to another EU country (its tax region, else where it goes). */
function isDistanceSale(situation: VatSituation): situation is VatSituation & { country: string } {
	const { country } = situation;
	return (
		situation.consumer &&
		situation.ossPeriod &&
		situation.strategy === '' &&
		!!country &&
		isEuCountry(country) &&
		country !== 'NL'
	);
}

function distanceSale(
	rate: number,
	country: string,
	situation: VatSituation,
	fail: (reason: string) => never,
): VatTreatment {
	const { date } = situation;
	const rates =
		(situation.credit && date ? vatRatesUpTo(country, date) : vatRatesOf(country, date)) ?? [];
	if (!rates.includes(rate)) {
		const known = rates.map(formatRate).join(', ');
		return fail(
			`VAT rate ${formatRate(rate)} (${country}) is not a VAT rate of ${country} (${known})${date ? ` on ${date}` : ''}; with OSS a consumer sale carries the VAT of the country it goes to`,
		);
	}
	return { vatCode: 'AFST_VERK', revenue: 'distance', ossCountry: country };
}

/**
 * Why a rate that is not Dutch cannot be booked. OSS is suggested only where it could apply: a consumer sale
 * to another EU country since July 2021.
 */
function notDutch(rate: number, situation: VatSituation): string {
	const where = situation.country ?? 'country unknown';
	const former =
		rate === FORMER_LOW_RATE
			? ' (6% was the Dutch low rate until 2019, which e-Boekhouden has no sales VAT code for)'
			: '';
	const text = `VAT rate ${formatRate(rate)} (${where}) is not a Dutch rate (21%, 9%)${former}`;
	const notApplicable = `${text}, and OSS only applies to consumer sales taxed for another EU country`;
	if (!isForeignEu(situation.country)) return situation.ossEnabled ? notApplicable : text;
	if (!situation.ossPeriod) return `${text}; the OSS did not exist before 1 July 2021`;
	if (situation.ossEnabled || !situation.consumer || situation.strategy !== '')
		return notApplicable;
	return `${text}; turn on OSS (One-Stop Shop) to book EU distance sales`;
}

/** The e-Boekhouden VAT code for a rate (basis points); `fail` explains a rate that cannot be booked. */
export function vatTreatment(
	rate: number,
	situation: VatSituation,
	fail: (reason: string) => never,
): VatTreatment {
	if (rate === 0) return zeroRate(situation);
	if (isDistanceSale(situation)) {
		if (situation.ossEnabled) return distanceSale(rate, situation.country, situation, fail);
		const region = situation.taxRegion;
		if (isForeignEu(region)) {
			// The shop taxed the sale for that country: even 21% (BE, ES, CZ, LV, LT) or 9% is its VAT, not Dutch VAT.
			return fail(
				`VAT rate ${formatRate(rate)} was charged for tax region ${region}: that is ${region} VAT on an EU distance sale, not Dutch VAT, and the setting Book EU Distance Sales (OSS) is off; turn it on to book it under the OSS`,
			);
		}
	}
	if (DUTCH_RATES[rate]) return DUTCH_RATES[rate];
	return fail(notDutch(rate, situation));
}
