import type { IDataObject } from 'n8n-workflow';

import type { InvoiceDraft } from '../../../nodes/OrderToInvoice/mapping/types';
import { startAnswerLosingProxy } from './lostAnswers';
import { stateOf, type Books } from './setup';
import { bookOn, freshWorker } from './workers';
import { draftTotalsByVatCode } from '../../support/cents';

/** What the sandbox books hold under an invoice number: its mutations, of one type when given. */
export const mutationsOf = (books: Books, invoiceNumber: string, type?: number) =>
	stateOf(books).mutations.filter(
		(mutation) =>
			mutation.invoiceNumber === invoiceNumber && (type === undefined || mutation.type === type),
	);

/** A mutation's row amounts per VAT code, in cents. */
export function rowCents(mutation: IDataObject): Record<string, number> {
	const sums: Record<string, number> = {};
	for (const row of mutation.rows as Array<{ vatCode: string; amount: number }>)
		sums[row.vatCode] = (sums[row.vatCode] ?? 0) + Math.round(row.amount * 100);
	return sums;
}

/** The draft's totals per VAT code, in cents. */
export const draftCents = (draft: InvoiceDraft) => draftTotalsByVatCode(draft);

/**
 * Books the draft on a fresh worker whose first POST /v1/mutation is carried out by the sandbox but whose answer is
 * lost on the way back (a 5xx or a dropped connection), as after a network failure.
 */
export async function bookLosingTheAnswer(
	books: Books,
	draft: InvoiceDraft,
	loss: 'serverError' | 'droppedConnection',
) {
	const proxy = await startAnswerLosingProxy(books.sandbox.url);
	try {
		const credentials = {
			eBoekhoudenApi: { ...books.credentials.eBoekhoudenApi, baseUrl: proxy.url },
		};
		const node = await freshWorker();
		const relations = await bookOn(node, [draft], credentials, ['relation']);
		proxy.loseNext('POST', '/v1/mutation', loss);
		return await bookOn(node, [draft], relations.credentials);
	} finally {
		await proxy.close();
	}
}
