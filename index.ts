/**
 * The package's public library API, for use outside n8n: the order → draft mapping with its settings and types,
 * its error, and the two data shapes the nodes pass each other (the order as the Mijnwebwinkel nodes emit it, the
 * draft as Order to Invoice emits it), each with the schema that checks it. Everything else (the API clients,
 * the booking rules) is internal to the nodes and may change in any version; only what is exported here is kept
 * stable. Amounts in drafts are euros with whole cents.
 */

// The mapping (Order to Invoice without n8n)
export {
	mapOrderToInvoice,
	mapOrder,
	MappingError,
	DEFAULT_MAPPING_SETTINGS,
} from './nodes/OrderToInvoice/mapping';
export type * from './nodes/OrderToInvoice/mapping/types';

// The order, as the Mijnwebwinkel nodes emit it
export { orderSchema, safeParseOrder } from './nodes/shared/order.schema';
export type { Order, OrderLine, TaxPrice, OrderParseResult } from './nodes/shared/order.schema';

// The draft, as Order to Invoice makes it (draftSchema) and as the e-Boekhouden node accepts it (invoiceDraftSchema)
export {
	draftSchema,
	invoiceDraftSchema,
	parseDraft,
	SALES_VAT_CODES,
} from './nodes/shared/draft.schema';
export type { ParsedDraft, DraftParseResult } from './nodes/shared/draft.schema';
