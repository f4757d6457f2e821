import { discountDetails } from './discounts';
import type { LinePart } from './lines';
import { formatRate, vatInsideCents } from '../../shared/money';
import { cut } from './text';
import type { MappingSettings, SalesVatCode } from './types';
import type { RevenueClass, VatTreatment } from './vat';

/** An invoice item with its price in cents; `totals.ts` turns it into e-Boekhouden's euros. */
export interface ItemInCents {
	description: string;
	quantity: number;
	unitCents: number;
	vatCode: SalesVatCode;
	ledgerCode: string;
	costCenterId?: number;
}

/** e-Boekhouden does not publish the limit behind FACT_ITEM_002; 200 is that of a mutation description. */
export const ITEM_DESCRIPTION_MAX = 200;

const REVENUE_LEDGER: Record<RevenueClass, keyof MappingSettings> = {
	high: 'revenueLedgerHigh',
	low: 'revenueLedgerLow',
	euB2B: 'revenueLedgerEuB2B',
	export: 'revenueLedgerExport',
	distance: 'revenueLedgerDistanceSales',
	noVat: 'revenueLedgerNoVat',
};

function ledgerFor(part: LinePart, treatment: VatTreatment, settings: MappingSettings): string {
	if (part.kind === 'shipping') return settings.shippingLedger;
	if (part.kind === 'payment') return settings.paymentCostsLedger;
	if (part.kind === 'giftCard') return settings.giftCardLedger;
	const revenueLedger = settings[REVENUE_LEDGER[treatment.revenue]] as string;
	if (part.kind === 'discount') return settings.discountLedger.trim() || revenueLedger;
	return revenueLedger;
}

/**
 * Keeps name and quantity when the line total divides into whole cents per unit; otherwise books
 * quantity 1 and puts the quantity in the description, so quantity × price is still the line total.
 */
export function quantityAndPrice(name: string, quantity: number, cents: number) {
	const size = Math.abs(quantity);
	if (Number.isInteger(size) && size >= 1 && cents % size === 0) {
		return { description: name, quantity: size, unitCents: cents / size };
	}
	return { description: `${size} x ${name}`, quantity: 1, unitCents: cents };
}

/** One item for one part: price including VAT, or, for an OSS distance sale, the net amount. */
export function buildItem(
	part: LinePart,
	rate: number,
	treatment: VatTreatment,
	discountCode: string | null | undefined,
	settings: MappingSettings,
): ItemInCents[] {
	const cents = treatment.ossCountry ? part.cents - vatInsideCents(part.cents, rate) : part.cents;
	if (cents === 0 && part.kind !== 'product') return [];
	const details = part.kind === 'discount' ? discountDetails(part.name, discountCode) : [];
	if (part.split) details.push(`${formatRate(rate)} btw`);
	const name = details.length ? `${part.name} (${details.join(', ')})` : part.name;
	const { description, quantity, unitCents } = quantityAndPrice(name, part.quantity, cents);
	const item: ItemInCents = {
		description: cut(description, ITEM_DESCRIPTION_MAX),
		quantity,
		unitCents,
		vatCode: treatment.vatCode,
		ledgerCode: ledgerFor(part, treatment, settings),
	};
	if (settings.costCenterId !== null) item.costCenterId = settings.costCenterId;
	return [item];
}
