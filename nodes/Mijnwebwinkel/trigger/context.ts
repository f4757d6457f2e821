import type { QualifyRules } from './qualifies';

/** What one poll's scan knows while it reads the shop: the rules, and the orders emitted and watched so far. */
export interface ScanContext {
	rules: QualifyRules;
	includeTestOrders: boolean;
	/** Order numbers already emitted (shared with the caller, updated as orders are emitted). */
	emitted: Set<string>;
	/** How many more orders this poll may emit. */
	room: number;
	/** Orders emitted while authorised and watched for their capture (shared, updated as they settle). */
	uncaptured: Set<string>;
}

export interface Seen {
	number: string;
	changed: string;
	/** Emitted while its payment is only authorised: to be watched for its capture. */
	awaitsCapture?: true;
}
