import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toErrorJson } from '../../../shared/runPerItem';
import { inputError } from '../../api/inputError';
import { showFor } from '../node.type';
import { listInvoices, listOutstanding, readVatCodes } from './books';
import { toItem } from './output';
import { readDrafts, readPeriod } from './input';
import { fixAll } from './fix';
import { findDifferences } from './differences';
import { compareEntries, isEntryMode } from './entryBooks';
import { invoicesToRead, matchBooks, shopInvoices } from './match';
import { summarise } from './summary';
import { reconcileProperties } from './reconcile.fields';

export const description = updateDisplayOptions(
	showFor('reconciliation', ['reconcile']),
	reconcileProperties,
);

/**
 * Runs once for all input items: each is the draft of one finished, paid order of the period. The books are read
 * with listings by date (invoices; journal entries and cash sales when a draft is booked so) and the open items;
 * only invoices whose totals differ are read in full, and each journal entry or cash sale found once.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const drafts = readDrafts(this);
	const errors: INodeExecutionData[] = [];
	for (const { error, itemIndex } of drafts) {
		if (!error) continue;
		if (!this.continueOnFail()) throw error;
		errors.push({ json: toErrorJson(error, this.getNode().name), pairedItem: { item: itemIndex } });
	}
	const orders = drafts.flatMap(({ order }) => (order ? [order] : []));
	const skipped = drafts.filter(({ draft }) => draft?.skipped);
	const period = readPeriod(this, orders);
	if (!period) {
		throw inputError(this, 'No period to reconcile', {
			field: 'dateFrom',
			description: 'Set Date From and Date To, or pass the drafts of the orders of the period.',
		});
	}
	const dates = [period.from, period.to, ...orders.map((order) => order.date)].sort();
	const [invoices, open] = await Promise.all([
		listInvoices(this, dates[0], dates[dates.length - 1]),
		listOutstanding(this),
	]);
	const prefixes = {
		invoice: String(this.getNodeParameter('invoicePrefix', 0, '')),
		credit: String(this.getNodeParameter('creditPrefix', 0, '')),
	};
	// Orders the sync passes over, and those whose draft is unreadable (reported as errors), are not strangers; nor
	// is an invoice under the number of an order booked as a journal entry or cash sale (compared in entryBooks.ts).
	const known = new Set<string>();
	const numbers = new Set<string>();
	for (const { draft, order, invoiceNumber } of drafts) {
		const number = draft?.invoice.invoiceNumber ?? invoiceNumber;
		if (number) numbers.add(number);
		if (number && (!order || isEntryMode(order))) known.add(number);
	}
	const invoiceOrders = orders.filter((order) => !isEntryMode(order));
	const invoiceMatching = matchBooks(invoiceOrders, invoices, prefixes, period, known);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const toRead = options.readEveryInvoice
		? shopInvoices(invoiceMatching)
		: invoicesToRead(invoiceMatching);
	for (const invoice of toRead) invoice.byVatCode = await readVatCodes(this, invoice.id);
	const entries = await compareEntries(this, {
		orders,
		invoices,
		invoiceMatching,
		range: { from: dates[0], to: dates[dates.length - 1] },
		period,
		prefixes,
		known: numbers,
	});
	const matching = {
		matched: [...invoiceMatching.matched, ...entries.matching.matched].sort(
			(a, b) => a.order.itemIndex - b.order.itemIndex,
		),
		strangers: [...invoiceMatching.strangers, ...entries.matching.strangers],
	};
	const differences = findDifferences(matching, open, entries.ledgers);
	const fixed = this.getNodeParameter('fix', 0, false)
		? await fixAll(this, differences, drafts)
		: undefined;
	const all: IPairedItemData[] = drafts.map(({ itemIndex }) => ({ item: itemIndex }));
	const summary = summarise({
		period,
		matching,
		differences,
		invalidDrafts: errors.length,
		skippedOrders: skipped.length,
		fixed,
	});
	return [
		[
			...differences.map((difference) => toItem(difference, all)),
			...errors,
			{ json: summary, pairedItem: all },
		],
	];
}
