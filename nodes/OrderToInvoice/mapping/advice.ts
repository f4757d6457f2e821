/**
 * What a user can do about a mapping error, by the field it names, for the error item's details. Errors that
 * know better pass their own advice.
 */
const ADVICE: Array<[RegExp, string]> = [
	[
		/^settings\b/,
		'correct this setting in the Order to Invoice node (or the expression that sets it), then run the order again.',
	],
	[
		/\.rate$/,
		'check the VAT rate of this line in Mijnwebwinkel and the VAT settings of the Order to Invoice node; book the order by hand if the rate is right but not supported.',
	],
	[
		/^(price\.total|orderlines)/,
		'check the order lines and the total of this order in Mijnwebwinkel; correct the order there (or book it by hand), then run it again.',
	],
	[
		/^payments?\b/,
		'check the payments of this order in Mijnwebwinkel (Orders → the order → Payments); book the order by hand if they are right.',
	],
	[
		/^debtor\b/,
		'complete the customer details of this order in Mijnwebwinkel, then run the order again.',
	],
];

const GENERAL =
	'correct the order in Mijnwebwinkel or book it by hand in e-Boekhouden; the other orders are booked as usual.';

export function adviceFor(field: string): string {
	return ADVICE.find(([pattern]) => pattern.test(field))?.[1] ?? GENERAL;
}
