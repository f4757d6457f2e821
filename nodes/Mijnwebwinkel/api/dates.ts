/**
 * Mijnwebwinkel dates carry no time zone (docs/api-notes.md, Mijnwebwinkel §4, §14.5). We read them as shop-local
 * time in Europe/Amsterdam, the platform's home, and compare `yyyy-mm-dd hh:mm:ss` strings, which sort as text.
 */
export const SHOP_TIME_ZONE = 'Europe/Amsterdam';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The wall-clock time in the shop's time zone, as the API's filters want it: `yyyy-mm-dd hh:mm:ss`. */
export function toShopDateTime(moment: Date, timeZone: string = SHOP_TIME_ZONE): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(moment);
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
	return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Adds minutes to a naive shop date-time (wall-clock arithmetic; a DST hour is within any overlap). */
export function shiftShopDateTime(value: string, minutes: number): string {
	const [date, time = '00:00:00'] = value.split(' ');
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute, second = 0] = time.split(':').map(Number);
	const moment = new Date(Date.UTC(year, month - 1, day, hour, minute + minutes, second));
	return moment.toISOString().slice(0, 19).replace('T', ' ');
}

export function addDays(date: string, days: number): string {
	return shiftShopDateTime(`${date.slice(0, 10)} 00:00:00`, days * 24 * 60).slice(0, 10);
}

/**
 * A date or date-time typed in n8n (`2025-01-31`, `2025-01-31T08:00:00`) is taken as shop-local;
 * one with a zone (`…Z`, `…+01:00`, from an expression like `$now`) is converted to shop time.
 * Returns undefined for anything else.
 */
export function parseUserDateTime(value: unknown): string | undefined {
	const text =
		typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : '';
	if (text === '') return undefined;
	if (ZONED_DATE_TIME.test(text)) {
		const moment = new Date(text);
		return Number.isNaN(moment.getTime()) ? undefined : toShopDateTime(moment);
	}
	const match = LOCAL_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, date, hour = '00', minute = '00', second = '00'] = match;
	const normalised = `${date} ${hour}:${minute}:${second}`;
	return shiftShopDateTime(normalised, 0) === normalised ? normalised : undefined;
}
