/**
 * The library entry: the mapping and the API clients, for use outside a node. The Mijnwebwinkel functions take a
 * `MijnwebwinkelTransport` (any object with `get` and `invalid`); the e-Boekhouden functions take an
 * `EBoekhoudenContext` (`getCredentials` and `helpers.httpRequestWithAuthentication`). Amounts in drafts are euros.
 */

// Order to Invoice: the mapping
export type * from './nodes/OrderToInvoice/mapping/types';
export {
	mapOrderToInvoice,
	MappingError,
	DEFAULT_MAPPING_SETTINGS,
} from './nodes/OrderToInvoice/mapping';

// Mijnwebwinkel: the order schema, the other response schemas, the client and its transport
export {
	safeParseOrder,
	orderSchema,
	orderLineSchema,
	taxPriceSchema,
	readOrderNumber,
} from './nodes/Mijnwebwinkel/api/order.schema';
export type {
	Order,
	OrderLine,
	TaxPrice,
	OrderParseResult,
} from './nodes/Mijnwebwinkel/api/order.schema';
export {
	orderStatusSchema,
	orderStatusListSchema,
	countSchema as orderCountSchema,
	paymentSchema,
	paymentListSchema,
	orderSummarySchema,
} from './nodes/Mijnwebwinkel/api/schemas';
export type { OrderStatus, Payment, OrderSummary } from './nodes/Mijnwebwinkel/api/schemas';
export {
	PAGE_SIZE_MAX as MIJNWEBWINKEL_PAGE_SIZE_MAX,
	orderQuery,
	fetchOrdersPage,
	listOrders,
	parseOrder,
	parseOrderSummary,
	getOrder,
	countOrders,
	getOrderPayments,
	getOrderStatuses,
} from './nodes/Mijnwebwinkel/api/client';
export type { OrderFilters, PaymentEmbed } from './nodes/Mijnwebwinkel/api/client';
export { createTransport as createMijnwebwinkelTransport } from './nodes/Mijnwebwinkel/api/transport';
export type {
	MijnwebwinkelTransport,
	MijnwebwinkelContext,
	TransportOptions as MijnwebwinkelTransportOptions,
} from './nodes/Mijnwebwinkel/api/transport';
export { describeHttpError as describeMijnwebwinkelError } from './nodes/Mijnwebwinkel/api/errors';
export type {
	ErrorDescription as MijnwebwinkelErrorDescription,
	ErrorKind as MijnwebwinkelErrorKind,
	HttpProblem as MijnwebwinkelHttpProblem,
} from './nodes/Mijnwebwinkel/api/errors';

// e-Boekhouden.nl: the draft schema, the response schemas, the client and its transport
export {
	invoiceDraftSchema,
	invoiceNumberSchema,
	parseDraft,
	SALES_VAT_CODES,
} from './nodes/EBoekhouden/api/draft.schema';
export type { ParsedDraft, DraftParseResult } from './nodes/EBoekhouden/api/draft.schema';
export {
	sessionSchema,
	relationSchema,
	relationListItemSchema,
	createdRelationSchema,
	invoiceSchema,
	invoiceListItemSchema,
	createdInvoiceSchema,
	mutationListItemSchema,
	createdMutationSchema,
	outstandingItemSchema,
	ledgerSchema,
	invoiceTemplateSchema,
	costCenterSchema,
} from './nodes/EBoekhouden/api/schemas';
export type {
	Relation,
	RelationListItem,
	Invoice,
	InvoiceListItem,
	MutationListItem,
	OutstandingItem,
	Ledger,
	InvoiceTemplate,
	CostCenter,
} from './nodes/EBoekhouden/api/schemas';
export { openSession, checkSource, SessionError } from './nodes/EBoekhouden/api/session';
export { apiRequest as eBoekhoudenRequest } from './nodes/EBoekhouden/api/transport';
export type {
	EBoekhoudenContext,
	ApiRequest as EBoekhoudenRequest,
} from './nodes/EBoekhouden/api/transport';
export {
	PAGE_SIZE_MAX as EBOEKHOUDEN_PAGE_SIZE_MAX,
	fetchPages,
	fetchAll,
} from './nodes/EBoekhouden/api/paging';
export type { Paging, Page } from './nodes/EBoekhouden/api/paging';
export {
	searchRelations,
	getRelation,
	createRelation,
	patchRelation,
} from './nodes/EBoekhouden/api/relations';
export type { RelationFilters } from './nodes/EBoekhouden/api/relations';
export {
	searchInvoices,
	searchInvoicePages,
	getInvoice,
	createInvoice,
} from './nodes/EBoekhouden/api/invoices';
export type { InvoiceFilters } from './nodes/EBoekhouden/api/invoices';
export {
	MUTATION_TYPE,
	createMutation,
	searchMutations,
	searchOutstanding,
} from './nodes/EBoekhouden/api/mutations';
export {
	listLedgers,
	listInvoiceTemplates,
	listCostCenters,
} from './nodes/EBoekhouden/api/masterData';
export { resolveLedger, resolveLedgerId, resolveTemplateId } from './nodes/EBoekhouden/api/ids';
export type { LedgerRef } from './nodes/EBoekhouden/api/ids';
export { explainError as explainEBoekhoudenError } from './nodes/EBoekhouden/api/errors';
export type {
	ExplainedError as EBoekhoudenExplainedError,
	ErrorKind as EBoekhoudenErrorKind,
} from './nodes/EBoekhouden/api/errors';
