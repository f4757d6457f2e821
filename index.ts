/** The library entry: the mapping and the API clients, for use outside a node. */
export { safeParseOrder, orderSchema } from './nodes/Mijnwebwinkel/api/order.schema';
export type { Order, OrderLine, TaxPrice } from './nodes/Mijnwebwinkel/api/order.schema';
export type * from './nodes/OrderToInvoice/mapping/types';
