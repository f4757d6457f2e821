import { isEuCountry } from './country';
import { vatRatesOf } from './euVatRates';
import { formatRate } from './money';
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
	/** Mijnwebwinkel `tax_strategy`: '' | 'zero_percent' | 'reverse_charged_vat' (mijnwebwinkel-api.md §7.4). */
	strategy: string;
	country: string | null;
	ossEnabled: boolean;
	euSupplyType: EuSupplyType;
}

const DUTCH_RATES: Record<number, VatTreatment> = {
	2100: { vatCode: 'HOOG_VERK_21', revenue: 'high' },
	900: { vatCode: 'LAAG_VERK_9', revenue: 'low' },
};

/** 6% was the Dutch low rate until 2019; e-Boekhouden's REST API has no sales VAT code for it (eboekhouden-api.md §7). */
const FORMER_LOW_RATE = 600;

function zeroRate(situation: VatSituation): VatTreatment {
	if (situation.strategy === 'reverse_charged_vat') {
		const vatCode = situation.euSupplyType === 'services' ? 'BI_EU_VERK_D' : 'BI_EU_VERK';
		return { vatCode, revenue: 'euB2B' };
	}
	if (
		situation.strategy === 'zero_percent' &&
		situation.country &&
		!isEuCountry(situation.country)
	) {
		return { vatCode: 'BU_EU_VERK', revenue: 'export' };
	}
	return { vatCode: 'GEEN', revenue: 'noVat' };
}

/**
 * OSS applies to B2C sales the shop taxed at the rate of another EU country (market.md §4, §5.6); the rate must
 * then be one of that country's, or a Dutch rate charged by mistake would be booked as foreign VAT.
 */
function isDistanceSale(situation: VatSituation): situation is VatSituation & { country: string } {
	const { country } = situation;
	return (
		situation.ossEnabled &&
		situation.strategy === '' &&
		!!country &&
		isEuCountry(country) &&
		country !== 'NL'
	);
}

/** The e-Boekhouden VAT code for a rate (basis points); `fail` explains a rate that cannot be booked. */
export function vatTreatment(
	rate: number,
	situation: VatSituation,
	fail: (reason: string) => never,
): VatTreatment {
	if (rate === 0) return zeroRate(situation);
	if (isDistanceSale(situation)) {
		const { country } = situation;
		const rates = vatRatesOf(country) ?? [];
		if (!rates.includes(rate)) {
			const known = rates.map(formatRate).join(', ');
			return fail(
				`VAT rate ${formatRate(rate)} (${country}) is not a VAT rate of ${country} (${known}); with OSS a consumer sale carries the VAT of the country it goes to`,
			);
		}
		return { vatCode: 'AFST_VERK', revenue: 'distance', ossCountry: country };
	}
	if (DUTCH_RATES[rate]) return DUTCH_RATES[rate];
	const where = situation.country ?? 'country unknown';
	const former =
		rate === FORMER_LOW_RATE
			? ' (6% was the Dutch low rate until 2019, which e-Boekhouden has no sales VAT code for)'
			: '';
	const text = `VAT rate ${formatRate(rate)} (${where}) is not a Dutch rate${former}`;
	if (!situation.ossEnabled)
		return fail(`${text}; turn on OSS (One-Stop Shop) to book EU distance sales`);
	return fail(`${text}, and OSS only applies to consumer sales taxed for another EU country`);
}
