import { invalid } from './errors';

/** Field readers for request bodies. Property names in errors are PascalCase, as the live API reports them. */
export function propertyName(field: string): string {
	return field.charAt(0).toUpperCase() + field.slice(1);
}

/** A string field: undefined when absent or null; `tooLongCode` past `max` characters; ERR_002 when not a string. */
export function readText(
	value: unknown,
	field: string,
	max: number,
	tooLongCode: string,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string')
		throw invalid('ERR_002', propertyName(field), `${field} must be a string`);
	if (value.length > max) throw invalid(tooLongCode, propertyName(field));
	return value;
}

export function readInteger(value: unknown, field: string, code = 'ERR_002'): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw invalid(code, propertyName(field));
	return value;
}

export function readNumber(value: unknown, field: string, code = 'ERR_002'): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw invalid(code, propertyName(field));
	return value;
}

export function readBoolean(value: unknown, field: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean')
		throw invalid('ERR_002', propertyName(field), `${field} must be true or false`);
	return value;
}

export function isEmail(text: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** IBAN shape plus the ISO 13616 mod-97 check. */
export function isIban(text: string): boolean {
	const iban = text.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
	const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) =>
		String(letter.charCodeAt(0) - 55),
	);
	let remainder = 0;
	for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

/** A real calendar date written yyyy-mm-dd. */
export function isDate(text: unknown): text is string {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
