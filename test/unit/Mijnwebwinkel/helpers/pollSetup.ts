import type { PollSettings } from '../../../../nodes/Mijnwebwinkel/trigger/poll';
import type { QualifyRules } from '../../../../nodes/Mijnwebwinkel/trigger/qualifies';

/** The trigger's rules as the template sets them: finished is status 4, credit orders (status 10) included. */
export const rules: QualifyRules = {
	finished: [4],
	credit: [10],
	paid: [],
	acceptAuthorized: false,
	includeCreditOrders: true,
	includeTestOrders: false,
};

/** A poll from 1 February 2025 with the trigger's default overlap, batch size and re-check period. */
export const settings: PollSettings = {
	since: '2025-02-01 00:00:00',
	overlapMinutes: 60,
	maxOrdersPerPoll: 250,
	recheckDays: 21,
	includeTestOrders: false,
};
