/** Writes an order plan out in the spec's `Order` shape (docs/api-notes.md, Mijnwebwinkel §1, schema Order). */
import { toShopLocal } from '../time';
import { countryName } from './countries';
import type { Customer } from './customers';
import { renderLine, renderTax, totalsByRate } from './lines';
import { formatCents } from './money';
import { GATEWAY_OF, type OrderPlan } from './plan';
import type { Random } from './random';

export type ShopOrder = Record<string, unknown>;

const LOCALE_OF: Record<string, string> = { NL: 'nl_NL', BE: 'nl_NL', DE: 'de_DE', FR: 'fr_FR' };

function address(customer: Customer, invoice: boolean, random: Random): Record<string, unknown> {
	const rendered: Record<string, unknown> = {
		gender: customer.gender,
		name: customer.name,
		company: customer.company ?? '',
		phone: customer.phone,
		street: customer.street,
		number: customer.houseNumber,
		zipcode: customer.zipcode,
		city: customer.city,
		country: countryName(customer.countryCode, 'nl_NL'),
		country_code: customer.countryCode,
	};
	if (!invoice) return { id: random.uuid(), ...rendered };
	if (customer.taxnumber) rendered.taxnumber = customer.taxnumber;
	if (customer.bankaccount) rendered.bankaccount = customer.bankaccount;
	return rendered;
}

function debtor(plan: OrderPlan, random: Random): Record<string, unknown> {
	const { customer } = plan;
	const rendered: Record<string, unknown> = {};
	if (customer.accountId) rendered.id = customer.accountId;
	rendered.email = plan.email;
	rendered.link_to_account = customer.accountId !== undefined;
	// Orders from before v2 of the API still carry the deprecated debtor.name (docs/api-notes.md, Mijnwebwinkel §6).
	if (plan.lifecycle === 'legacy') rendered.name = customer.name;
	rendered.address = {
		invoice: address(customer, true, random),
		delivery: address(customer, false, random),
	};
	return rendered;
}

function orderlines(plan: OrderPlan, random: Random): Array<Record<string, unknown>> {
	if (plan.lifecycle !== 'legacy') return plan.lines.map((line) => renderLine(line, random));
	// amount_including_tax is in the output only since 2019-04-12 (changelog 2.0.13); keep it on some lines.
	const keep = plan.lines.map((_, index) => index > 0 && random.chance(0.3));
	return plan.lines.map((line, index) => renderLine(line, random, keep[index]));
}

function businessFields(plan: OrderPlan): Record<string, unknown> {
	const b2b = plan.customer.company !== undefined;
	const fields: Record<string, unknown> = { business_model: b2b ? 'B2B' : 'B2C' };
	if (b2b && plan.reference) fields.reference = plan.reference;
	if (plan.lifecycle === 'legacy') return fields;
	const strategy = { reverseCharge: 'reverse_charged_vat', export: 'zero_percent' } as Record<
		string,
		string
	>;
	fields.tax_region = plan.customer.countryCode;
	fields.tax_strategy = strategy[plan.situation] ?? '';
	return fields;
}

function paymentFields(plan: OrderPlan): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	if (plan.paymentStatus) fields.payment_status = plan.paymentStatus;
	if (plan.method)
		fields.payment = { gateway_name: GATEWAY_OF[plan.method], method_name: plan.method };
	return fields;
}

export function renderOrder(plan: OrderPlan, random: Random): ShopOrder {
	const placed = toShopLocal(plan.placedAt);
	const changed = toShopLocal(plan.changedAt);
	const totalCents = totalsByRate(plan.lines).reduce((sum, part) => sum + part.cents, 0);
	const grams = plan.lines.reduce((sum, line) => sum + (line.weight ?? 0), 0);
	const order: ShopOrder = {
		number: plan.number,
		uuid: plan.uuid,
		date: placed.date,
		time: placed.time,
		status: plan.status,
		status_changed_date: changed.date,
		status_changed_time: changed.time,
		weight: (grams / 1000).toFixed(3),
		archived: plan.archived,
		finished: true,
		taxed: 'include',
		locale: LOCALE_OF[plan.customer.countryCode] ?? 'en_GB',
		currency: 'EUR',
		currency_format_locale: 'nl_NL',
	};
	if (plan.discountcode) order.discountcode = plan.discountcode;
	if (plan.creditOf !== undefined) order.credited_order_number = plan.creditOf;
	order.credit_order_numbers = plan.creditNumbers;
	order.comments = plan.comment ? { customer: plan.comment } : {};
	Object.assign(order, businessFields(plan), paymentFields(plan));
	order.debtor = debtor(plan, random);
	order.price = {
		tax: renderTax(plan.lines),
		total: plan.totalDecimals === 6 ? `${formatCents(totalCents)}0000` : formatCents(totalCents),
	};
	order.orderlines = orderlines(plan, random);
	const destination = {
		description: countryName(plan.customer.countryCode, 'nl_NL'),
		isocode: plan.customer.countryCode,
	};
	order.shipping = plan.pickup ? [] : [{ country: destination }];
	if (plan.lifecycle === 'test') order.test = true;
	return order;
}
