import { invalid } from './errors';
import { toCents } from './money';
import { ledgerById, type BooksStore, type MutationRowRecord, type OpenItem } from './store';
import { propertyName, readInteger, readNumber, readText } from './validate';
import { isVatCode, isVatCodeOf, usesGivenVatAmount } from './vat';

const ROWS_MAX = 500;
const ROW_LEDGER_REQUIRED = [1, 2, 5, 6, 7];
const ROW_LEDGER_NOT_BALANCE = [1, 2, 5, 6];

export interface ReadRow {
	row: MutationRowRecord;
	/** For payment types 3 and 4: the open item this row settles. */
	openItem?: OpenItem;
}

/** The open item a payment row settles: type 3 pays a sales invoice (D); type 4 a purchase invoice (C) or refunds a
 * credit sales invoice (D), since the reference is unsure which type a refund takes. */
function findOpenItem(
	store: BooksStore,
	type: number,
	invoiceNumber: string,
	relationId: number,
): OpenItem | undefined {
	const of = (credDeb: 'C' | 'D') =>
		store.openItems.find(
			(item) =>
				item.credDeb === credDeb &&
				item.invoiceNumber === invoiceNumber &&
				item.relationId === relationId,
		);
	return type === 3 ? of('D') : (of('C') ?? of('D'));
}

function readRow(store: BooksStore, type: number, raw: unknown, index: number): ReadRow {
	const at = (field: string) => `Rows[${index}].${propertyName(field)}`;
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
		throw invalid('ERR_002', `Rows[${index}]`);
	const row = raw as Record<string, unknown>;

	if (!isVatCode(row.vatCode)) throw invalid('MUT_109', at('vatCode'));
	if ((type === 2 || type === 5) && !isVatCodeOf(row.vatCode, 'sale'))
		throw invalid('MUT_111', at('vatCode'));
	if ((type === 1 || type === 6) && !isVatCodeOf(row.vatCode, 'purchase'))
		throw invalid('MUT_110', at('vatCode'));
	const amount = readNumber(row.amount, at('amount'));
	if (amount === undefined) throw invalid('ERR_002', at('amount'), 'amount is required');
	const vatAmount = readNumber(row.vatAmount, at('vatAmount'));
	if (vatAmount !== undefined && !usesGivenVatAmount(row.vatCode))
		throw invalid('MUTA_003', at('vatAmount'));

	const ledgerId = readInteger(row.ledgerId, at('ledgerId'), 'MUT_104') ?? null;
	if (ledgerId === null && ROW_LEDGER_REQUIRED.includes(type))
		throw invalid('MUTA_004', at('ledgerId'));
	const ledger = ledgerId === null ? undefined : ledgerById(store, ledgerId);
	if (ledgerId !== null && !ledger) throw invalid('MUT_104', at('ledgerId'));
	const category = ledger?.category ?? '';
	if (ROW_LEDGER_NOT_BALANCE.includes(type) && ['FIN', 'CRED', 'DEB'].includes(category)) {
		throw invalid('MUT_106', at('ledgerId'));
	}
	if (type === 3 && ledger && category !== 'DEB') throw invalid('MUT_108', at('ledgerId'));
	if (type === 4 && ledger && category !== 'CRED' && category !== 'DEB')
		throw invalid('MUT_107', at('ledgerId'));
	const costCenterId = readInteger(row.costCenterId, at('costCenterId'), 'MUT_117') ?? null;
	if (costCenterId !== null && !store.costCenters.some((centre) => centre.id === costCenterId)) {
		throw invalid('MUT_117', at('costCenterId'));
	}

	const invoiceNumber = readText(row.invoiceNumber, at('invoiceNumber'), 50, 'MUT_018') || null;
	const relationId = readInteger(row.relationId, at('relationId'), 'MUT_113') ?? null;
	if (relationId !== null && !store.relations.has(relationId))
		throw invalid('MUT_113', at('relationId'));
	const record: MutationRowRecord = {
		ledgerId,
		vatCode: row.vatCode,
		amount: toCents(amount),
		vatAmount: vatAmount === undefined ? null : toCents(vatAmount),
		description: readText(row.description, at('description'), 200, 'ERR_002') ?? '',
		costCenterId,
		invoiceNumber,
		relationId,
	};
	// A memorial (type 7) row on the debtors ledger names the invoice and the relation and settles its open item,
	// as a payment does: how a part paid against a balance ledger (a redeemed gift card) is booked.
	const settlesDebtor = type === 7 && category === 'DEB';
	if (type !== 3 && type !== 4 && !settlesDebtor) return { row: record };

	// The live API wants the invoice number and the relation on the row (MUT_120 / MUT_112), docs/api-notes.md, e-Boekhouden §6.4.
	if (invoiceNumber === null) throw invalid('MUT_120', at('invoiceNumber'));
	if (relationId === null) throw invalid('MUT_112', at('relationId'));
	const openItem = findOpenItem(store, settlesDebtor ? 3 : type, invoiceNumber, relationId);
	if (!openItem) throw invalid('MUT_115', at('invoiceNumber'));
	return { row: record, openItem };
}

/** Validates every row before anything is stored (MUT_100 none, MUT_101 too many). */
export function readRows(store: BooksStore, type: number, rows: unknown): ReadRow[] {
	if (!Array.isArray(rows) || rows.length === 0) throw invalid('MUT_100', 'Rows');
	if (rows.length > ROWS_MAX) throw invalid('MUT_101', 'Rows');
	return rows.map((raw, index) => readRow(store, type, raw, index));
}
