import type { ParsedDraft } from '../../../shared/draft.schema';
import { MUTATION_TYPE, getMutation, searchMutations } from '../../api/mutations';
import type { MutationListItem } from '../../api/schemas';
import type { EBoekhoudenContext } from '../../api/transport';
import { reportedEurosToCents } from '../../../shared/money';
import type { BooksInvoice } from './books';
import { totalsOf, type ByVatCode } from './vat';

type EntryMode = Exclude<ParsedDraft['bookingMode'], 'invoice'>;

/** Reads at once: enough to hide the latency of one read per order, few enough not to crowd the API. */
const PARALLEL_READS = 4;

function entryOf(listed: MutationListItem, mode: EntryMode): BooksInvoice {
	const ledgerId = Number(listed.ledgerId);
	return {
		id: listed.id,
		mode,
		invoiceNumber: listed.invoiceNumber ?? '',
		date: listed.date ?? '',
		reference: '',
		total: reportedEurosToCents(Number(listed.amount ?? 0)),
		vat: 0,
		...(Number.isFinite(ledgerId) && ledgerId > 0 ? { ledgerId } : {}),
	};
}

/**
 * The journal entries (type 2 "Factuur verstuurd") and cash sales (type 5 "Geld ontvangen") dated in the range that
 * carry an invoice number: two listings by type and date, 2000 per call (docs/api-notes.md, e-Boekhouden §3, §6.6).
 * A booked sales invoice is a type 2 under its own number too (§6.2): those numbers (`invoiceNumbers`) are invoices.
 */
export async function listEntries(
	ctx: EBoekhoudenContext,
	from: string,
	to: string,
	invoiceNumbers: Set<string>,
): Promise<BooksInvoice[]> {
	const list = async (type: number) =>
		await searchMutations(ctx, { type, 'date[range]': `${from},${to}` }, { max: Infinity });
	const sent = await list(MUTATION_TYPE.invoiceSent);
	const received = await list(MUTATION_TYPE.moneyReceived);
	return [
		...sent
			.filter((listed) => listed.invoiceNumber && !invoiceNumbers.has(listed.invoiceNumber))
			.map((listed) => entryOf(listed, 'journalEntry')),
		...received
			.filter((listed) => listed.invoiceNumber)
			.map((listed) => entryOf(listed, 'cashSale')),
	];
}

/**
 * Totals per VAT code of one mutation (`GET /v1/mutation/{id}`, docs/api-notes.md, e-Boekhouden §6.6): the rows'
 * amounts per code, incl. or excl. VAT as `inExVat` says, with the VAT e-Boekhouden computed per code (`vat[]`).
 */
export function entryTotals(mutation: {
	inExVat?: string | null;
	rows: Array<{ vatCode?: string | null; amount: number; vatAmount?: number | null }>;
	vat: Array<{ vatCode: string; amount: number }>;
}): ByVatCode {
	// A mutation without inExVat is booked excluding VAT, e-Boekhouden's default (docs/api-notes.md, e-Boekhouden §6.6).
	const inExVat = mutation.inExVat === 'IN' ? 'IN' : 'EX';
	const computed = totalsOf(
		mutation.rows.map((row) => ({
			vatCode: row.vatCode ?? '',
			cents: reportedEurosToCents(row.amount),
			vatCents:
				row.vatAmount === null || row.vatAmount === undefined
					? undefined
					: reportedEurosToCents(row.vatAmount),
		})),
		inExVat,
	);
	const given = new Map(
		mutation.vat.map(({ vatCode, amount }) => [vatCode, reportedEurosToCents(amount)]),
	);
	const result: ByVatCode = {};
	for (const [vatCode, { amount, vat }] of Object.entries(computed)) {
		const booked = given.get(vatCode) ?? vat;
		result[vatCode] = { amount: inExVat === 'IN' ? amount : amount - vat + booked, vat: booked };
	}
	return result;
}

/** Reads each entry once and fills in its totals per VAT code, relation and main ledger from what is booked. */
export async function readEntries(ctx: EBoekhoudenContext, entries: BooksInvoice[]): Promise<void> {
	const queue = [...new Set(entries)].filter((entry) => !entry.byVatCode);
	const worker = async () => {
		for (let entry = queue.shift(); entry; entry = queue.shift()) {
			const mutation = await getMutation(ctx, entry.id);
			const byVatCode = entryTotals(mutation);
			entry.byVatCode = byVatCode;
			entry.total = Object.values(byVatCode).reduce((sum, code) => sum + code.amount, 0);
			entry.vat = Object.values(byVatCode).reduce((sum, code) => sum + code.vat, 0);
			entry.byLedgerId = {};
			for (const row of mutation.rows) {
				const id = row.ledgerId ?? 0;
				entry.byLedgerId[id] = (entry.byLedgerId[id] ?? 0) + reportedEurosToCents(row.amount);
			}
			if (mutation.relationId) entry.relationId = mutation.relationId;
			if (mutation.ledgerId) entry.ledgerId = mutation.ledgerId;
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, queue.length) }, worker));
}
