import type { Handler } from '../common';
import { paymentReferenceInUse, recordMutation } from './booking';
import { bodyObject, guarded, type BooksContext } from './context';
import { invalid } from './errors';
import { readRows } from './mutationRows';
import { ledgerById, salesNumberInUse, type BooksStore } from './store';
import { isDate, readBoolean, readInteger, readText } from './validate';
import { sumTotals, totalsPerVatCode } from './vat';

/** Main ledger category per mutation type (docs/api-notes.md, e-Boekhouden §6.6): 1 → CRED, 2 → DEB, 3–6 → FIN, 7 any. */
const MAIN_LEDGER: Record<number, { category: string; code: string } | undefined> = {
	1: { category: 'CRED', code: 'MUT_010' },
	2: { category: 'DEB', code: 'MUT_011' },
	3: { category: 'FIN', code: 'MUT_009' },
	4: { category: 'FIN', code: 'MUT_009' },
	5: { category: 'FIN', code: 'MUT_009' },
	6: { category: 'FIN', code: 'MUT_009' },
};
const DESCRIPTION_MAX = 50;

function readType(value: unknown): number {
	if (value === undefined || value === null || value === '') throw invalid('MUTA_002', 'Type');
	// Clients send the type as a number; the spec's enum lists "1".."7" (docs/api-notes.md, e-Boekhouden §6.6), so both are accepted.
	const type = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 7)
		throw invalid('MUT_001', 'Type');
	return type;
}

function checkInvoiceNumber(
	store: BooksStore,
	type: number,
	invoiceNumber: string,
	relationId: number | null,
): void {
	if (type === 2 && salesNumberInUse(store, invoiceNumber))
		throw invalid('MUT_019', 'InvoiceNumber');
	const purchaseTaken = store.mutations.some(
		(mutation) =>
			mutation.type === 1 &&
			mutation.invoiceNumber === invoiceNumber &&
			mutation.relationId === relationId,
	);
	// Purchase invoice numbers are unique per relation (docs/api-notes.md, e-Boekhouden §6.2 "Duplicate invoice number").
	if (type === 1 && purchaseTaken) throw invalid('MUT_020', 'InvoiceNumber');
}

/** POST /v1/mutation (docs/api-notes.md, e-Boekhouden §6.4, §6.6). Payments (types 3/4) add to the open item's paid amount, signed. */
export function createMutationHandler(context: BooksContext): Handler {
	const { store, settings } = context;
	return guarded((req) => {
		const body = bodyObject(req);
		const type = readType(body.type);
		if (body.date === undefined || body.date === null || body.date === '')
			throw invalid('MUT_003', 'Date');
		if (!isDate(body.date)) throw invalid('MUT_004', 'Date');
		if (settings.closedUntil !== null && body.date <= settings.closedUntil)
			throw invalid('MUT_005', 'Date');
		const ledgerId = readInteger(body.ledgerId, 'ledgerId', 'MUT_007');
		if (ledgerId === undefined) throw invalid('MUTA_001', 'LedgerId');
		const ledger = ledgerById(store, ledgerId);
		if (!ledger) throw invalid('MUT_007', 'LedgerId');
		const main = MAIN_LEDGER[type];
		if (main && ledger.category !== main.category) throw invalid(main.code, 'LedgerId');
		const inExVat = body.inExVat ?? 'EX';
		if (inExVat !== 'IN' && inExVat !== 'EX') throw invalid('MUT_017', 'InExVat');

		const relationId = readInteger(body.relationId, 'relationId', 'MUT_013') ?? null;
		if (relationId === null && (type === 1 || type === 2)) throw invalid('MUT_012', 'RelationId');
		if (relationId !== null && !store.relations.has(relationId))
			throw invalid('MUT_013', 'RelationId');
		const invoiceNumber = readText(body.invoiceNumber, 'invoiceNumber', 50, 'MUT_018') ?? '';
		if (invoiceNumber === '' && (type === 1 || type === 2))
			throw invalid('MUT_002', 'InvoiceNumber');
		if (invoiceNumber !== '') checkInvoiceNumber(store, type, invoiceNumber, relationId);
		const termOfPayment = readInteger(body.termOfPayment, 'termOfPayment', 'MUT_016') ?? null;
		if (termOfPayment !== null && type !== 1 && type !== 2)
			throw invalid('MUT_016', 'TermOfPayment');
		const paymentReference =
			readText(body.paymentReference, 'paymentReference', 50, 'ERR_002') ?? '';
		if (
			readBoolean(body.checkPaymentReference, 'checkPaymentReference') &&
			paymentReferenceInUse(store, paymentReference)
		) {
			throw invalid('MUTA_008', 'PaymentReference');
		}

		const rows = readRows(store, type, body.rows);
		const isPayment = type === 3 || type === 4;
		const perCode = isPayment
			? []
			: totalsPerVatCode(
					rows.map(({ row }) => ({
						vatCode: row.vatCode,
						cents: row.amount,
						vatCents: row.vatAmount,
					})),
					inExVat,
				);
		const amount = isPayment
			? rows.reduce((sum, { row }) => sum + row.amount, 0)
			: sumTotals(perCode).totalAmount;
		const mutation = recordMutation(store, {
			type,
			date: body.date,
			description: readText(body.description, 'description', DESCRIPTION_MAX, 'ERR_002') ?? '',
			termOfPayment,
			ledgerId,
			relationId,
			inExVat,
			invoiceNumber,
			entryNumber: readText(body.entryNumber, 'entryNumber', 50, 'ERR_002') ?? '',
			paymentReference,
			rows: rows.map(({ row }) => row),
			vat: perCode.map(({ vatCode, vatAmount }) => ({ vatCode, amount: vatAmount })),
			amount,
		});
		for (const { row, openItem } of rows) {
			if (!openItem) continue;
			openItem.paid += row.amount;
			openItem.payments.push({ mutationId: mutation.id, amount: row.amount });
		}
		return { status: 201, body: { id: mutation.id } };
	});
}
