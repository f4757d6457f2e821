import { EMAIL_TEMPLATES, INVOICE_TEMPLATES, UNITS } from './chart';
import type { BooksContext } from './context';
import { invoiceOutput } from './invoices';
import { toEuros } from './money';
import { mutationOutput, outstandingOutput } from './mutations';
import { relationOutput } from './relationFields';

/**
 * The whole administration as JSON in e-Boekhouden's own field names, amounts in euros. Invoices add `booked`,
 * `mutationId` and `vatByCode` (per VAT code: totalExcl, vatAmount, totalAmount); `outstanding` lists every open item,
 * settled ones included, with `credDeb` and the payments booked against it.
 */
export function dumpState(context: BooksContext, activeSessions: number): Record<string, unknown> {
	const { store, url } = context;
	return {
		relations: [...store.relations.values()].map(relationOutput),
		invoices: store.invoices.map((invoice) => ({
			...invoiceOutput(invoice, url),
			booked: invoice.mutationId !== null,
			mutationId: invoice.mutationId,
			emailed: invoice.emailed,
			vatByCode: Object.fromEntries(
				invoice.perCode.map((code) => [
					code.vatCode,
					{
						totalExcl: toEuros(code.totalExcl),
						vatAmount: toEuros(code.vatAmount),
						totalAmount: toEuros(code.totalAmount),
					},
				]),
			),
		})),
		mutations: store.mutations.map((mutation) => ({
			...mutationOutput(mutation),
			amount: toEuros(mutation.amount),
			paymentReference: mutation.paymentReference,
		})),
		outstanding: store.openItems.map((item) => ({
			...outstandingOutput(store, item),
			credDeb: item.credDeb,
			payments: item.payments.map(({ mutationId, amount }) => ({
				mutationId,
				amount: toEuros(amount),
			})),
		})),
		ledgers: store.ledgers,
		templates: INVOICE_TEMPLATES,
		emailTemplates: EMAIL_TEMPLATES,
		costCenters: store.costCenters,
		units: UNITS,
		sessions: { active: activeSessions },
	};
}
