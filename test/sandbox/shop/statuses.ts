/** The order statuses of the sandbox shop, with descriptions in the languages the sandbox speaks. */
export interface OrderStatus {
	status: number;
	/** One text, or one per language (`nl_NL`, `en_GB`, ...); missing languages fall back to English, then Dutch. */
	description: string | Record<string, string>;
	credit_order: boolean;
}

export const DEFAULT_STATUSES: readonly OrderStatus[] = [
	{
		status: 1,
		description: { nl_NL: 'In behandeling', en_GB: 'Order Pending', de_DE: 'In Bearbeitung' },
		credit_order: false,
	},
	{
		status: 2,
		description: { nl_NL: 'Betaald', en_GB: 'Paid', de_DE: 'Bezahlt' },
		credit_order: false,
	},
	{
		status: 3,
		description: { nl_NL: 'Verzonden', en_GB: 'Shipped', de_DE: 'Versandt' },
		credit_order: false,
	},
	{
		status: 4,
		description: { nl_NL: 'Afgerond', en_GB: 'Completed', de_DE: 'Abgeschlossen' },
		credit_order: false,
	},
	{
		status: 5,
		description: { nl_NL: 'Geannuleerd', en_GB: 'Cancelled', de_DE: 'Storniert' },
		credit_order: false,
	},
	{
		status: 6,
		description: {
			nl_NL: 'Afgehaald en betaald',
			en_GB: 'Picked up and paid',
			de_DE: 'Abgeholt und bezahlt',
		},
		credit_order: false,
	},
	{
		status: 10,
		description: { nl_NL: 'Gecrediteerd', en_GB: 'Credited', de_DE: 'Gutgeschrieben' },
		credit_order: true,
	},
];

export function describeStatuses(
	statuses: readonly OrderStatus[],
	language: string,
): Array<{ status: number; description: string; credit_order: boolean }> {
	return statuses.map(({ status, description, credit_order }) => ({
		status,
		description:
			typeof description === 'string'
				? description
				: (description[language] ??
					description.en_GB ??
					description.nl_NL ??
					Object.values(description)[0] ??
					''),
		credit_order,
	}));
}
