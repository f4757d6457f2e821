import { randomBytes } from 'node:crypto';

import type { SandboxResponse } from '../common';

/** Titles verbatim from the spec's error table (docs/api-notes.md, e-Boekhouden appendix A), for the codes the sandbox gives. */
const TITLES: Record<string, string> = {
	ERR_001: 'Something went wrong.',
	ERR_002: 'Your request contains an invalid value.',
	DATA_01: 'No content body provided.',
	PAGE_001: 'Limit must be between 1 and 2000.',
	PAGE_002: 'Offset must be greater than or equal to 0.',
	SECURITY_001: 'No permission to access the requested resource.',
	SECURITY_010: 'Not authenticated. Check your Authorization header.',
	API_SESSION_001: 'Source is missing.',
	API_SESSION_002: 'Source does not match pattern.',
	API_SESSION_003: 'Access token is missing or empty.',
	API_SESSION_004: 'Access token has expired.',
	FACT_001: 'Relation ID is missing.',
	FACT_002: 'Relation not found.',
	FACT_003: 'Relation is inactive.',
	FACT_004: 'Total invoice amount too high.',
	FACT_005: 'Total invoice amount too low.',
	FACT_007: 'Invoice number is too long.',
	FACT_008: 'Invoice number is invalid.',
	FACT_009: 'Invoice number does not end with a digit.',
	FACT_010: 'Invoice VAT must be IN or EX.',
	FACT_012: 'Invoice date invalid.',
	FACT_013: 'Invoice date out of range.',
	FACT_014: 'Payment reference is too long.',
	FACT_015: 'Term of payment is missing.',
	FACT_016: 'Term of payment out of range.',
	FACT_017: 'Invoice text is too long.',
	FACT_018: 'Invoice template not found.',
	FACT_019: 'Invoice items are missing.',
	FACT_020: 'Email template not found.',
	FACT_021: 'Invoice not found.',
	FACT_101: 'Invoice number is in use.',
	FACT_EMAIL_001: 'Relation email is missing.',
	FACT_EMAIL_002: 'Relation email is invalid.',
	FACT_VERWERK_001: 'Invoice date resides in a closed period.',
	FACT_VERWERK_002: 'Description is too long.',
	FACT_VERWERK_003: 'Payment reference is too long.',
	FACT_VERWERK_004: 'Payment reference already exists.',
	FACT_ITEM_001: 'Description invoice item is missing.',
	FACT_ITEM_002: 'Description invoice item is too long.',
	FACT_ITEM_003: 'Code invoice item is too long.',
	FACT_ITEM_004: 'Price per unit excl. VAT is missing.',
	FACT_ITEM_005: 'Price per unit incl. VAT is missing.',
	FACT_ITEM_006: 'VAT code is missing.',
	FACT_ITEM_007: 'Ledger ID is missing',
	FACT_ITEM_008: 'Total price is too high.',
	FACT_ITEM_009: 'Total price is too low.',
	FACT_ITEM_010: 'Unit not found.',
	FACT_ITEM_011: 'Product not found.',
	FACT_ITEM_012: 'Ledger account not found.',
	FACT_ITEM_013: 'Discount amount cannot have a value when discount percentage is passed.',
	FACT_ITEM_014: 'Invalid VAT code.',
	FACT_ITEM_015: "VAT amount must be used with VAT code: 'AFW_VERK'",
	LEDG_011: 'Ledger not found.',
	COST_001: 'Cost Center not found.',
	REL_001: 'Relation type is invalid (B,P).',
	REL_002: 'Name is mandatory.',
	REL_003: 'Name is too long.',
	REL_004: 'Gender is invalid (m,v,a).',
	REL_005: 'Code is invalid.',
	REL_006: 'Code is too long.',
	REL_007: 'Iban is invalid.',
	REL_008: 'Company registration number must be numeric.',
	REL_009: 'Contact is too long.',
	REL_010: 'Salutation is too long.',
	REL_011: 'Address is too long.',
	REL_012: 'Postal code is too long.',
	REL_013: 'City is too long.',
	REL_014: 'Country is too long.',
	REL_015: 'Address 2 is too long.',
	REL_016: 'Postal code 2 is too long.',
	REL_017: 'City 2 is too long.',
	REL_018: 'Country 2 is too long.',
	REL_019: 'Phone is too long.',
	REL_020: 'Mobile is too long.',
	REL_021: 'Fax is too long.',
	REL_022: 'Email is too long.',
	REL_023: 'Email is invalid.',
	REL_024: 'Email invoice is too long.',
	REL_025: 'Email invoice is invalid.',
	REL_026: 'Email reminder is too long.',
	REL_027: 'Email reminder is invalid.',
	REL_028: 'Website is too long.',
	REL_029: 'Iban is too long.',
	REL_030: 'Term of payment too low.',
	REL_031: 'Term of payment too high.',
	REL_032: 'BIC is too long.',
	REL_033: 'Mandate type is too long.',
	REL_034: 'Mandate ID is too long.',
	REL_035: 'VAT number is too long.',
	REL_037: 'Free text 1 is too long.',
	REL_038: 'Free text 2 is too long.',
	REL_039: 'Free text 3 is too long.',
	REL_040: 'Free text 4 is too long.',
	REL_041: 'Free text 5 is too long.',
	REL_042: 'Free text 6 is too long.',
	REL_043: 'Free text 7 is too long.',
	REL_044: 'Free text 8 is too long.',
	REL_045: 'Free text 9 is too long.',
	REL_046: 'Free text 10 is too long.',
	REL_047: 'Note too long.',
	REL_048: 'Ledger not found.',
	REL_049: 'Code already exists.',
	REL_050: 'Company registration number is too long.',
	REL_051: 'Mandate type is invalid (E,D).',
	REL_055: 'Relation not found.',
	MUTA_001: 'Ledger id is missing.',
	MUTA_002: 'Type is missing',
	MUTA_003: "Vat amount must be used with vatCode: 'AFW' or 'AFW_VERK'",
	MUTA_004: 'Ledger ID for row is missing.',
	MUTA_006: 'Credit/Debit is missing.',
	MUTA_007: "Credit/Debit must be 'C' or 'D'.",
	MUTA_008: 'Payment reference already exists.',
	MUT_001: 'Type is invalid.',
	MUT_002: 'Invoice number is missing.',
	MUT_003: 'Date is missing.',
	MUT_004: 'Date is invalid.',
	MUT_005: 'Period is closed.',
	MUT_007: 'Unknown ledger for mutation.',
	MUT_009: 'Invalid ledger category for mutation.',
	MUT_010: 'Ledger must be of category creditor.',
	MUT_011: 'Ledger must be of category debtor.',
	MUT_012: 'Relation is missing.',
	MUT_013: 'Relation not found.',
	MUT_016: 'Term of payment is prohibited.',
	MUT_017: "In/Ex VAT must be 'IN' or 'EX'.",
	MUT_018: 'Invoice number is too long.',
	MUT_019: 'Invoice number already exists.',
	MUT_020: 'Combination relation/invoice number already exists.',
	MUT_100: 'Rows are missing.',
	MUT_101: 'Too many rows.',
	MUT_104: 'Unknown ledger for row.',
	MUT_106: 'Invalid ledger category for row.',
	MUT_107: 'Ledger of row must be of category creditor.',
	MUT_108: 'Ledger of row must be of category debtor.',
	MUT_109: 'Invalid VAT code.',
	MUT_110: 'VAT code must be of type purchase.',
	MUT_111: 'VAT code must be of type sale.',
	MUT_112: 'Relation is missing.',
	MUT_113: 'Relation not found.',
	MUT_115: 'Invoice not found.',
	MUT_117: 'Cost center not found.',
	MUT_120: 'Invoice number is missing.',
	MUT_300: 'Mutation not found.',
};

/** Thrown by handlers; `handle()` turns it into the spec's `Error` body. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly propertyName?: string,
		readonly detail?: string,
	) {
		super(`${code} ${TITLES[code] ?? ''}`);
	}
}

/** A 400 validation error with its documented code. */
export function invalid(code: string, propertyName?: string, detail?: string): ApiError {
	return new ApiError(400, code, propertyName, detail);
}

export function notFound(code: string): ApiError {
	return new ApiError(404, code);
}

function traceId(): string {
	return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

/** The spec's `Error` schema: `{ type, code, title, status, propertyName?, message?, traceId }`. */
export function errorBody(
	status: number,
	code: string | undefined,
	propertyName?: string,
	message?: string,
): unknown {
	const type = status === 401 || status === 403 ? 'security' : 'validation';
	const title = (code && TITLES[code]) ?? message ?? 'Something went wrong.';
	return {
		type,
		...(code ? { code } : {}),
		title,
		status,
		...(propertyName ? { propertyName } : {}),
		...(message && message !== title ? { message } : {}),
		traceId: traceId(),
	};
}

export function errorResponse(error: ApiError): SandboxResponse {
	return {
		status: error.status,
		body: errorBody(error.status, error.code, error.propertyName, error.detail),
	};
}
