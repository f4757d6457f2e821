import type { IDataObject } from 'n8n-workflow';

/** The customer details an order may carry over to the relation found for it: name, address, phone, VAT number. */
export const CARRIED_OVER = [
	'name',
	'address',
	'postalCode',
	'city',
	'country',
	'phoneNumber',
	'vatNumber',
] as const;

export type CustomerChanges = Partial<
	Record<(typeof CARRIED_OVER)[number], { from: string; to: string }>
>;

const text = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * What the order says differently from the relation in e-Boekhouden. A field the order leaves empty is never a
 * change: a shop that does not ask for a phone number must not wipe the one the bookkeeper typed in.
 */
export function customerChanges(relation: IDataObject, order: IDataObject): CustomerChanges {
	const changes: CustomerChanges = {};
	for (const field of CARRIED_OVER) {
		const to = text(order[field]);
		const from = text(relation[field]);
		if (to !== '' && to !== from) changes[field] = { from, to };
	}
	return changes;
}

/** The PATCH body for the changes; e-Boekhouden wants `name` on every PATCH (docs/api-notes.md, e-Boekhouden §5.4). */
export function changeBody(
	relation: IDataObject,
	changes: CustomerChanges,
): IDataObject & { name: string } {
	const body: IDataObject = Object.fromEntries(
		Object.entries(changes).map(([field, change]) => [field, change.to]),
	);
	return { ...body, name: changes.name?.to ?? text(relation.name) };
}
