import { parseDraft } from '../../../../nodes/shared/draft.schema';
import {
	invoiceListItemSchema,
	listEnvelope,
	outstandingItemSchema,
	relationSchema,
	sessionSchema,
} from '../../../../nodes/EBoekhouden/api/schemas';
import { makeDraft } from '../../../integration/EBoekhouden/drafts';

type Json = Record<string, unknown>;
const at = (value: Json, key: string) => value[key] as Json;

const draft = () => JSON.parse(JSON.stringify(makeDraft(1042, 1, () => 0.5))) as Json;

describe('response schemas', () => {
	it('accept ids and amounts as numbers or numeric strings and cut date-times to dates', () => {
		const invoice = invoiceListItemSchema.parse({
			id: '123456',
			invoiceNumber: 'MWW-1042',
			relationId: 62976771,
			date: '2026-05-01T00:00:00',
			totalAmount: '47.45',
			extra: 'kept',
		});
		expect(invoice).toMatchObject({
			id: 123456,
			totalAmount: 47.45,
			date: '2026-05-01',
			extra: 'kept',
		});
	});

	it('accept a relation without the fields the live API leaves out', () => {
		expect(relationSchema.parse({ id: 1, name: 'Jan' })).toEqual({ id: 1, name: 'Jan' });
	});

	it('read a list envelope with a missing or null items list as empty', () => {
		expect(listEnvelope(relationSchema).parse({ count: 0 }).items).toEqual([]);
		expect(listEnvelope(relationSchema).parse({ items: null }).items).toEqual([]);
	});

	it('refuse what the node cannot work with', () => {
		expect(
			outstandingItemSchema.safeParse({
				invoiceNumber: 'X1',
				relationId: 1,
				totalAmount: 'ten',
				outstandingAmount: 1,
			}).success,
		).toBe(false);
		expect(sessionSchema.safeParse({ token: '' }).success).toBe(false);
	});
});

describe('parseDraft: the Order to Invoice draft, checked before any call', () => {
	it('accepts a draft as the mapping makes it (object or JSON text)', () => {
		const input = draft();
		expect(parseDraft(input)).toMatchObject({ ok: true, draft: { orderNumber: '1042' } });
		expect(parseDraft(JSON.stringify(input)).ok).toBe(true);
	});

	it('lower-cases and trims the e-mail address, the key relations are matched on', () => {
		const input = draft();
		at(input, 'relation').emailAddress = '  Jan@Example.COM ';
		const result = parseDraft(input);
		expect(result.ok && result.draft.relation.emailAddress).toBe('jan@example.com');
	});

	it.each([
		[
			'invoice.invoiceNumber',
			'MWW-1042A',
			'Order 1042: invoice.invoiceNumber must end with a digit (e-Boekhouden rule FACT_009)',
		],
		[
			'invoice.invoiceNumber',
			`X${'1'.repeat(50)}`,
			'Order 1042: invoice.invoiceNumber is longer than 50 characters',
		],
		[
			'invoice.items[0].vatCode',
			'HOOG_VERK',
			'Order 1042: invoice.items[0].vatCode is not a sales VAT code of e-Boekhouden',
		],
		[
			'invoice.items[0].vatCode',
			'HOOG_INK_21',
			'Order 1042: invoice.items[0].vatCode is not a sales VAT code of e-Boekhouden',
		],
		['invoice.date', '01-05-2026', 'Order 1042: invoice.date must be a date as yyyy-mm-dd'],
		[
			'relation.emailAddress',
			'not-an-email',
			'Order 1042: relation.emailAddress is not a valid e-mail address',
		],
		['invoice.items', [], 'Order 1042: invoice.items has no lines'],
		[
			'payments[0].amount',
			0.1 + 0.2,
			'Order 1042: payments[0].amount is not a whole number of cents (at most two decimals)',
		],
		[
			'totals.amountInclVat',
			10.005,
			'Order 1042: totals.amountInclVat is not a whole number of cents (at most two decimals)',
		],
	])('names the order and the field: %s = %j', (path, value, message) => {
		const input = draft();
		const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
		let target = input;
		for (const part of parts.slice(0, -1)) target = at(target, part);
		target[parts[parts.length - 1]] = value;
		const result = parseDraft(input);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.message.startsWith(message)).toBe(true);
			expect(result.orderNumber).toBe('1042');
			expect(result.field).toBe(path);
		}
	});

	it('accepts a draft of an older version: one payment, no totals, no warnings, no booking mode', () => {
		const input = draft();
		const [payment] = input.payments as Json[];
		delete input.payments;
		delete input.totals;
		delete input.warnings;
		delete input.bookingMode;
		input.payment = { amount: payment.amount, date: payment.date, ledgerCode: payment.ledgerCode };
		const result = parseDraft(input);
		expect(result).toMatchObject({
			ok: true,
			draft: {
				bookingMode: 'invoice',
				warnings: [],
				payments: [{ ...(input.payment as Json), kind: 'received', method: '', reference: '' }],
			},
		});
		expect(result.ok && 'payment' in result.draft).toBe(false);
	});

	it('passes over totals per VAT code summed with floats by hand: the node reads the lines, not these', () => {
		const input = draft();
		at(input, 'totals').byVatCode = { HOOG_VERK_21: 0.1 + 0.2 };
		expect(parseDraft(input).ok).toBe(true);
	});

	it('says a missing field is missing', () => {
		const input = draft();
		delete at(at(at(input, 'invoice'), 'items'), '0').ledgerCode;
		expect(parseDraft(input)).toMatchObject({
			ok: false,
			message: 'Order 1042: invoice.items[0].ledgerCode is missing',
		});
	});

	it('explains input that is not a draft at all', () => {
		expect(parseDraft('{oops')).toMatchObject({ ok: false, message: 'Draft: is not valid JSON' });
		expect(parseDraft([1, 2])).toMatchObject({ ok: false, field: 'draft' });
		expect(parseDraft({ id: 5 })).toMatchObject({
			ok: false,
			message: 'Draft: orderNumber is missing',
		});
	});
});
