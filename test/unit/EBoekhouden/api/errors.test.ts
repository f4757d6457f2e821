import { explainError, explainUnexpectedAnswer } from '../../../../nodes/EBoekhouden/api/errors';

const body = (code: string, title = 'Something the server says.') => ({
	type: 'validation',
	code,
	title,
	status: 400,
});

describe('explainError: e-Boekhouden answers in plain words, keyed on status and code', () => {
	it.each([
		['FACT_101', 'alreadyBooked', 'This invoice number is already booked'],
		['MUT_019', 'alreadyBooked', 'This invoice number is already booked'],
		['MUT_020', 'alreadyBooked', 'This invoice number is already booked'],
		['MUTA_008', 'alreadyBooked', 'This payment is already booked'],
		['FACT_003', 'inactive', 'The relation is inactive'],
		['FACT_002', 'notFound', 'The relation does not exist'],
		['FACT_009', 'validation', 'The invoice number does not end with a digit'],
		['FACT_018', 'notFound', 'The invoice template does not exist'],
		['MUT_115', 'notFound', 'The invoice to be paid does not exist'],
		['MUT_120', 'validation', 'The payment has no invoice number'],
		['MUT_112', 'validation', 'The payment has no relation'],
		['MUT_011', 'validation', 'The ledger is not a debtors ledger'],
		['FACT_ITEM_012', 'notFound', 'The ledger does not exist'],
		['FACT_ITEM_014', 'validation', 'The VAT code is not valid'],
		['MUT_005', 'closedPeriod', 'The period is closed'],
		['SECURITY_007', 'closedPeriod', 'The period is closed'],
		['FACT_102', 'plan', 'Your e-Boekhouden subscription limit was reached'],
		['API_SESSION_004', 'auth', 'The API token has expired'],
	])('%s → %s', (code, kind, message) => {
		const explained = explainError(400, body(code));
		expect(explained.kind).toBe(kind);
		expect(explained.code).toBe(code);
		expect(explained.message).toBe(`${message} (e-Boekhouden ${code})`);
		expect(explained.description).toContain('e-Boekhouden says: "Something the server says."');
	});

	it.each([
		['FACT_EMAIL_003', 'The invoice e-mail could not be prepared'],
		['FACT_ITEM_001', 'An invoice line is not valid'],
		['FACT_INCASSO_008', 'The direct-debit details are not valid'],
		['FACT_017', 'The invoice is not valid'],
		['REL_023', 'The relation is not valid'],
		['MUT_101', 'The booking is not valid'],
		['MUTA_005', 'The booking is not valid'],
		['COST_001', 'The cost centre request is not valid'],
		['SECURITY_003', 'e-Boekhouden denied access'],
	])('a code without its own text falls back to its family: %s', (code, message) => {
		expect(explainError(400, body(code)).message).toBe(`${message} (e-Boekhouden ${code})`);
	});

	it.each([
		[401, 'auth', 'e-Boekhouden did not accept the session'],
		[403, 'access', 'e-Boekhouden denied access'],
		[404, 'notFound', 'Not found in e-Boekhouden'],
		[429, 'rateLimit', 'e-Boekhouden is rate limiting requests'],
		[500, 'server', 'e-Boekhouden had a server error'],
		[503, 'server', 'e-Boekhouden had a server error'],
	])('without a code the status decides: %s', (status, kind, message) => {
		const explained = explainError(status, undefined);
		expect(explained).toMatchObject({ kind, message });
		expect(explained.code).toBeUndefined();
	});

	it('reads the code, never the text: a title that sounds like a duplicate is not treated as one', () => {
		const explained = explainError(400, { code: 'REL_003', title: 'Invoice number is in use.' });
		expect(explained.kind).toBe('validation');
		expect(explained.message).toBe('The relation is not valid (e-Boekhouden REL_003)');
	});

	it('names the field and lists every validation message the server gave', () => {
		const explained = explainError(400, {
			code: 'REL_011',
			title: 'Address is too long.',
			propertyName: 'Address',
			errors: ['Address is too long.', 'City is too long.'],
		});
		expect(explained.description).toContain('(field Address)');
		expect(explained.description).toContain('City is too long.');
	});

	it('a failure without any status is a network failure', () => {
		expect(explainError(undefined, undefined)).toMatchObject({
			kind: 'network',
			message: 'e-Boekhouden could not be reached',
		});
	});

	it('an unknown status without a code still says what happened', () => {
		expect(explainError(418, 'teapot')).toMatchObject({
			kind: 'unknown',
			message: 'e-Boekhouden answered with HTTP 418',
		});
	});

	it('an answer that does not fit the schema names the endpoint and field', () => {
		const explained = explainUnexpectedAnswer(
			'GET /v1/ledger',
			'items.0.code',
			'Expected string, received number',
		);
		expect(explained.message).toContain('GET /v1/ledger');
		expect(explained.description).toContain('Field items.0.code: Expected string, received number');
	});
});
