import type { Handler } from '../common';
import { bookInvoice, paymentReferenceInUse } from './booking';
import { EMAIL_TEMPLATES, INVOICE_TEMPLATES } from './chart';
import { bodyObject, guarded, today, type BooksContext } from './context';
import { invalid } from './errors';
import { AMOUNT_LIMIT_CENTS, readInvoiceItem } from './invoiceItems';
import { ledgerById, salesNumberInUse, takeId, type BooksStore, type InvoiceRecord } from './store';
import { isDate, isEmail, readBoolean, readInteger, readText } from './validate';
import { sumTotals, totalsPerVatCode } from './vat';

const NUMBER_MAX = 50;
const TERM_OF_PAYMENT_MAX_DAYS = 999;

function nextInvoiceNumber(store: BooksStore, year: string): string {
	let number: string;
	do number = `F${year}-${String(store.next.invoiceNumber++).padStart(4, '0')}`;
	while (salesNumberInUse(store, number));
	return number;
}

function readInvoiceNumber(store: BooksStore, value: unknown, date: string): string {
	if (value === undefined || value === null || value === '')
		return nextInvoiceNumber(store, date.slice(0, 4));
	if (typeof value !== 'string' || value.trim() !== value)
		throw invalid('FACT_008', 'InvoiceNumber');
	if (value.length > NUMBER_MAX) throw invalid('FACT_007', 'InvoiceNumber');
	if (!/\d$/.test(value)) throw invalid('FACT_009', 'InvoiceNumber');
	if (salesNumberInUse(store, value)) throw invalid('FACT_101', 'InvoiceNumber');
	return value;
}

/** POST /v1/invoice (docs/api-notes.md, e-Boekhouden §6.2). Synchronous from check to insert, so one invoice number is created once. */
export function createInvoiceHandler(context: BooksContext): Handler {
	const { store, settings } = context;
	return guarded((req) => {
		const body = bodyObject(req);
		const relationId = readInteger(body.relationId, 'relationId', 'FACT_002');
		if (relationId === undefined) throw invalid('FACT_001', 'RelationId');
		const relation = store.relations.get(relationId);
		if (!relation) throw invalid('FACT_002', 'RelationId');
		if (relation.inactive) throw invalid('FACT_003', 'RelationId');

		if (body.date !== undefined && body.date !== null && !isDate(body.date))
			throw invalid('FACT_012', 'Date');
		const date = (body.date as string | undefined) ?? today(settings);
		if (date < '2000-01-01' || date > '2099-12-31') throw invalid('FACT_013', 'Date');
		const termOfPayment = readInteger(body.termOfPayment, 'termOfPayment', 'FACT_016');
		if (termOfPayment === undefined) throw invalid('FACT_015', 'TermOfPayment');
		if (termOfPayment < 0 || termOfPayment > TERM_OF_PAYMENT_MAX_DAYS)
			throw invalid('FACT_016', 'TermOfPayment');
		const inExVat = body.inExVat ?? 'EX';
		if (inExVat !== 'IN' && inExVat !== 'EX') throw invalid('FACT_010', 'InExVat');
		const templateId = readInteger(body.templateId, 'templateId', 'FACT_018');
		if (!INVOICE_TEMPLATES.some((template) => template.id === templateId))
			throw invalid('FACT_018', 'TemplateId');
		const emailTemplateId =
			readInteger(body.emailTemplateId, 'emailTemplateId', 'FACT_020') ?? null;
		if (
			emailTemplateId !== null &&
			!EMAIL_TEMPLATES.some((template) => template.id === emailTemplateId)
		) {
			throw invalid('FACT_020', 'EmailTemplateId');
		}
		const reference = readText(body.reference, 'reference', 50, 'FACT_014') ?? '';
		const text = readText(body.text, 'text', 35000, 'FACT_017') ?? '';
		const emailed = body.email !== undefined && body.email !== null;
		if (emailed && !relation.text.emailAddress) throw invalid('FACT_EMAIL_001', 'Email');
		if (emailed && !isEmail(relation.text.emailAddress)) throw invalid('FACT_EMAIL_002', 'Email');

		if (!Array.isArray(body.items) || body.items.length === 0) throw invalid('FACT_019', 'Items');
		const items = body.items.map((raw, index) => readInvoiceItem(store, raw, index, inExVat));
		const perCode = totalsPerVatCode(
			items.map((item) => ({
				vatCode: item.vatCode,
				cents: item.lineCents,
				vatCents: item.vatAmount,
			})),
			inExVat,
		);
		const totals = sumTotals(perCode);
		if (totals.totalAmount > AMOUNT_LIMIT_CENTS) throw invalid('FACT_004', 'Items');
		if (totals.totalAmount < -AMOUNT_LIMIT_CENTS) throw invalid('FACT_005', 'Items');

		const mutation = body.mutation as Record<string, unknown> | undefined | null;
		let booking: { ledgerId: number; description: string; paymentReference: string } | undefined;
		if (mutation !== undefined && mutation !== null) {
			if (typeof mutation !== 'object' || Array.isArray(mutation))
				throw invalid('ERR_002', 'Mutation');
			// Without a ledger the booking goes to the administration's debtor ledger, as the web UI does.
			const ledgerId =
				readInteger(mutation.ledgerId, 'mutation.ledgerId', 'MUT_007') ??
				store.ledgers.find((ledger) => ledger.category === 'DEB')?.id;
			const ledger = ledgerById(store, ledgerId);
			if (!ledger) throw invalid('MUT_007', 'Mutation.LedgerId');
			if (ledger.category !== 'DEB') throw invalid('MUT_011', 'Mutation.LedgerId');
			const description = readText(
				mutation.description,
				'mutation.description',
				200,
				'FACT_VERWERK_002',
			);
			const paymentReference =
				readText(mutation.paymentReference, 'mutation.paymentReference', 50, 'FACT_VERWERK_003') ??
				'';
			if (
				readBoolean(mutation.checkPaymentReference, 'mutation.checkPaymentReference') &&
				paymentReferenceInUse(store, paymentReference)
			) {
				throw invalid('FACT_VERWERK_004', 'Mutation.PaymentReference');
			}
			if (settings.closedUntil !== null && date <= settings.closedUntil)
				throw invalid('FACT_VERWERK_001', 'Date');
			booking = { ledgerId: ledger.id, description: description ?? '', paymentReference };
		}

		const invoiceNumber = readInvoiceNumber(store, body.invoiceNumber, date);
		const invoice: InvoiceRecord = {
			id: takeId(store, 'invoiceId'),
			invoiceNumber,
			relationId,
			date,
			reference,
			text,
			termOfPayment,
			inExVat,
			templateId: templateId as number,
			emailTemplateId,
			print: readBoolean(body.print, 'print') ?? false,
			emailed,
			items,
			perCode,
			...totals,
			mutationId: null,
		};
		store.invoices.push(invoice);
		if (booking) {
			const description = booking.description || `Factuur ${invoiceNumber}`;
			invoice.mutationId = bookInvoice(store, invoice, { ...booking, description }).id;
		}
		return { status: 201, body: { id: invoice.id, invoiceNumber, inExVat } };
	});
}
