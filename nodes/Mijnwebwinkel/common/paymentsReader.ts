import { getOrderPayments } from '../api/client';
import type { MijnwebwinkelTransport } from '../api/transport';
import type { PaymentsAnswer, PaymentsReader } from '../trigger/payments';

/** Error kinds (see api/errors.ts) that may pass: trying again later can succeed. */
const TEMPORARY = ['rateLimited', 'server', 'unreachable'];

/** Reads `GET /v1/orders/{n}/payments?embed=mutations,order`; a failure becomes an answer, never a throw. */
export function createPaymentsReader(
	transport: MijnwebwinkelTransport,
	hasTime: () => boolean = () => true,
): PaymentsReader {
	return {
		hasTime,
		read: async (orderNumber): Promise<PaymentsAnswer> => {
			try {
				return { payments: await getOrderPayments(transport, orderNumber, ['mutations', 'order']) };
			} catch (error) {
				const { message, context } = (error ?? {}) as {
					message?: string;
					context?: { kind?: unknown };
				};
				return {
					problem: message ?? 'the payments could not be read',
					temporary: TEMPORARY.includes(String(context?.kind)),
				};
			}
		},
	};
}
