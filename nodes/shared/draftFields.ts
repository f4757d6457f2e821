import { z } from 'zod';

import { isWholeCents } from './money';

/** The fields the draft is built of (nodes/shared/draft.schema.ts), each with the message a bookkeeper reads. */

/** Sales VAT codes of e-Boekhouden's REST API (docs/api-notes.md, e-Boekhouden §7). */
export const SALES_VAT_CODES = [
	'HOOG_VERK_21',
	'LAAG_VERK_9',
	'VERL_VERK',
	'VERL_VERK_L9',
	'BU_EU_VERK',
	'BI_EU_VERK',
	'BI_EU_VERK_D',
	'AFST_VERK',
	'AFW_VERK',
	'GEEN',
] as const;
export type SalesVatCode = (typeof SALES_VAT_CODES)[number];

export const text = z
	.string()
	.nullish()
	.transform((value) => value ?? '');
/** A day of the calendar: e-Boekhouden refuses 2026-02-31 (MUT_004), and only after the invoice is booked. */
export const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as yyyy-mm-dd')
	.refine((value) => {
		const day = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
	}, 'is not a day of the calendar');
/** Quantities and prices per unit: e-Boekhouden takes more decimals than cents there (an EX price, 1.5 kg). */
export const decimal = z
	.number({
		invalid_type_error: 'is not a number (write decimals with a point, e.g. 12.50, not "12,50")',
	})
	.finite();
export const euros = decimal.refine(
	isWholeCents,
	'is not a whole number of cents (at most two decimals)',
);
export const ledgerCode = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim());

export const invoiceNumberSchema = z
	.string()
	.trim()
	.min(1, 'is empty')
	.max(50, 'is longer than 50 characters')
	.regex(/\d$/, 'must end with a digit (e-Boekhouden rule FACT_009)');

export const vatCode = z.enum(SALES_VAT_CODES, {
	errorMap: () => ({
		message: `is not a sales VAT code of e-Boekhouden (use one of ${SALES_VAT_CODES.join(', ')})`,
	}),
});

/** A payment reference suffix: short and plain, so `Betaling <invoice number> <suffix>` stays readable. */
export const paymentKey = z
	.string()
	.trim()
	.max(20, 'is longer than 20 characters')
	.regex(/^[0-9A-Za-z_-]*$/, 'may hold only letters, digits, - and _');
