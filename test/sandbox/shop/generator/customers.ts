/**
 * The shop's customers. Some come back (returning customers, matched by e-mail in the books), and some
 * type their e-mail address differently the next time (`Jan@Example.com` vs `jan@example.com`).
 */
import { COUNTRIES } from './countries';
import type { Random } from './random';

/** How VAT applies to an order (docs/api-notes.md, Mijnwebwinkel §7.4). */
export type TaxSituation = 'domestic' | 'domesticB2B' | 'reverseCharge' | 'export' | 'oss';

export interface Customer {
	situation: TaxSituation;
	/** Set when the customer has an account (`debtor.id`). */
	accountId?: string;
	email: string;
	name: string;
	gender: 'M' | 'V';
	company?: string;
	taxnumber?: string;
	phone: string;
	bankaccount?: string;
	street: string;
	houseNumber: string;
	zipcode: string;
	city: string;
	countryCode: string;
}

export interface CustomerBook {
	/** A customer for this situation: new, or one who ordered before, with the e-mail as typed this time. */
	next(situation: TaxSituation): { customer: Customer; email: string };
}

const FIRST = [
	'Jan',
	'Anna',
	'Pieter',
	'Sanne',
	'Kees',
	'Fleur',
	'Daan',
	'Lotte',
	'Bram',
	'Emma',
	'Joost',
	'Noor',
];
const LAST = [
	'de Vries',
	'Jansen',
	'Bakker',
	'Visser',
	'Smit',
	'Meijer',
	'de Boer',
	'Mulder',
	'de Groot',
	'Bos',
];
const FOREIGN: Record<string, readonly string[]> = {
	BE: ['Sophie Peeters', 'Lucas Maes', 'Elise Claes'],
	DE: ['Lukas Müller', 'Lena Schmidt', 'Jonas Weber'],
	FR: ['Marie Dubois', 'Hugo Martin'],
	US: ['Emily Johnson', 'Michael Brown'],
	CH: ['Noah Meier', 'Mia Keller'],
	NO: ['Lars Hansen', 'Ingrid Olsen'],
};
const COMPANIES = [
	'Koffiebar De Molen',
	'Theehuis Centraal',
	'Lunchroom Het Hoekje',
	'Kantoor Plus',
	'Brasserie Zuid',
];
const SUFFIX: Record<string, string> = { NL: 'B.V.', BE: 'BV', DE: 'GmbH' };
const COUNTRIES_FOR: Record<TaxSituation, readonly string[]> = {
	domestic: ['NL'],
	domesticB2B: ['NL'],
	reverseCharge: ['BE', 'DE'],
	export: ['US', 'CH', 'NO'],
	oss: ['BE', 'DE', 'FR'],
};
const RETURN_CHANCE = 0.3;
const CASE_VARIANT_CHANCE = 0.35;

function digits(random: Random, count: number): string {
	return Array.from({ length: count }, () => random.int(0, 9)).join('');
}

function vatNumber(random: Random, countryCode: string): string {
	if (countryCode === 'NL') return `NL${digits(random, 9)}B01`;
	if (countryCode === 'BE') return `BE0${digits(random, 9)}`;
	return `${countryCode}${digits(random, 9)}`;
}

/** `jan.devries@example.com` → `Jan.Devries@Example.com`: the same mailbox, typed differently. */
export function emailCaseVariant(email: string): string {
	return email.replace(
		/(^|[.@])([a-z])/g,
		(_, before: string, letter: string) => before + letter.toUpperCase(),
	);
}

export function createCustomerBook(random: Random): CustomerBook {
	const seen: Customer[] = [];
	const emails = new Set<string>();

	const create = (situation: TaxSituation): Customer => {
		const countryCode = random.pick(COUNTRIES_FOR[situation]);
		const place = random.pick(COUNTRIES[countryCode].cities);
		const name =
			countryCode === 'NL'
				? `${random.pick(FIRST)} ${random.pick(LAST)}`
				: random.pick(FOREIGN[countryCode]);
		const business = situation === 'domesticB2B' || situation === 'reverseCharge';
		const company = business ? `${random.pick(COMPANIES)} ${SUFFIX[countryCode]}` : undefined;
		const local = name
			.toLowerCase()
			.normalize('NFD')
			.replace(/[^a-z ]/g, '')
			.replace(/ +/g, '.');
		let email = `${local}@example.${random.pick(['com', 'org', 'net'])}`;
		while (emails.has(email)) email = email.replace('@', String(random.int(1, 9)) + '@');
		emails.add(email);
		return {
			situation,
			accountId: random.chance(0.4) ? random.uuid() : undefined,
			email,
			name,
			gender: random.pick(['M', 'V'] as const),
			company,
			taxnumber:
				company && (countryCode !== 'NL' || random.chance(0.8))
					? vatNumber(random, countryCode)
					: undefined,
			phone: countryCode === 'NL' ? `06-${digits(random, 8)}` : `+${digits(random, 10)}`,
			bankaccount:
				countryCode === 'NL' && random.chance(0.3)
					? `NL${digits(random, 2)}RABO0${digits(random, 9)}`
					: undefined,
			street: place.street,
			houseNumber: String(random.int(1, 180)),
			zipcode: place.zipcode,
			city: place.city,
			countryCode,
		};
	};

	return {
		next(situation) {
			const earlier = seen.filter((customer) => customer.situation === situation);
			if (earlier.length > 0 && random.chance(RETURN_CHANCE)) {
				const customer = random.pick(earlier);
				const email = random.chance(CASE_VARIANT_CHANCE)
					? emailCaseVariant(customer.email)
					: customer.email;
				return { customer, email };
			}
			const customer = create(situation);
			seen.push(customer);
			return { customer, email: customer.email };
		},
	};
}
