import type { OrderContext } from './errors';
import type { ItemInCents } from './items';
import { formatEuros, centsToEuros } from '../../shared/money';
import type { DraftInvoiceItem, InvoiceDraft, MappingSettings, SalesVatCode } from './types';

function itemCents(item: ItemInCents): number {
	return item.quantity * item.unitCents;
}

function sum(items: ItemInCents[]): number {
	return items.reduce((total, item) => total + itemCents(item), 0);
}

/**
 * The items must add up to `price.total`. A difference of at most one cent per VAT rate is rounding
 * (orders before April 2019 derive amounts from 6-decimal prices, docs/api-notes.md, Mijnwebwinkel §7.3): it is booked
 * as its own item on the rounding ledger, with a warning. A larger difference stops the order.
 */
export function roundingItems(
	items: ItemInCents[],
	totalCents: number,
	rateCount: number,
	settings: MappingSettings,
	context: OrderContext,
	warnings: string[],
): ItemInCents[] {
	const linesCents = sum(items);
	const difference = totalCents - linesCents;
	if (difference === 0) return [];
	const both = `the order lines add up to ${formatEuros(linesCents)} and the order total is ${formatEuros(totalCents)}`;
	if (Math.abs(difference) > Math.max(1, rateCount)) {
		context.fail(
			'price.total',
			`${both}; more than one cent per VAT rate apart, so this is not rounding`,
		);
	}
	warnings.push(
		`price.total: ${both}; the difference of ${formatEuros(difference)} is booked on ledger ${settings.roundingLedger} as a rounding difference`,
	);
	const item: ItemInCents = {
		description: 'Afrondingsverschil',
		quantity: 1,
		unitCents: difference,
		vatCode: 'GEEN',
		ledgerCode: settings.roundingLedger,
	};
	if (settings.costCenterId !== null) item.costCenterId = settings.costCenterId;
	return [item];
}

/** Totals as e-Boekhouden will see them: Σ quantity × price per VAT code and in all, in euros. */
export function summarise(items: ItemInCents[]): InvoiceDraft['totals'] {
	const byCode = new Map<SalesVatCode, number>();
	for (const item of items)
		byCode.set(item.vatCode, (byCode.get(item.vatCode) ?? 0) + itemCents(item));
	const byVatCode: InvoiceDraft['totals']['byVatCode'] = {};
	for (const [code, cents] of byCode) byVatCode[code] = centsToEuros(cents);
	return { amountInclVat: centsToEuros(sum(items)), byVatCode };
}

export function toDraftItem(item: ItemInCents): DraftInvoiceItem {
	const draftItem: DraftInvoiceItem = {
		description: item.description,
		quantity: item.quantity,
		pricePerUnit: centsToEuros(item.unitCents),
		vatCode: item.vatCode,
		ledgerCode: item.ledgerCode,
	};
	if (item.costCenterId !== undefined) draftItem.costCenterId = item.costCenterId;
	return draftItem;
}
