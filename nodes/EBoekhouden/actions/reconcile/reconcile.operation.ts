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
import { readLedgerRef, readTemplateRef } from '../shared/params';
import { listInvoices, listOutstanding, readVatCodes } from './books';
import { toItem } from './output';
import { readDrafts, readPeriod, type DraftItem } from './input';
import { Fixer } from './fix';
import { findDifferences, type Difference } from './differences';
import { invoicesToRead, matchBooks, shopInvoices } from './match';
import { summarise } from './summary';
import { reconcileProperties } from './reconcile.fields';

export const description = updateDisplayOptions(
	showFor('reconciliation', ['reconcile']),
	reconcileProperties,
);

/** Books what Fix may book; the outcome goes onto the difference's item. */
async function fixAll(
	ctx: IExecuteFunctions,
	differences: Difference[],
	drafts: DraftItem[],
): Promise<{ invoices: number; payments: number; failed: number }> {
	const fixer = new Fixer(
		ctx,
		{ templateRef: readTemplateRef(ctx, 0), debtorLedger: readLedgerRef(ctx, 'debtorLedger', 0) },
		drafts.flatMap(({ draft }) => (draft ? [draft.invoice.date] : [])),
	);
	const done = { invoices: 0, payments: 0, failed: 0 };
	for (const difference of differences) {
		const draft =
			difference.itemIndex === undefined ? undefined : drafts[difference.itemIndex].draft;
		if (!difference.fixable || !draft) continue;
		try {
			const result =
				difference.status === 'missing' ? await fixer.book(draft) : await fixer.pay(draft);
			if (result.invoiceCreated === true) done.invoices++;
			if (result.paymentBooked === true) done.payments++;
			difference.facts.fixed = true;
			difference.facts.fix = result;
		} catch (error) {
			done.failed++;
			difference.facts.fixed = false;
			difference.facts.fixError = (error as Error).message;
		}
	}
	return done;
}

/**
 * Runs once for all input items: each is the draft of one finished, paid order of the period. The books are read
 * with listings by date (invoices) and the open items, and only invoices whose totals differ are read in full.
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
	// Orders the sync passes over, and those whose draft is unreadable (reported as errors), are not strangers.
	const known = new Set<string>();
	for (const { draft, order, invoiceNumber } of drafts) {
		const number = draft?.invoice.invoiceNumber ?? invoiceNumber;
		if (!order && number) known.add(number);
	}
	const matching = matchBooks(orders, invoices, prefixes, period, known);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const toRead = options.readEveryInvoice ? shopInvoices(matching) : invoicesToRead(matching);
	for (const invoice of toRead) invoice.byVatCode = await readVatCodes(this, invoice.id);
	const differences = findDifferences(matching, open);
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
