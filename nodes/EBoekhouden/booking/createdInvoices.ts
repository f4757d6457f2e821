import type { IExecuteFunctions } from 'n8n-workflow';

import type { OutstandingItem } from '../api/schemas';
import { currentGeneration, writtenSince } from './keyLock';
import { executionMemory, type ExecutionMemory } from './executionMemory';

/**
 * Invoices this execution created as booked (not concept), with the write generation of their creation. Until a
 * payment is booked on one of them, its open item is its whole total, so Book Payment in the same execution needs no
 * listing of open items for it (issue 15: that listing was one call per poll). Another process paying it meanwhile
 * is refused by e-Boekhouden on the payment reference (MUTA_008), as with any open item read a moment earlier.
 */
const createdIn = new WeakMap<ExecutionMemory, Map<string, number>>();
const MAX_CREATED = 20_000;

export async function rememberCreated(
	ctx: IExecuteFunctions,
	invoiceNumber: string,
): Promise<void> {
	const memory = await executionMemory(ctx);
	let created = createdIn.get(memory);
	if (!created) createdIn.set(memory, (created = new Map()));
	created.set(invoiceNumber, currentGeneration());
	if (created.size > MAX_CREATED) created.delete(created.keys().next().value as string);
}

/**
 * The open item of an invoice this execution created, from the totals e-Boekhouden computed for it (read back after
 * creation), or undefined when it was not created here, its totals are unknown, or anything was booked on it since.
 */
export async function openItemOfCreated(
	ctx: IExecuteFunctions,
	invoiceNumber: string,
	paymentKey: string,
): Promise<OutstandingItem | undefined> {
	const memory = await executionMemory(ctx);
	const since = createdIn.get(memory)?.get(invoiceNumber);
	if (since === undefined || writtenSince(paymentKey, since)) return undefined;
	const invoice = memory.invoices.get(invoiceNumber);
	if (typeof invoice?.totalAmount !== 'number' || typeof invoice.relationId !== 'number')
		return undefined;
	return {
		invoiceNumber,
		relationId: invoice.relationId,
		date: invoice.date ?? undefined,
		totalAmount: invoice.totalAmount,
		paidAmount: 0,
		outstandingAmount: invoice.totalAmount,
	};
}
