import type { OrderContext } from './errors';
import type { LinePart } from './lines';
import { allocate } from '../../shared/money';

export type RatedPart = LinePart & { rate: number };

/**
 * Discount-code and cart-discount lines carry one price per VAT rate, so they already become one
 * negative item per rate. Old discount lines (before 2019-05-08) have one price with an empty rate
 * (docs/api-notes.md, Mijnwebwinkel §12): spread those over the order's product rates in proportion to the
 * products' amounts, as Mijnwebwinkel does ("by ratio of … affected articles", docs/api-notes.md, Mijnwebwinkel §7.2), to the cent.
 */
export function spreadUnratedDiscounts(parts: LinePart[], context: OrderContext): RatedPart[] {
	const productCentsByRate = new Map<number, number>();
	for (const part of parts) {
		if (part.kind === 'product' && part.rate !== null) {
			productCentsByRate.set(part.rate, (productCentsByRate.get(part.rate) ?? 0) + part.cents);
		}
	}
	const rates = [...productCentsByRate.keys()];
	return parts.flatMap((part) => {
		if (part.rate !== null) return [{ ...part, rate: part.rate }];
		if (rates.length === 0) {
			context.fail(
				`${part.field}.rate`,
				'is empty and the order has no products to spread the discount over',
			);
		}
		const shares = allocate(
			part.cents,
			rates.map((rate) => productCentsByRate.get(rate) ?? 0),
		);
		return rates.map((rate, index) => ({
			...part,
			rate,
			cents: shares[index],
			split: rates.length > 1,
		}));
	});
}

/** A discount item names the order's discount code, unless the shop's text already does. */
export function discountDetails(name: string, discountCode: string | null | undefined): string[] {
	const code = (discountCode ?? '').trim();
	return !code || name.toLowerCase().includes(code.toLowerCase()) ? [] : [`kortingscode ${code}`];
}
