/** The library entry: the mapping and the API clients, for use outside a node. */
export { safeParseOrder, orderSchema } from './nodes/Mijnwebwinkel/api/order.schema';
export type { Order, OrderLine, TaxPrice } from './nodes/Mijnwebwinkel/api/order.schema';
export type * from './nodes/OrderToInvoice/mapping/types';
export {
	mapOrderToInvoice,
	MappingError,
	DEFAULT_MAPPING_SETTINGS,
} from './nodes/OrderToInvoice/mapping';
