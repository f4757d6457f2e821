import type { Order } from '../../shared/order.schema';
import type { OrderContext } from './errors';
import { cut } from './text';
import type { DraftRelation } from './types';

/** e-Boekhouden's maximum lengths for relation fields (docs/api-notes.md, e-Boekhouden §5.3). */
export const RELATION_MAX_LENGTH = {
	name: 100,
	contact: 50,
	emailAddress: 150,
	address: 150,
	postalCode: 50,
	city: 50,
	country: 50,
	vatNumber: 50,
	phoneNumber: 50,
} as const;

type Address = NonNullable<NonNullable<Order['debtor']['address']>['invoice']>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trimmed and lower case: relations are matched on it, so it must be valid and is never cut. */
function emailAddress(order: Order, context: OrderContext): string {
	const email = (order.debtor.email ?? '').trim().toLowerCase();
	if (!email)
		context.fail(
			'debtor.email',
			'the order has no e-mail address to find or create the relation by',
		);
	if (!EMAIL.test(email)) context.fail('debtor.email', `'${email}' is not a valid e-mail address`);
	if (email.length > RELATION_MAX_LENGTH.emailAddress) {
		context.fail(
			'debtor.email',
			`is longer than e-Boekhouden's ${RELATION_MAX_LENGTH.emailAddress} characters`,
		);
	}
	return email;
}

function firstText(...values: Array<string | number | null | undefined>): string {
	for (const value of values) {
		const text = String(value ?? '').trim();
		if (text) return text;
	}
	return '';
}

/**
 * A company name makes a business relation (B: name = company, contact = person); otherwise a person (P).
 * The invoice address wins; old orders with only the deprecated `debtor.name`/`company`/`phone` still work.
 */
export function mapRelation(
	order: Order,
	context: OrderContext,
	warnings: string[],
): DraftRelation {
	const { debtor } = order;
	const address: Partial<Address> = debtor.address?.invoice ?? debtor.address?.delivery ?? {};
	const email = emailAddress(order, context);
	const company = firstText(address.company, debtor.company);
	const person = firstText(address.name, debtor.name, debtor.address?.delivery?.name);
	let name = company || person;
	if (!name) {
		name = email;
		warnings.push(
			'debtor: the order has no customer name; the relation is named after the e-mail address',
		);
	}
	const street = [firstText(address.street), firstText(address.number)].filter(Boolean).join(' ');
	const relation: DraftRelation = {
		type: company ? 'B' : 'P',
		name,
		contact: company ? person : '',
		emailAddress: email,
		address: street,
		postalCode: firstText(address.zipcode),
		city: firstText(address.city),
		country: firstText(address.country, address.country_code),
		vatNumber: firstText(address.taxnumber).replace(/[\s.]/g, '').toUpperCase(),
		phoneNumber: firstText(address.phone, debtor.phone),
	};
	for (const key of Object.keys(RELATION_MAX_LENGTH) as Array<keyof typeof RELATION_MAX_LENGTH>) {
		relation[key] = cut(relation[key], RELATION_MAX_LENGTH[key]);
	}
	return relation;
}
