/**
 * Shop-local time. Mijnwebwinkel gives `date`/`time` and takes `status_changed_*` filters without a zone;
 * the sandbox treats both as Europe/Amsterdam, the zone of a Dutch shop (docs/api-notes.md, Mijnwebwinkel §4).
 */
export const SHOP_TIME_ZONE = 'Europe/Amsterdam';

const localParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: SHOP_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

/** `{ date: 'yyyy-mm-dd', time: 'hh:mm:ss' }` of an instant, in shop-local time. */
export function toShopLocal(instant: Date): { date: string; time: string } {
	const parts = Object.fromEntries(
		localParts.formatToParts(instant).map((part) => [part.type, part.value]),
	);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}:${parts.second}`,
	};
}

/** The instant of a shop-local date and time (the first one, when a DST change repeats the hour). */
export function fromShopLocal(date: string, time = '00:00:00'): Date {
	const asUtc = Date.parse(`${date}T${time}Z`);
	for (const offsetHours of [2, 1]) {
		const candidate = new Date(asUtc - offsetHours * 3_600_000);
		const local = toShopLocal(candidate);
		if (local.date === date && local.time === time) return candidate;
	}
	return new Date(asUtc - 3_600_000);
}

/** ISO 8601 with the shop's offset, e.g. `2021-06-29T14:41:26+02:00` (the Payment endpoint's format). */
export function toShopIso(instant: Date): string {
	const { date, time } = toShopLocal(instant);
	const offsetMinutes = Math.round((Date.parse(`${date}T${time}Z`) - instant.getTime()) / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
	const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
	return `${date}T${time}${sign}${hours}:${minutes}`;
}
