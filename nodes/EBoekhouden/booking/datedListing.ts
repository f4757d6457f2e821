import type { IExecuteFunctions } from 'n8n-workflow';

import type { Page, Paging } from '../api/paging';
import { currentGeneration, writtenSince } from './keyLock';
import {
	bounded,
	executionMemory,
	type CoveredRange,
	type ExecutionMemory,
} from './executionMemory';

/** A batch checks its invoice numbers with one listing by date range instead of one call per order. */
export const BULK_THRESHOLD_ITEMS = 2;
/** Up to 5 pages of 2000: beyond that, single look-ups are cheaper than reading the whole year. */
export const BULK_MAX_ITEMS = 10_000;
const MAX_RANGES = 100;

/** What this execution's listings say about one invoice number, without asking e-Boekhouden. */
export type ListedItem<Item> =
	{ state: 'booked'; item: Item } | { state: 'absent' } | { state: 'unknown' };

/** Where the execution memory keeps one kind of listed item and the date ranges its listings covered. */
export interface Shelf<Item> {
	items: Map<string, Item>;
	covered: CoveredRange[];
	max: number;
}

/** What one kind of dated e-Boekhouden item (invoices, mutations of one type) needs to be listed and looked up. */
export interface DatedSource<Item> {
	/** Marks the ranges this listing covered, where listings of several scopes share one shelf. */
	scope: string;
	shelf(memory: ExecutionMemory): Shelf<Item>;
	/** The shelf's key for an invoice number, distinct per scope where scopes share the shelf. */
	key(invoiceNumber: string): string;
	/** Every item dated within `date[range]` (docs/api-notes.md, e-Boekhouden §3), paged. */
	list(filters: { 'date[range]': string }, paging: Paging): Promise<Page<Item>>;
	/** The item with this invoice number, asked for by number. */
	lookUp(invoiceNumber: string): Promise<Item | undefined>;
	/** The invoice number an item is kept under; undefined keeps it out. */
	numberOf(item: Item): string | undefined;
	/** What is kept when an item is remembered; by default the item itself. */
	merge?(known: Item | undefined, item: Item): Item;
	/** The key a write of this invoice number is logged under (keyLock.ts). */
	writeKey(invoiceNumber: string): string;
}

const isDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * Items by invoice number, shared by every node and batch of the execution (see executionMemory.ts): one paged
 * listing of a batch's date range tells the whole batch which orders are booked, so a re-run costs that listing
 * instead of a look-up per order. A number the listing did not hold is "absent" only while nothing was written under
 * its key in this process since the listing, and only if that listing was complete; otherwise it is asked for by number.
 */
export class DatedListing<Item> {
	private opened?: Promise<Shelf<Item>>;

	constructor(
		protected readonly ctx: IExecuteFunctions,
		private readonly source: DatedSource<Item>,
	) {}

	private async shelf(): Promise<Shelf<Item>> {
		this.opened ??= executionMemory(this.ctx).then((memory) => this.source.shelf(memory));
		return await this.opened;
	}

	/** Lists every item dated within the batch's dates, unless this execution listed them already. */
	async prefetch(dates: string[]): Promise<void> {
		const sorted = dates.filter(isDate).sort();
		if (sorted.length < BULK_THRESHOLD_ITEMS) return;
		const from = sorted[0];
		const to = sorted[sorted.length - 1];
		const { scope } = this.source;
		const { covered } = await this.shelf();
		if (covered.some((range) => range.scope === scope && range.from <= from && range.to >= to))
			return;
		const generation = currentGeneration();
		const page = await this.source.list(
			{ 'date[range]': `${from},${to}` },
			{ max: BULK_MAX_ITEMS },
		);
		for (const item of page.items) await this.remember(item);
		if (!page.complete) return;
		covered.push({ scope, from, to, generation });
		if (covered.length > MAX_RANGES) covered.shift();
	}

	/** The answer of this execution's listings alone: booked, absent (and not written since), or not listed. */
	async listed(invoiceNumber: string, date?: string): Promise<ListedItem<Item>> {
		const { items, covered } = await this.shelf();
		const known = items.get(this.source.key(invoiceNumber));
		if (known) return { state: 'booked', item: known };
		if (!date) return { state: 'unknown' };
		const writeKey = this.source.writeKey(invoiceNumber);
		const fresh = covered.some(
			(range) =>
				range.scope === this.source.scope &&
				date >= range.from &&
				date <= range.to &&
				!writtenSince(writeKey, range.generation),
		);
		return fresh ? { state: 'absent' } : { state: 'unknown' };
	}

	/** The item with this invoice number, from the listing when it answers, else asked for by number. */
	async find(invoiceNumber: string, date?: string): Promise<Item | undefined> {
		const listed = await this.listed(invoiceNumber, date);
		if (listed.state === 'booked') return listed.item;
		if (listed.state === 'absent') return undefined;
		const found = await this.source.lookUp(invoiceNumber);
		if (found) await this.remember(found);
		return found;
	}

	async remember(item: Item): Promise<void> {
		const invoiceNumber = this.source.numberOf(item);
		if (invoiceNumber === undefined) return;
		const { items, covered, max } = await this.shelf();
		const key = this.source.key(invoiceNumber);
		const known = items.get(key);
		// A listed item about to be forgotten would read as "absent": the listings no longer answer alone.
		if (!known && items.size >= max) covered.length = 0;
		bounded(items, key, this.source.merge ? this.source.merge(known, item) : item, max);
	}
}
