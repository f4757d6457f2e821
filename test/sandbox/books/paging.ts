import { invalid } from './errors';

export interface Paging {
	limit: number;
	offset: number;
}

const LIMIT_DEFAULT = 100;
const LIMIT_MAX = 2000;

function wholeNumber(text: string): number | undefined {
	return /^-?\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** `limit` 1–2000 (default 100, PAGE_001) and `offset` ≥ 0 (default 0, PAGE_002), docs/api-notes.md, e-Boekhouden §3. */
export function readPaging(query: URLSearchParams): Paging {
	const limitText = query.get('limit');
	const offsetText = query.get('offset');
	const limit = limitText === null ? LIMIT_DEFAULT : wholeNumber(limitText);
	const offset = offsetText === null ? 0 : wholeNumber(offsetText);
	if (limit === undefined || limit < 1 || limit > LIMIT_MAX) throw invalid('PAGE_001', 'limit');
	if (offset === undefined || offset < 0) throw invalid('PAGE_002', 'offset');
	return { limit, offset };
}

/** The list envelope: `count` is the number of items on this page, not a total (docs/api-notes.md, e-Boekhouden §3). */
export function pageOf<T>(items: readonly T[], paging: Paging): { items: T[]; count: number } {
	const page = items.slice(paging.offset, paging.offset + paging.limit);
	return { items: page, count: page.length };
}
