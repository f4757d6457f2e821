import type { Order } from '../../shared/order.schema';
import type { LinePart } from './lines';
import { formatRate } from '../../shared/money';
import { isRecord, lower, paymentOrderLines } from './transactions';
import type { MappingSettings } from './types';

/** Words a shop uses for a voucher, to warn about a 0% line that may be one. */
const LOOKS_LIKE_VOUCHER = /cadeau|kado|gift|voucher|waardebon|tegoedbon/i;

function skusOf(line: unknown): string[] {
	const articles = isRecord(line) && Array.isArray(line.articles) ? line.articles : [];
	return articles
		.filter(isRecord)
		.map((article) => lower(article.sku))
		.filter(Boolean);
}

/** Names (lower case) of the gift cards sold, as the payments' embedded payment order types them. */
function soldInPaymentOrder(order: Order): Set<string> {
	return new Set(
		paymentOrderLines(order)
			.filter(
				(line) => line.type === 'gift_card' && typeof line.price === 'number' && line.price > 0,
			)
			.map((line) => lower(line.name))
			.filter(Boolean),
	);
}

/**
 * A sold gift card is a multi-purpose voucher: no supply, so no revenue and no VAT; it is a debt to the holder
 * until redeemed. An order line is one when its type says so (`gift_card`), when the payment order types a line of
 * that name `gift_card`, or when its name or SKU is listed in Gift Card Products. Without a gift-card ledger it
 * stays a sale, with a warning.
 */
export function markGiftCards(
	order: Order,
	parts: LinePart[],
	settings: MappingSettings,
	warnings: string[],
): LinePart[] {
	const listed = new Set(settings.giftCardProducts.map(lower).filter(Boolean));
	const sold = soldInPaymentOrder(order);
	return parts.map((part) => {
		const line = order.orderlines[part.line];
		const name = lower(line?.description);
		const isGiftCard =
			part.kind === 'giftCard' ||
			(part.kind === 'product' &&
				(listed.has(name) || sold.has(name) || skusOf(line).some((sku) => listed.has(sku))));
		if (!isGiftCard) {
			if (part.kind === 'product' && part.rate === 0 && LOOKS_LIKE_VOUCHER.test(part.name)) {
				const advice = settings.giftCardLedger
					? 'add it to Gift Card Products if it is a gift card'
					: 'set Gift Card Ledger (and Gift Card Products) if it is a gift card';
				warnings.push(
					`orderlines[${part.line}]: '${part.name}' at 0% looks like a voucher and is booked as revenue; ${advice}`,
				);
			}
			return part;
		}
		if (!settings.giftCardLedger) {
			warnings.push(
				`orderlines[${part.line}]: gift card '${part.name}' is booked as revenue because Gift Card Ledger is empty; a sold multi-purpose gift card is not revenue`,
			);
			return { ...part, kind: 'product' };
		}
		if (part.rate !== 0 && part.rate !== null) {
			warnings.push(
				`orderlines[${part.line}]: gift card '${part.name}' was sold with ${formatRate(part.rate)} VAT; a multi-purpose gift card carries none, so it is booked without VAT on the gift-card ledger`,
			);
		}
		return { ...part, kind: 'giftCard' };
	});
}
