import { invalid } from './errors';

/**
 * The filter syntax of docs/api-notes.md, e-Boekhouden §3: `name=x` (equal), `name[op]=x`. Strings: eq, not_eq, like, not_like (`%` many,
 * `?` one character; like is case-insensitive). Numbers and dates: eq, not_eq, gt, gte, lt, lte, range=a,b (inclusive).
 * "Currently only one filter can be applied to a parameter": a second one is ERR_002.
 */
export type FilterKind = 'string' | 'number' | 'date' | 'boolean';

export interface FilterField<T> {
	kind: FilterKind;
	value: (item: T) => unknown;
	/** String equality is case-insensitive unless set (the live collation is not documented). */
	caseSensitive?: boolean;
}

type Predicate<T> = (item: T) => boolean;

const STRING_OPERATORS = ['eq', 'not_eq', 'like', 'not_like'];
const ORDERED_OPERATORS = ['eq', 'not_eq', 'gt', 'gte', 'lt', 'lte', 'range'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function likePattern(pattern: string): RegExp {
	const escaped = pattern
		.replace(/[.*+^${}()|[\]\\]/g, '\\$&')
		.replace(/%/g, '.*')
		.replace(/\?/g, '.');
	return new RegExp(`^${escaped}$`, 'is');
}

function parseValue(kind: FilterKind, text: string, name: string): number | string | boolean {
	if (kind === 'number') {
		if (!/^-?\d+(\.\d+)?$/.test(text)) throw invalid('ERR_002', name, `${name} must be a number`);
		return Number(text);
	}
	if (kind === 'date') {
		if (!DATE.test(text)) throw invalid('ERR_002', name, `${name} must be a date (yyyy-mm-dd)`);
		return text;
	}
	if (kind === 'boolean') {
		if (!/^(true|false)$/i.test(text))
			throw invalid('ERR_002', name, `${name} must be true or false`);
		return text.toLowerCase() === 'true';
	}
	return text;
}

function stringTest(
	operator: string,
	text: string,
	caseSensitive: boolean,
): (value: unknown) => boolean {
	const fold = (value: string) => (caseSensitive ? value : value.toLowerCase());
	const pattern = likePattern(text);
	switch (operator) {
		case 'eq':
			return (value) => typeof value === 'string' && fold(value) === fold(text);
		case 'not_eq':
			return (value) => typeof value !== 'string' || fold(value) !== fold(text);
		case 'like':
			return (value) => typeof value === 'string' && pattern.test(value);
		default:
			return (value) => typeof value !== 'string' || !pattern.test(value);
	}
}

function orderedTest(
	kind: FilterKind,
	operator: string,
	text: string,
	name: string,
): (value: unknown) => boolean {
	if (operator === 'range') {
		const parts = text.split(',');
		if (parts.length !== 2) throw invalid('ERR_002', name, `${name}[range] needs two values: a,b`);
		const [low, high] = parts.map((part) => parseValue(kind, part.trim(), name));
		return (value) => value !== null && value !== undefined && value >= low && value <= high;
	}
	const wanted = parseValue(kind, text, name);
	const compare: Record<string, (value: number | string | boolean) => boolean> = {
		eq: (value) => value === wanted,
		not_eq: (value) => value !== wanted,
		gt: (value) => value > wanted,
		gte: (value) => value >= wanted,
		lt: (value) => value < wanted,
		lte: (value) => value <= wanted,
	};
	return (value) =>
		value !== null && value !== undefined && compare[operator](value as number | string | boolean);
}

/** Builds one predicate from every supported filter in the query; `fields` maps a filter name to its kind and value. */
export function readFilters<T>(
	query: URLSearchParams,
	fields: Record<string, FilterField<T>>,
): Predicate<T> {
	const tests: Predicate<T>[] = [];
	const seen = new Set<string>();
	query.forEach((text, key) => {
		const match = /^(\w+)(?:\[(\w+)\])?$/.exec(key);
		if (!match || !fields[match[1]]) return;
		const [, name, operator = 'eq'] = match;
		if (seen.has(name))
			throw invalid('ERR_002', name, 'Only one filter can be applied to a parameter');
		seen.add(name);
		const { kind, value, caseSensitive = false } = fields[name];
		const allowed =
			kind === 'string'
				? STRING_OPERATORS
				: kind === 'boolean'
					? ['eq', 'not_eq']
					: ORDERED_OPERATORS;
		if (!allowed.includes(operator))
			throw invalid('ERR_002', name, `Operator ${operator} is not allowed for ${name}`);
		const test =
			kind === 'string'
				? stringTest(operator, text, caseSensitive)
				: orderedTest(kind, operator, text, name);
		tests.push((item) => test(value(item)));
	});
	return (item) => tests.every((test) => test(item));
}
