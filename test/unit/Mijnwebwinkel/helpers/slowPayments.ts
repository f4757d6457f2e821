import type { PaymentsAnswer } from '../../../../nodes/Mijnwebwinkel/trigger/payments';

/**
 * A shop whose payment reads answer only when the test says so (`answerAll`), recording what is in flight and, in
 * `log`, each read as `read <order number>` (a test may log other events there too, to see what came first).
 */
export function slowPayments(
	answerFor: (orderNumber: string) => PaymentsAnswer,
	log: string[] = [],
) {
	const started: string[] = [];
	let inFlight = 0;
	let peak = 0;
	const waiting: Array<() => void> = [];
	const reader = {
		hasTime: () => true,
		read: async (orderNumber: string): Promise<PaymentsAnswer> => {
			started.push(orderNumber);
			log.push(`read ${orderNumber}`);
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise<void>((resolve) => waiting.push(resolve));
			inFlight--;
			return answerFor(orderNumber);
		},
	};
	/** Lets every read that is waiting answer, until none has come for a few turns of the event loop. */
	const answerAll = async (): Promise<void> => {
		for (let idle = 0; idle < 5;) {
			await new Promise((resolve) => setImmediate(resolve));
			const batch = waiting.splice(0);
			idle = batch.length === 0 ? idle + 1 : 0;
			batch.forEach((resolve) => resolve());
		}
	};
	return { reader, started, answerAll, peak: () => peak, inFlight: () => inFlight };
}

export const paid = (orderNumber: string): PaymentsAnswer => ({
	payments: [{ id: `p-${orderNumber}` }],
});
