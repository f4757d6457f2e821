import type { ErrorKind } from './errorKind';

/**
 * What each e-Boekhouden error code means for a bookkeeper (docs/api-notes.md, e-Boekhouden appendix A): specific codes
 * first, then code families by prefix, then HTTP statuses for answers without a code.
 */
export interface Known {
	message: string;
	hint: string;
	kind: ErrorKind;
}

const RELATION_NOT_FOUND: Known = {
	message: 'The relation does not exist',
	hint: 'Check the relation ID (relatie); it may have been removed or belong to another administration.',
	kind: 'notFound',
};
const LEDGER_NOT_FOUND: Known = {
	message: 'The ledger does not exist',
	hint: 'Check the ledger (grootboekrekening) under Beheer → Inrichting → Grootboekrekeningen.',
	kind: 'notFound',
};
const ALREADY_BOOKED: Known = {
	message: 'This invoice number is already booked',
	hint: 'e-Boekhouden already holds this invoice number, so the order was booked before. Nothing new was created.',
	kind: 'alreadyBooked',
};
const CLOSED_PERIOD: Known = {
	message: 'The period is closed',
	hint: 'The date falls in a period your accountant closed. Ask them to reopen it, or book on a date in an open period.',
	kind: 'closedPeriod',
};
const PLAN_LIMIT: Known = {
	message: 'Your e-Boekhouden subscription limit was reached',
	hint: 'The trial or package limit of this administration is reached; upgrade the subscription in e-Boekhouden.',
	kind: 'plan',
};
const INVALID_VAT: Known = {
	message: 'The VAT code is not valid',
	hint: 'Use one of e-Boekhouden’s sales VAT codes (btw-codes) such as HOOG_VERK_21, LAAG_VERK_9 or GEEN.',
	kind: 'validation',
};

export const BY_CODE: Record<string, Known> = {
	FACT_101: ALREADY_BOOKED,
	MUT_019: ALREADY_BOOKED,
	MUT_020: ALREADY_BOOKED,
	MUTA_008: {
		message: 'This payment is already booked',
		hint: 'e-Boekhouden already holds a booking with this payment reference (betalingskenmerk), so the payment was booked before. Nothing new was booked.',
		kind: 'alreadyBooked',
	},
	FACT_001: {
		message: 'The invoice has no relation',
		hint: 'Pass the relation ID (relatie) the invoice is for.',
		kind: 'validation',
	},
	FACT_002: RELATION_NOT_FOUND,
	MUT_013: RELATION_NOT_FOUND,
	MUT_113: RELATION_NOT_FOUND,
	REL_055: RELATION_NOT_FOUND,
	FACT_003: {
		message: 'The relation is inactive',
		hint: 'Reactivate the relation (relatie) in e-Boekhouden, or use another one: no invoice can be made for an inactive relation.',
		kind: 'inactive',
	},
	FACT_009: {
		message: 'The invoice number does not end with a digit',
		hint: 'e-Boekhouden requires invoice numbers that end with a digit, e.g. MWW-1042.',
		kind: 'validation',
	},
	FACT_018: {
		message: 'The invoice template does not exist',
		hint: 'Pick an existing invoice template (factuursjabloon) under Beheer → Inrichting → Huisstijl.',
		kind: 'notFound',
	},
	FACT_021: {
		message: 'The invoice does not exist',
		hint: 'Check the invoice ID.',
		kind: 'notFound',
	},
	MUT_115: {
		message: 'The invoice to be paid does not exist',
		hint: 'Create and book the invoice first (Invoice → Create with booking on), then book its payment.',
		kind: 'notFound',
	},
	MUT_112: {
		message: 'The payment has no relation',
		hint: 'A payment needs the relation of the invoice.',
		kind: 'validation',
	},
	MUT_120: {
		message: 'The payment has no invoice number',
		hint: 'A payment needs the invoice number it pays.',
		kind: 'validation',
	},
	MUT_011: {
		message: 'The ledger is not a debtors ledger',
		hint: 'Use a ledger of category Debiteuren (DEB), e.g. 1300.',
		kind: 'validation',
	},
	MUT_108: {
		message: 'The ledger is not a debtors ledger',
		hint: 'Use a ledger of category Debiteuren (DEB), e.g. 1300.',
		kind: 'validation',
	},
	MUT_009: {
		message: 'The ledger cannot be used for this booking',
		hint: 'A payment must be booked on a bank or payment-provider ledger (category FIN), e.g. 1010 Bank.',
		kind: 'validation',
	},
	FACT_ITEM_012: LEDGER_NOT_FOUND,
	MUT_007: LEDGER_NOT_FOUND,
	MUT_104: LEDGER_NOT_FOUND,
	REL_048: LEDGER_NOT_FOUND,
	LEDG_011: LEDGER_NOT_FOUND,
	FACT_ITEM_014: INVALID_VAT,
	MUT_109: INVALID_VAT,
	MUT_005: CLOSED_PERIOD,
	SECURITY_007: CLOSED_PERIOD,
	SECURITY_008: CLOSED_PERIOD,
	FACT_VERWERK_001: CLOSED_PERIOD,
	FACT_102: PLAN_LIMIT,
	MODULE_001: PLAN_LIMIT,
	MODULE_002: PLAN_LIMIT,
	PAKKET_001: PLAN_LIMIT,
	PAKKET_002: PLAN_LIMIT,
	REL_049: {
		message: 'The relation code is already in use',
		hint: 'Leave the code empty to let e-Boekhouden number it.',
		kind: 'validation',
	},
	API_SESSION_002: {
		message: 'The source name is not accepted',
		hint: 'Source must be 1–10 letters, digits, underscores or spaces (e.g. n8n). Fix it in the e-Boekhouden.nl credential.',
		kind: 'auth',
	},
	API_SESSION_003: {
		message: 'The API token is missing',
		hint: 'Enter the e-Boekhouden API token in the credential.',
		kind: 'auth',
	},
	API_SESSION_004: {
		message: 'The API token has expired',
		hint: 'Create a new token in e-Boekhouden under Beheer → Inrichting → Koppelingen → API (type "e-Boekhouden API").',
		kind: 'auth',
	},
	SECURITY_010: {
		message: 'e-Boekhouden did not accept the session',
		hint: 'The session could not be renewed. Check the API token in the e-Boekhouden.nl credential.',
		kind: 'auth',
	},
};
