import type { ParsedDraft } from '../../shared/draft.schema';

const MODE_NAMES: Record<ParsedDraft['bookingMode'], string> = {
	invoice: 'Invoice',
	journalEntry: 'Journal Entry',
	cashSale: 'Cash Sale',
};

/** The modes the booking operations (Find or Create, Create Invoice, Book Invoice Payment) book. */
export const BOOKED_MODES: ReadonlyArray<ParsedDraft['bookingMode']> = [
	'invoice',
	'journalEntry',
	'cashSale',
];

/**
 * Why this version cannot handle the draft, or undefined when it can. Booking a Cash Sale draft in another form
 * would put the order in the books in a form the user did not choose (and a later version booking the chosen form
 * would then book it twice), so such a draft is refused before any call. A skipped draft is never booked, so its
 * mode does not matter.
 */
export function unsupportedBookingMode(
	draft: ParsedDraft,
	outcome = 'nothing was booked',
	supported: ReadonlyArray<ParsedDraft['bookingMode']> = BOOKED_MODES,
): string | undefined {
	if (draft.skipped || supported.includes(draft.bookingMode)) return undefined;
	return (
		`Order ${draft.orderNumber}: Booking Mode ${MODE_NAMES[draft.bookingMode]} is not supported by this ` +
		`version of the e-Boekhouden node; ${outcome}`
	);
}

export const UNSUPPORTED_MODE_HINT =
	'Set Booking Mode in the Order to Invoice node to Invoice, or update the package to a version that books this mode.';
