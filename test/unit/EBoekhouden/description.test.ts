import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import * as costCenter from '../../../nodes/EBoekhouden/actions/costCenter/CostCenter.resource';
import * as invoice from '../../../nodes/EBoekhouden/actions/invoice/Invoice.resource';
import * as invoiceTemplate from '../../../nodes/EBoekhouden/actions/invoiceTemplate/InvoiceTemplate.resource';
import * as ledger from '../../../nodes/EBoekhouden/actions/ledger/Ledger.resource';
import * as payment from '../../../nodes/EBoekhouden/actions/payment/Payment.resource';
import * as reconciliation from '../../../nodes/EBoekhouden/actions/reconcile/Reconciliation.resource';
import * as relation from '../../../nodes/EBoekhouden/actions/relation/Relation.resource';
import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import { ledgerLocator } from '../../../nodes/EBoekhouden/actions/common.descriptions';

const { description, methods } = new EBoekhouden();
const resources = {
	relation,
	invoice,
	payment,
	ledger,
	invoiceTemplate,
	costCenter,
	reconciliation,
};

function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return allProperties((option as INodePropertyCollection).values);
			if ('displayName' in option) return allProperties([option as INodeProperties]);
			return [];
		});
		return [property, ...nested];
	});
}

const operationSelectors = description.properties.filter(
	(property) => property.name === 'operation',
);

describe('e-Boekhouden.nl node description', () => {
	it('is a tool-usable node with the session credential and one input, one output', () => {
		expect(description).toMatchObject({
			name: 'eBoekhouden',
			usableAsTool: true,
			credentials: [{ name: 'eBoekhoudenApi', required: true }],
		});
		expect(description.inputs).toEqual(['main']);
		expect(description.outputs).toEqual(['main']);
	});

	it('every static options default is one of its options', () => {
		for (const property of allProperties(description.properties)) {
			if (property.type !== 'options' || property.typeOptions?.loadOptionsMethod) continue;
			const values = (property.options as INodePropertyOptions[]).map((option) => option.value);
			expect({
				name: property.name,
				default: property.default,
				ok: values.includes(property.default as string),
			}).toMatchObject({ ok: true });
		}
	});

	it('every operation has an action, and a handler behind it', () => {
		for (const selector of operationSelectors) {
			const resource = selector.displayOptions?.show?.resource?.[0] as keyof typeof resources;
			const handlers = resources[resource].operations as Record<string, unknown>;
			for (const option of selector.options as INodePropertyOptions[]) {
				expect(option.action).toEqual(expect.any(String));
				expect(handlers[option.value as string]).toBeDefined();
			}
			expect(Object.keys(handlers).sort()).toEqual(
				(selector.options as INodePropertyOptions[]).map((o) => o.value).sort(),
			);
		}
	});

	it('every operation that reads a draft starts in draft mode with the draft taken from the input item', () => {
		const withDraft = description.properties.filter((property) => property.name === 'draft');
		expect(withDraft.map((property) => property.displayOptions?.show?.operation?.[0])).toEqual(
			expect.arrayContaining(['bookInvoicePayment', 'bookRefund', 'create', 'findOrCreate']),
		);
		for (const property of withDraft) expect(property.default).toBe('={{ $json }}');
		for (const property of description.properties.filter((p) => p.name === 'inputMode')) {
			expect(property.default).toBe('draft');
		}
	});

	it('expressions shown to copy are ones n8n runs: $json in lower case, never $JSON', () => {
		const texts = allProperties(description.properties).flatMap((property) => [
			property.description ?? '',
			property.hint ?? '',
		]);
		expect(texts.filter((text) => /\$JSON|\.JSON\b/.test(text))).toEqual([]);
		const draft = description.properties.find((property) => property.name === 'draft');
		expect(draft?.hint).toContain('{{ $json }}');
		expect(draft?.hint).toContain("{{ $('Order to Invoice').item.json }}");
	});

	it('the write operations that take a debtor ledger default to 1300 Debiteuren', () => {
		const debtor = description.properties.filter((property) => property.name === 'debtorLedger');
		expect(debtor.map((property) => property.displayOptions?.show?.operation?.[0])).toEqual(
			expect.arrayContaining(['create', 'bookInvoicePayment', 'bookRefund']),
		);
		for (const property of debtor)
			expect(property.default).toEqual({ mode: 'code', value: '1300' });
	});

	it('a picker whose empty value means something says what in place of "Choose…"', () => {
		const listPlaceholder = (property: INodeProperties | undefined) =>
			property?.modes?.find((mode) => mode.name === 'list')?.placeholder;
		const templates = description.properties.filter((property) => property.name === 'template');
		expect(templates.length).toBeGreaterThan(0);
		for (const template of templates) {
			expect(template.default).toEqual({ mode: 'list', value: '' });
			expect(listPlaceholder(template)).toBe('If empty: the only active template');
		}
		const ledger = (whenEmpty?: string) =>
			ledgerLocator('paymentLedger', 'Payment Ledger', 'A ledger', '', 'searchLedgers', whenEmpty);
		expect(listPlaceholder(ledger("the draft's ledger"))).toBe("If empty: the draft's ledger");
		expect(listPlaceholder(ledger())).toBeUndefined();
	});

	it('every list or dropdown the parameters name exists', () => {
		const listSearch = Object.keys(methods.listSearch);
		const loadOptions = Object.keys(methods.loadOptions);
		for (const property of allProperties(description.properties)) {
			for (const mode of property.modes ?? []) {
				const method = mode.typeOptions?.searchListMethod;
				if (method) expect(listSearch).toContain(method);
			}
			const loader = property.typeOptions?.loadOptionsMethod;
			if (loader) expect(loadOptions).toContain(loader);
		}
	});
});
