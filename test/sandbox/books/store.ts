import { COST_CENTERS, LEDGERS, type Ledger } from './chart';
import type { VatCodeTotals } from './vat';

/** The administration's state. Amounts are integer cents; JSON output converts them (see output.ts). */
export interface RelationRecord {
	id: number;
	type: 'B' | 'P';
	code: string;
	date: string;
	name: string;
	inactive: boolean | null;
	termOfPayment: number | null;
	doNotReceiveNewsletters: boolean | null;
	ledgerId: number | null;
	mandate: boolean;
	/** Every other (string) field by its API name: emailAddress, city, freeText1, … */
	text: Record<string, string>;
}

export interface InvoiceItemRecord {
	description: string;
	quantity: number;
	pricePerUnit: number;
	vatCode: string;
	vatAmount: number | null;
	ledgerId: number;
	costCenterId: number | null;
	unitId: number | null;
	productId: number | null;
	code: string | null;
	discountAmount: number | null;
	discountPercentage: number | null;
	/** quantity × price, rounded to cents; incl. or excl. VAT as the invoice's inExVat says. */
	lineCents: number;
}

export interface InvoiceRecord {
	id: number;
	invoiceNumber: string;
	relationId: number;
	date: string;
	reference: string;
	text: string;
	termOfPayment: number;
	inExVat: 'IN' | 'EX';
	templateId: number;
	emailTemplateId: number | null;
	print: boolean;
	emailed: boolean;
	items: InvoiceItemRecord[];
	perCode: VatCodeTotals[];
	totalExcl: number;
	vatAmount: number;
	totalAmount: number;
	/** The type 2 mutation when the invoice was booked (`mutation` given); null for a concept. */
	mutationId: number | null;
}

export interface MutationRowRecord {
	ledgerId: number | null;
	vatCode: string;
	amount: number;
	vatAmount: number | null;
	description: string;
	costCenterId: number | null;
	invoiceNumber: string | null;
	relationId: number | null;
}

export interface MutationRecord {
	id: number;
	type: number;
	date: string;
	description: string;
	termOfPayment: number | null;
	ledgerId: number;
	relationId: number | null;
	inExVat: 'IN' | 'EX';
	invoiceNumber: string;
	entryNumber: string;
	paymentReference: string;
	rows: MutationRowRecord[];
	vat: { vatCode: string; amount: number }[];
	/** Total of the mutation (incl. VAT). */
	amount: number;
}

/** An open item ("openstaande post") of a type 1 (C) or type 2 (D) mutation; paid may exceed the total. */
export interface OpenItem {
	mutationId: number;
	credDeb: 'C' | 'D';
	invoiceNumber: string;
	relationId: number;
	date: string;
	total: number;
	paid: number;
	payments: { mutationId: number; amount: number }[];
}

export interface BooksStore {
	relations: Map<number, RelationRecord>;
	invoices: InvoiceRecord[];
	mutations: MutationRecord[];
	openItems: OpenItem[];
	ledgers: Ledger[];
	costCenters: typeof COST_CENTERS;
	next: {
		relationId: number;
		relationCode: number;
		invoiceId: number;
		invoiceNumber: number;
		mutationId: number;
	};
}

export function createStore(): BooksStore {
	return {
		relations: new Map(),
		invoices: [],
		mutations: [],
		openItems: [],
		ledgers: [...LEDGERS],
		costCenters: COST_CENTERS,
		next: {
			relationId: 62976771,
			relationCode: 1001,
			invoiceId: 123456,
			invoiceNumber: 1,
			mutationId: 7833,
		},
	};
}

export function takeId(store: BooksStore, kind: 'relationId' | 'invoiceId' | 'mutationId'): number {
	const id = store.next[kind];
	store.next[kind] += kind === 'mutationId' ? 1 : 7;
	return id;
}

export function ledgerById(store: BooksStore, id: unknown): Ledger | undefined {
	return store.ledgers.find((ledger) => ledger.id === id);
}

/** Is this invoice number taken by a sales invoice or a type 2 mutation? */
export function salesNumberInUse(store: BooksStore, invoiceNumber: string): boolean {
	return (
		store.invoices.some((invoice) => invoice.invoiceNumber === invoiceNumber) ||
		store.mutations.some(
			(mutation) => mutation.type === 2 && mutation.invoiceNumber === invoiceNumber,
		)
	);
}
