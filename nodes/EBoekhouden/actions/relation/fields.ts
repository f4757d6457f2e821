import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ParsedDraft } from '../../../shared/draft.schema';
import { RELATION_MAX_LENGTH, cutToLimits } from '../../api/limits';
import { withoutEmpty } from '../shared/params';

/** The relation (relatie) fields a user can set; names are e-Boekhouden's own (docs/api-notes.md, e-Boekhouden §5.3). */
const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

export const relationTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	default: 'P',
	description: 'Business (zakelijk) or private person (particulier)',
	options: [
		{ name: 'Business', value: 'B' },
		{ name: 'Private Person', value: 'P' },
	],
};

export const relationFieldOptions: INodeProperties[] = [
	text('Address', 'address'),
	text('BIC', 'bic'),
	text('City', 'city'),
	text(
		'Code',
		'code',
		'Relation code, at most 15 characters. Leave empty to let e-Boekhouden number it.',
	),
	text('Company Registration Number', 'companyRegistrationNumber', 'KvK number (digits only)'),
	text('Contact', 'contact', 'Contact person'),
	text('Country', 'country', 'Country as text, e.g. Nederland'),
	text('Email Address for Invoices', 'emailAddressInvoice', 'The address invoices are e-mailed to'),
	text('IBAN', 'iban'),
	{
		displayName: 'Inactive',
		name: 'inactive',
		type: 'boolean',
		default: false,
		description:
			'Whether the relation is inactive; no invoices can be made for an inactive relation',
	},
	text('Mobile Phone Number', 'mobilePhoneNumber'),
	text('Note', 'note'),
	text('Phone Number', 'phoneNumber'),
	text('Postal Code', 'postalCode'),
	text('Salutation', 'salutation'),
	{
		displayName: 'Term of Payment (Days)',
		name: 'termOfPayment',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 14,
		description: 'Payment term in days (betalingstermijn)',
	},
	relationTypeField,
	text('VAT Number', 'vatNumber', 'VAT identification number (btw-nummer), e.g. NL123456789B01'),
	text('Website', 'website'),
];

/** Fields as e-Boekhouden takes them: empty values dropped, text cut to the maximum lengths. */
export function relationBody(fields: IDataObject): IDataObject {
	return cutToLimits(withoutEmpty(fields), RELATION_MAX_LENGTH);
}

/** The relation a draft describes; the e-mail address is also the address invoices go to. */
export function relationFromDraft(draft: ParsedDraft): IDataObject {
	const { relation } = draft;
	return relationBody({
		type: relation.type,
		name: relation.name,
		contact: relation.contact,
		emailAddress: relation.emailAddress,
		emailAddressInvoice: relation.emailAddress,
		address: relation.address,
		postalCode: relation.postalCode,
		city: relation.city,
		country: relation.country,
		vatNumber: relation.vatNumber,
		phoneNumber: relation.phoneNumber,
	});
}

/** Find or Create's option to carry an order's changed customer details over to the relation it finds. */
export const customerChangesOption: INodeProperties = {
	displayName: 'Update Changed Customer Details',
	name: 'updateCustomerChanges',
	type: 'boolean',
	default: false,
	description:
		"Whether a relation that is found gets the order's name, address, postal code, city, country, phone number and VAT number where they differ. Fields the order leaves empty are never touched; the output lists what changed (changes). Off: an existing relation is never changed.",
};
