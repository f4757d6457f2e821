import { invalid } from './errors';
import { ledgerById, type BooksStore, type RelationRecord } from './store';
import {
	isDate,
	isEmail,
	isIban,
	propertyName,
	readBoolean,
	readInteger,
	readText,
} from './validate';

/** Maximum lengths with their "too long" codes (docs/api-notes.md, e-Boekhouden §5.3, appendix B `CreateRelation`). */
const TEXT_FIELDS: ReadonlyArray<[field: string, max: number, tooLongCode: string]> = [
	['salutation', 50, 'REL_010'],
	['contact', 50, 'REL_009'],
	['gender', 1, 'REL_004'],
	['address', 150, 'REL_011'],
	['postalCode', 50, 'REL_012'],
	['city', 50, 'REL_013'],
	['country', 50, 'REL_014'],
	['address2', 150, 'REL_015'],
	['postalCode2', 50, 'REL_016'],
	['city2', 50, 'REL_017'],
	['country2', 50, 'REL_018'],
	['phoneNumber', 50, 'REL_019'],
	['mobilePhoneNumber', 50, 'REL_020'],
	['faxNumber', 50, 'REL_021'],
	['emailAddress', 150, 'REL_022'],
	['emailAddressInvoice', 150, 'REL_024'],
	['emailAddressReminder', 150, 'REL_026'],
	['website', 50, 'REL_028'],
	['note', 40000, 'REL_047'],
	['vatNumber', 50, 'REL_035'],
	['companyRegistrationNumber', 50, 'REL_050'],
	['iban', 50, 'REL_029'],
	['bic', 20, 'REL_032'],
	...Array.from({ length: 10 }, (_, index): [string, number, string] => [
		`freeText${index + 1}`,
		100,
		`REL_0${37 + index}`,
	]),
	['mandateType', 1, 'REL_033'],
	['mandateId', 35, 'REL_034'],
	['mandateSignedDate', 10, 'ERR_002'],
];

export const RELATION_TEXT_FIELDS = TEXT_FIELDS.map(([field]) => field);

const FORMAT_CHECKS: ReadonlyArray<
	[field: string, valid: (text: string) => boolean, code: string]
> = [
	['gender', (text) => ['m', 'v', 'a'].includes(text), 'REL_004'],
	['emailAddress', isEmail, 'REL_023'],
	['emailAddressInvoice', isEmail, 'REL_025'],
	['emailAddressReminder', isEmail, 'REL_027'],
	['iban', isIban, 'REL_007'],
	['companyRegistrationNumber', (text) => /^\d+$/.test(text), 'REL_008'],
	['mandateType', (text) => ['E', 'D'].includes(text), 'REL_051'],
	['mandateSignedDate', isDate, 'ERR_002'],
];

const CODE_MAX = 15;
const NAME_MAX = 100;
const TERM_OF_PAYMENT_MAX_DAYS = 999;

/**
 * Validates a CreateRelation / PatchRelation body and returns the record it describes. On PATCH, fields left out keep
 * their value and `null` clears them; `name` is required either way (docs/api-notes.md, e-Boekhouden §5.4).
 */
export function buildRelation(
	store: BooksStore,
	body: Record<string, unknown>,
	base: RelationRecord,
): RelationRecord {
	const name = readText(body.name, 'name', NAME_MAX, 'REL_003');
	if (!name || name.trim() === '') throw invalid('REL_002', 'Name');
	const relation: RelationRecord = { ...base, name, text: { ...base.text } };

	if (body.type !== undefined) {
		if (body.type === null || body.type === '') relation.type = 'B';
		else if (body.type === 'B' || body.type === 'P') relation.type = body.type;
		else throw invalid('REL_001', 'Type');
	}
	if (body.code !== undefined && body.code !== null && body.code !== '') {
		if (typeof body.code !== 'string' || body.code.trim() !== body.code)
			throw invalid('REL_005', 'Code');
		if (body.code.length > CODE_MAX) throw invalid('REL_006', 'Code');
		relation.code = body.code;
	}
	for (const [field, max, tooLongCode] of TEXT_FIELDS) {
		if (!(field in body)) continue;
		const value = readText(body[field], field, max, tooLongCode);
		if (value === undefined || value === '') delete relation.text[field];
		else relation.text[field] = value;
	}
	for (const [field, valid, code] of FORMAT_CHECKS) {
		const value = relation.text[field];
		if (value !== undefined && field in body && !valid(value))
			throw invalid(code, propertyName(field));
	}
	if ('termOfPayment' in body) {
		const days = readInteger(body.termOfPayment, 'termOfPayment');
		if (days !== undefined && days < 0) throw invalid('REL_030', 'TermOfPayment');
		if (days !== undefined && days > TERM_OF_PAYMENT_MAX_DAYS)
			throw invalid('REL_031', 'TermOfPayment');
		relation.termOfPayment = days ?? null;
	}
	if ('ledgerId' in body) {
		const ledgerId = readInteger(body.ledgerId, 'ledgerId', 'REL_048');
		if (ledgerId !== undefined && !ledgerById(store, ledgerId))
			throw invalid('REL_048', 'LedgerId');
		relation.ledgerId = ledgerId ?? null;
	}
	if ('inactive' in body) relation.inactive = readBoolean(body.inactive, 'inactive') ?? null;
	if ('doNotReceiveNewsletters' in body) {
		relation.doNotReceiveNewsletters =
			readBoolean(body.doNotReceiveNewsletters, 'doNotReceiveNewsletters') ?? null;
	}
	if ('mandate' in body) relation.mandate = readBoolean(body.mandate, 'mandate') ?? false;
	return relation;
}

/** A relation in the spec's `Relation` shape. `termOfPayment` is left out when empty, as the live API does (docs/api-notes.md, e-Boekhouden §5.2). */
export function relationOutput(relation: RelationRecord): Record<string, unknown> {
	const text = Object.fromEntries(
		RELATION_TEXT_FIELDS.map((field) => [field, relation.text[field] ?? '']),
	);
	return {
		id: relation.id,
		type: relation.type,
		code: relation.code,
		date: relation.date,
		name: relation.name,
		...text,
		gender: relation.text.gender ?? null,
		mandateType: relation.text.mandateType ?? null,
		mandateSignedDate: relation.text.mandateSignedDate ?? null,
		inactive: relation.inactive,
		...(relation.termOfPayment === null ? {} : { termOfPayment: relation.termOfPayment }),
		isClubOrAssociationMember: 0,
		doNotReceiveNewsletters: relation.doNotReceiveNewsletters ? 1 : 0,
		ledgerId: relation.ledgerId,
		mandate: relation.mandate,
	};
}
