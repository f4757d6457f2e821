import type { IDataObject } from 'n8n-workflow';

/**
 * e-Boekhouden's maximum field lengths (docs/api-notes.md, e-Boekhouden §5.3, §6.2, §6.6). Values that are too long
 * are cut rather than refused: a street name one character too long should not stop a booking.
 */
export const RELATION_MAX_LENGTH: Record<string, number> = {
	type: 1,
	code: 15,
	name: 100,
	salutation: 50,
	contact: 50,
	gender: 1,
	address: 150,
	address2: 150,
	postalCode: 50,
	postalCode2: 50,
	city: 50,
	city2: 50,
	country: 50,
	country2: 50,
	phoneNumber: 50,
	mobilePhoneNumber: 50,
	faxNumber: 50,
	emailAddress: 150,
	emailAddressInvoice: 150,
	emailAddressReminder: 150,
	website: 50,
	note: 40000,
	vatNumber: 50,
	companyRegistrationNumber: 50,
	iban: 50,
	bic: 20,
	freeText1: 100,
	freeText2: 100,
	freeText3: 100,
	freeText4: 100,
	freeText5: 100,
	freeText6: 100,
	freeText7: 100,
	freeText8: 100,
	freeText9: 100,
	freeText10: 100,
	mandateType: 1,
	mandateId: 35,
};

export const INVOICE_MAX_LENGTH = {
	invoiceNumber: 50,
	reference: 50,
	text: 35000,
	/** Not published (FACT_ITEM_002 exists); 500 is what the e-Boekhouden web form takes. */
	itemDescription: 500,
	itemCode: 50,
	mutationDescription: 200,
};

/** A payment or refund booking (`POST /v1/mutation`). */
export const MUTATION_DESCRIPTION_MAX_LENGTH = 50;
/** `paymentReference` (betalingskenmerk) of a mutation or an invoice's booking (FACT_VERWERK_003). */
export const PAYMENT_REFERENCE_MAX_LENGTH = 50;

/** Cuts a string to `max` characters without splitting a surrogate pair. */
export function cut(value: string, max: number): string {
	const characters = Array.from(value);
	return characters.length <= max ? value : characters.slice(0, max).join('');
}

/** A copy with every string field cut to its limit; fields without a limit are left alone. */
export function cutToLimits<T extends IDataObject>(fields: T, limits: Record<string, number>): T {
	const copy: IDataObject = { ...fields };
	for (const [key, value] of Object.entries(copy)) {
		const max = limits[key];
		if (typeof value === 'string' && max !== undefined) copy[key] = cut(value, max);
	}
	return copy as T;
}
