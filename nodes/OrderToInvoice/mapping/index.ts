import type { InvoiceDraft, MappingSettings } from './types';
import { readOrder } from '../readOrder';
import { mapOrder } from './mapOrder';

export { mapOrder } from './mapOrder';
export { MappingError } from './errors';
export { DEFAULT_MAPPING_SETTINGS } from './settings';

/**
 * For use outside n8n with the order as JSON: reads it as Order to Invoice does (the order schema, a MappingError
 * naming the field when it does not fit) and maps it. With an order already parsed, `mapOrder` is the mapping.
 */
export function mapOrderToInvoice(input: unknown, given?: Partial<MappingSettings>): InvoiceDraft {
	return mapOrder(readOrder(input), given);
}
