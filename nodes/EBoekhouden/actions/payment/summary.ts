import type { IDataObject } from 'n8n-workflow';

import { centsToEuros, eurosToCents } from '../../../shared/money';

/**
 * One output item per invoice. A single part reads as before (the part's own fields); several parts are listed
 * under `payments`, with what was booked in all.
 */
export function summarise(
	base: IDataObject,
	openBefore: number,
	openAfter: number,
	results: IDataObject[],
): IDataObject {
	if (results.length === 1) {
		const single = { ...results[0], ...base };
		delete single.kind;
		delete single.method;
		return single;
	}
	const warnings = results.flatMap((result) => (result.warnings as string[] | undefined) ?? []);
	const booked = results.filter((result) => result.booked === true);
	const amount = booked.reduce((sum, result) => sum + eurosToCents(Number(result.amount)), 0);
	return {
		...base,
		amount: centsToEuros(amount),
		booked: booked.length > 0,
		alreadyPaid: booked.length === 0 && results.some((result) => result.alreadyPaid === true),
		outstandingBefore: centsToEuros(openBefore),
		outstandingAfter: centsToEuros(openAfter),
		payments: results,
		...(warnings.length ? { warnings } : {}),
	};
}
