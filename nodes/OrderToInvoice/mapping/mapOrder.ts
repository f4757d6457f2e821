import type { Order } from '../../shared/order.schema';
import { destinationCountry, taxCountry, taxRegion } from './country';
import { spreadUnratedDiscounts, type RatedPart } from './discounts';
import { orderContext, type OrderContext } from './errors';
import { asCredit, creditedOrderNumber } from './credit';
import { invoiceNumber, invoiceText } from './invoiceNumber';
import { buildItem } from './items';
import { readLineParts } from './lines';
import { decimalTextToCents } from '../../shared/money';
import { ossVatItems, type TreatedPart } from './oss';
import { markGiftCards } from './giftCards';
import { checkLineSigns, checkNotTest, requireOrderLines } from './guards';
import { mapPayments } from './payments';
import { mapRelation } from './relation';
import { resolveSettings } from './settings';
import { cut } from './text';
import { roundingItems, summarise, toDraftItem } from './totals';
import type { InvoiceDraft, MappingSettings } from './types';
import { OSS_START, vatTreatment, type VatSituation } from './vat';

const REFERENCE_MAX = 50;

function readTotal(order: Order, context: OrderContext): number {
	const cents = decimalTextToCents(order.price.total);
	if (cents === undefined) context.fail('price.total', 'is too large');
	return cents;
}

function checkCurrency(order: Order, context: OrderContext): void {
	const currency = (order.currency ?? '').trim().toUpperCase();
	if (currency && currency !== 'EUR') {
		context.fail('currency', `the order is in ${currency}; e-Boekhouden books in euros`);
	}
}

/** A sold gift card carries no VAT whatever rate the shop put on it (a multi-purpose voucher is no supply). */
function treat(parts: RatedPart[], situation: VatSituation, context: OrderContext): TreatedPart[] {
	return parts.map((part) => ({
		part,
		rate: part.rate,
		treatment:
			part.kind === 'giftCard'
				? { vatCode: 'GEEN', revenue: 'noVat' }
				: vatTreatment(part.rate, situation, (reason) =>
						context.fail(`${part.field}.rate`, reason),
					),
	}));
}

/**
 * One Mijnwebwinkel order (parsed with the order schema) in, everything e-Boekhouden needs out: the relation, the
 * invoice items per VAT code (exact to the cent), the payment booking and the totals. Pure; throws only
 * `MappingError`.
 */
export function mapOrder(order: Order, given?: Partial<MappingSettings>): InvoiceDraft {
	const orderNumber = order.number.trim();
	const context = orderContext(orderNumber);
	requireOrderLines(order.orderlines, context);
	const settings = resolveSettings(given, context);
	checkNotTest(orderNumber, context);
	checkCurrency(order, context);
	const warnings: string[] = [];
	const creditedOrder = creditedOrderNumber(order.credited_order_number);
	const relation = mapRelation(order, context, warnings);
	const parts = readLineParts(order, context, warnings);
	if (creditedOrder === null) checkLineSigns(parts, context);
	const rated = spreadUnratedDiscounts(markGiftCards(order, parts, settings, warnings), context);
	const total = readTotal(order, context);
	const signed = creditedOrder === null ? { parts: rated, total } : asCredit(rated, total);
	const situation: VatSituation = {
		strategy: (order.tax_strategy ?? '').trim(),
		country: taxCountry(order),
		taxRegion: taxRegion(order),
		destination: destinationCountry(order),
		consumer: (order.business_model ?? '').trim().toUpperCase() !== 'B2B',
		ossPeriod: order.date.slice(0, 10) >= OSS_START,
		date: order.date.slice(0, 10),
		credit: creditedOrder !== null,
		ossEnabled: settings.ossEnabled,
		euSupplyType: settings.euSupplyType,
	};
	const treated = treat(signed.parts, situation, context);
	const items = treated.flatMap(({ part, rate, treatment }) =>
		buildItem(part, rate, treatment, order.discountcode, settings),
	);
	items.push(...ossVatItems(treated, settings));
	const rateCount = new Set(treated.map(({ rate }) => rate)).size;
	items.push(...roundingItems(items, signed.total, rateCount, settings, context, warnings));
	if (situation.strategy === 'reverse_charged_vat' && !relation.vatNumber) {
		warnings.push(
			"debtor.address.invoice.taxnumber: EU reverse charge without the customer's VAT number; an ICP invoice needs it",
		);
	}
	const isCredit = creditedOrder !== null;
	const payments = mapPayments(order, signed.total, isCredit, settings, context, warnings);
	const draft: InvoiceDraft = {
		kind: isCredit ? 'credit' : 'invoice',
		bookingMode: settings.bookingMode,
		bookRelation: settings.bookingMode !== 'cashSale' || settings.cashSaleRelation,
		orderNumber,
		warnings: [...new Set(warnings)],
		relation,
		invoice: {
			invoiceNumber: invoiceNumber(
				isCredit ? settings.creditInvoicePrefix : settings.invoicePrefix,
				orderNumber,
				context,
			),
			date: order.date.slice(0, 10),
			inExVat: 'IN',
			termOfPayment: settings.termOfPayment,
			reference: cut(order.reference, REFERENCE_MAX) || orderNumber,
			text: invoiceText(orderNumber, creditedOrder, settings.invoicePrefix),
			items: items.map(toDraftItem),
		},
		payments,
		totals: summarise(items),
	};
	if (signed.total === 0 && settings.zeroTotalOrders === 'skip') {
		draft.skipped = {
			reason:
				'the order total is €0.00; zero-total orders are not booked (setting Zero-Total Orders)',
		};
	}
	return draft;
}
