import type { IDataObject } from 'n8n-workflow';
import type { z } from 'zod';

import { listEnvelope } from './schemas';
import { apiRequest, type EBoekhoudenContext } from './transport';

/** e-Boekhouden pages with `limit` (1–2000) and `offset`; `count` is the page size, not a total (docs/api-notes.md, e-Boekhouden §3, §9.10). */
export const PAGE_SIZE_MAX = 2000;

export interface Paging {
	/** Stop after this many items; `Infinity` reads every page. */
	max: number;
	/** Offset of the first item to read (for "load more" in lists). */
	start?: number;
}

export interface Page<T> {
	items: T[];
	/** True when the last page was short, i.e. nothing more exists beyond these items. */
	complete: boolean;
}

export async function fetchPages<S extends z.ZodTypeAny>(
	ctx: EBoekhoudenContext,
	path: string,
	qs: IDataObject,
	item: S,
	paging: Paging,
): Promise<Page<z.infer<S>>> {
	const schema = listEnvelope(item);
	const items: Array<z.infer<S>> = [];
	for (let offset = paging.start ?? 0; items.length < paging.max;) {
		const limit = Math.min(PAGE_SIZE_MAX, paging.max - items.length);
		const page = (await apiRequest(
			ctx,
			{ method: 'GET', path, qs: { ...qs, limit, offset } },
			schema,
		)) as {
			items: Array<z.infer<S>>;
		};
		items.push(...page.items);
		if (page.items.length < limit) return { items, complete: true };
		offset += page.items.length;
	}
	return { items, complete: false };
}

export async function fetchAll<S extends z.ZodTypeAny>(
	ctx: EBoekhoudenContext,
	path: string,
	qs: IDataObject,
	item: S,
	paging: Paging = { max: Infinity },
): Promise<Array<z.infer<S>>> {
	return (await fetchPages(ctx, path, qs, item, paging)).items;
}
