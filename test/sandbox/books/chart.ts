/**
 * The sandbox administration's fixed set-up: a Dutch chart of accounts, one invoice template, two cost
 * centres. Ids are big internal numbers, never equal to the code, as in a real administration (docs/api-notes.md, e-Boekhouden §3).
 */
export interface Ledger {
	id: number;
	code: string;
	description: string;
	category: string;
	group: string;
}

export const LEDGERS: readonly Ledger[] = [
	{ id: 22206452, code: '1010', description: 'Bank', category: 'FIN', group: 'LIQ' },
	{ id: 22206455, code: '1020', description: 'Mollie', category: 'FIN', group: 'LIQ' },
	{ id: 22206458, code: '1030', description: 'PayPal', category: 'FIN', group: 'LIQ' },
	{
		id: 22206494,
		code: '1040',
		description: 'Klarna nog te ontvangen',
		category: 'FIN',
		group: 'LIQ',
	},
	{
		id: 22206497,
		code: '1050',
		description: 'Afterpay nog te ontvangen',
		category: 'FIN',
		group: 'LIQ',
	},
	{ id: 22206453, code: '1300', description: 'Debiteuren', category: 'DEB', group: 'VLA' },
	{ id: 22206461, code: '1600', description: 'Crediteuren', category: 'CRED', group: 'KSC' },
	{
		id: 22206503,
		code: '1620',
		description: 'Uitstaande cadeaubonnen',
		category: 'BAL',
		group: 'KSC',
	},
	{
		id: 22206464,
		code: '1650',
		description: 'Af te dragen btw OSS',
		category: 'BAL',
		group: 'KSC',
	},
	{ id: 22206462, code: '8000', description: 'Omzet hoog tarief', category: 'VW', group: 'OMZ' },
	{ id: 22206467, code: '8010', description: 'Omzet laag tarief', category: 'VW', group: 'OMZ' },
	{
		id: 22206470,
		code: '8020',
		description: 'Omzet EU intracommunautair',
		category: 'VW',
		group: 'OMZ',
	},
	{
		id: 22206473,
		code: '8030',
		description: 'Omzet export buiten EU',
		category: 'VW',
		group: 'OMZ',
	},
	{
		id: 22206476,
		code: '8040',
		description: 'Omzet afstandsverkopen EU',
		category: 'VW',
		group: 'OMZ',
	},
	{
		id: 22206479,
		code: '8050',
		description: 'Omzet vrijgesteld / geen btw',
		category: 'VW',
		group: 'OMZ',
	},
	{ id: 22206482, code: '8100', description: 'Verzendkosten', category: 'VW', group: 'OMZ' },
	{ id: 22206485, code: '8110', description: 'Betaalkosten', category: 'VW', group: 'OMZ' },
	{ id: 22206488, code: '8200', description: 'Kortingen', category: 'VW', group: 'OMZ' },
	{
		id: 22206491,
		code: '8900',
		description: 'Afrondingsverschillen',
		category: 'VW',
		group: 'OMZ',
	},
];

export const INVOICE_TEMPLATES = [
	{ id: 752296, name: 'Standaard', active: true, type: 'E' },
] as const;

export const EMAIL_TEMPLATES = [
	{ id: 41873, name: 'Factuur', useInvoice: true, useQuote: false, useMailing: false },
] as const;

export interface CostCenter {
	id: number;
	description: string;
	parentId: number;
	active: boolean;
}

export const COST_CENTERS: readonly CostCenter[] = [
	{ id: 31642, description: 'Webshop', parentId: 0, active: true },
	{ id: 31643, description: 'Winkel', parentId: 0, active: true },
];

export const UNITS = [
	{ id: 5021, singular: 'stuk', plural: 'stuks' },
	{ id: 5022, singular: 'uur', plural: 'uren' },
] as const;
