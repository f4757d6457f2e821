import { UNITS } from './chart';
import { invalid } from './errors';
import { lineTotalCents, toCents } from './money';
import { ledgerById, type BooksStore, type InvoiceItemRecord } from './store';
import { propertyName, readInteger, readNumber, readText } from './validate';
import { isVatCode, isVatCodeOf } from './vat';

/** The item description limit is not published (docs/api-notes.md, e-Boekhouden §6.2); the sandbox allows 1000 characters. */
const DESCRIPTION_MAX = 1000;
const CODE_MAX = 50;
/** Beyond ± one billion euros a line or an invoice is "too high" / "too low" (FACT_ITEM_008/009, FACT_004/005). */
export const AMOUNT_LIMIT_CENTS = 100_000_000_000;

/** Validates one `CreateInvoiceItem` (docs/api-notes.md, e-Boekhouden §6.2, appendix B) and computes its line total in cents. */
export function readInvoiceItem(
	store: BooksStore,
	raw: unknown,
	index: number,
	inExVat: 'IN' | 'EX',
): InvoiceItemRecord {
	const at = (field: string) => `Items[${index}].${propertyName(field)}`;
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
		throw invalid('ERR_002', `Items[${index}]`);
	const item = raw as Record<string, unknown>;

	const description = readText(
		item.description,
		at('description'),
		DESCRIPTION_MAX,
		'FACT_ITEM_002',
	);
	if (!description || description.trim() === '') throw invalid('FACT_ITEM_001', at('description'));
	const code = readText(item.code, at('code'), CODE_MAX, 'FACT_ITEM_003') ?? null;
	const quantity =
		readNumber(item.quantity, at('quantity')) ?? readNumber(item.amount, at('amount')) ?? 1;
	const pricePerUnit = readNumber(item.pricePerUnit, at('pricePerUnit'));
	if (pricePerUnit === undefined)
		throw invalid(inExVat === 'EX' ? 'FACT_ITEM_004' : 'FACT_ITEM_005', at('pricePerUnit'));

	if (item.vatCode === undefined || item.vatCode === null || item.vatCode === '') {
		throw invalid('FACT_ITEM_006', at('vatCode'));
	}
	if (!isVatCode(item.vatCode) || !isVatCodeOf(item.vatCode, 'sale'))
		throw invalid('FACT_ITEM_014', at('vatCode'));
	const vatAmount = readNumber(item.vatAmount, at('vatAmount'));
	if (vatAmount !== undefined && item.vatCode !== 'AFW_VERK')
		throw invalid('FACT_ITEM_015', at('vatAmount'));

	const ledgerId = readInteger(item.ledgerId, at('ledgerId'), 'FACT_ITEM_012');
	if (ledgerId === undefined) throw invalid('FACT_ITEM_007', at('ledgerId'));
	if (!ledgerById(store, ledgerId)) throw invalid('FACT_ITEM_012', at('ledgerId'));
	const costCenterId = readInteger(item.costCenterId, at('costCenterId'), 'COST_001') ?? null;
	if (costCenterId !== null && !store.costCenters.some((centre) => centre.id === costCenterId)) {
		throw invalid('COST_001', at('costCenterId'));
	}
	const unitId = readInteger(item.unitId, at('unitId'), 'FACT_ITEM_010') ?? null;
	if (unitId !== null && !UNITS.some((unit) => unit.id === unitId))
		throw invalid('FACT_ITEM_010', at('unitId'));
	const productId = readInteger(item.productId, at('productId'), 'FACT_ITEM_011') ?? null;
	if (productId !== null) throw invalid('FACT_ITEM_011', at('productId'));

	const discountAmount = readNumber(item.discountAmount, at('discountAmount')) ?? null;
	const discountPercentage = readNumber(item.discountPercentage, at('discountPercentage')) ?? null;
	if (discountAmount !== null && discountPercentage !== null)
		throw invalid('FACT_ITEM_013', at('discountAmount'));

	const lineCents = lineTotalCents({ quantity, pricePerUnit, discountAmount, discountPercentage });
	if (lineCents > AMOUNT_LIMIT_CENTS) throw invalid('FACT_ITEM_008', at('pricePerUnit'));
	if (lineCents < -AMOUNT_LIMIT_CENTS) throw invalid('FACT_ITEM_009', at('pricePerUnit'));

	return {
		description,
		quantity,
		pricePerUnit,
		vatCode: item.vatCode,
		vatAmount: vatAmount === undefined ? null : toCents(vatAmount),
		ledgerId,
		costCenterId,
		unitId,
		productId,
		code,
		discountAmount,
		discountPercentage,
		lineCents,
	};
}
