import type { Known } from './errorCodes';

/** Code families: the prefix says which part of the request e-Boekhouden refused. */
export const BY_FAMILY: Array<[prefix: string, known: Known]> = [
	[
		'FACT_EMAIL_',
		{
			message: 'The invoice e-mail could not be prepared',
			hint: 'Check the e-mail addresses of the relation and the sender.',
			kind: 'validation',
		},
	],
	[
		'FACT_INCASSO_',
		{
			message: 'The direct-debit details are not valid',
			hint: 'Check IBAN, mandate type, mandate ID and signing date.',
			kind: 'validation',
		},
	],
	[
		'FACT_ITEM_',
		{
			message: 'An invoice line is not valid',
			hint: 'Check description, price, VAT code and ledger of every line.',
			kind: 'validation',
		},
	],
	[
		'FACT_VERWERK_',
		{
			message: 'The invoice could not be booked',
			hint: 'Check the booking description and payment reference.',
			kind: 'validation',
		},
	],
	[
		'FACT_',
		{ message: 'The invoice is not valid', hint: 'Check the invoice fields.', kind: 'validation' },
	],
	[
		'REL_',
		{
			message: 'The relation is not valid',
			hint: 'Check the relation fields (relatie).',
			kind: 'validation',
		},
	],
	[
		'MUTA_',
		{
			message: 'The booking is not valid',
			hint: 'Check the booking (mutatie) fields.',
			kind: 'validation',
		},
	],
	[
		'MUT_',
		{
			message: 'The booking is not valid',
			hint: 'Check the booking (mutatie) fields.',
			kind: 'validation',
		},
	],
	[
		'LEDG_',
		{
			message: 'The ledger request is not valid',
			hint: 'Check the ledger (grootboekrekening).',
			kind: 'validation',
		},
	],
	[
		'COST_',
		{
			message: 'The cost centre request is not valid',
			hint: 'Check the cost centre (kostenplaats).',
			kind: 'validation',
		},
	],
	[
		'SMTP_',
		{
			message: 'Sending the e-mail failed',
			hint: 'Check the SMTP settings of the administration.',
			kind: 'validation',
		},
	],
	[
		'API_SESSION_',
		{
			message: 'e-Boekhouden refused to open a session',
			hint: 'Check the API token and source in the credential.',
			kind: 'auth',
		},
	],
	[
		'SECURITY_',
		{
			message: 'e-Boekhouden denied access',
			hint: 'The token has no access to this administration or resource.',
			kind: 'access',
		},
	],
	[
		'PAGE_',
		{
			message: 'The page request is not valid',
			hint: 'Limit must be 1–2000 and offset 0 or more.',
			kind: 'validation',
		},
	],
];

export const BY_STATUS: Record<string, Known> = {
	'400': {
		message: 'e-Boekhouden rejected the request',
		hint: 'A field is missing or not valid.',
		kind: 'validation',
	},
	'401': {
		message: 'e-Boekhouden did not accept the session',
		hint: 'The session token was refused even after renewing it. Check the API token in the credential.',
		kind: 'auth',
	},
	'403': {
		message: 'e-Boekhouden denied access',
		hint: 'The API token has no access to this administration.',
		kind: 'access',
	},
	'404': { message: 'Not found in e-Boekhouden', hint: 'Check the ID.', kind: 'notFound' },
	'429': {
		message: 'e-Boekhouden is rate limiting requests',
		hint: 'Too many requests; try again in a minute.',
		kind: 'rateLimit',
	},
	'5xx': {
		message: 'e-Boekhouden had a server error',
		hint: 'Try again later; nothing was retried that could create a duplicate.',
		kind: 'server',
	},
};
