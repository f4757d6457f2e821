import { z } from 'zod';

/**
 * The trigger's memory in the node's static data: plain JSON, bounded whatever the shop's size,
 * replaced as one new object at the end of a poll (n8n saves static data only when it sees a change).
 * Times are shop-local `yyyy-mm-dd hh:mm:ss` strings, which sort as text.
 */

export const STATE_KEY = 'mijnwebwinkelTrigger';
export const STATE_VERSION = 1;

/** Emitted orders remembered in any case (the newest); covers re-reads when paging shifts mid-scan. */
export const EMITTED_KEEP_RECENT = 500;
/** Hard bound on remembered emitted orders (entries inside the overlap are kept up to this). */
export const EMITTED_MAX = 1000;
/** Hard bound on finished-but-unpaid orders being re-checked. */
export const UNPAID_MAX = 200;
/** Hard bound on pay-later orders emitted while authorised and watched until their capture. */
export const UNCAPTURED_MAX = 200;
/** How long after its status change an authorised order is watched; pay-later authorisations lapse in about 4 weeks. */
export const CAPTURE_WATCH_DAYS = 30;

/** An order scan over the open-ended window "status changed since `from`", possibly spread over polls. */
export interface ScanState {
	from: string;
	/** Next offset to read (orders ascending by number). */
	offset: number;
	/** Shop time when the scan began; the next window never starts later than this minus the overlap. */
	startedAt: string;
	/** Latest status change read in this scan. */
	maxSeen?: string;
	/** Priming at activation: remember what already qualifies, emit nothing. */
	quiet: boolean;
}

/** [order number, its status change when emitted]. */
export type EmittedEntry = [string, string];
/** [order number, its status change, re-check until (yyyy-mm-dd)]. */
export type UnpaidEntry = [string, string, string];

export interface TriggerState {
	version: typeof STATE_VERSION;
	/** Every status change up to here has been handled; the next window starts at cursor − overlap. */
	cursor: string;
	/** The "Import orders since" value already acted on ('' for none), so a new date starts a new import. */
	since: string;
	scan?: ScanState;
	emitted: EmittedEntry[];
	unpaid: UnpaidEntry[];
	/**
	 * Orders emitted while their payment was only authorised (pay later), watched until it is captured so they
	 * are emitted once more then: [order number, its status change, watch until (yyyy-mm-dd)].
	 */
	uncaptured: UnpaidEntry[];
	/** A re-check sweep of the unpaid orders in progress: the window it is in and the offset there. */
	recheck?: { from: string; offset: number };
	/** Shop time when the last re-check sweep finished. */
	recheckedAt?: string;
}

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const stateSchema = z.object({
	version: z.literal(STATE_VERSION),
	cursor: dateTime,
	since: z.string(),
	scan: z
		.object({
			from: dateTime,
			offset: z.number().int().nonnegative(),
			startedAt: dateTime,
			maxSeen: dateTime.optional(),
			quiet: z.boolean(),
		})
		.optional(),
	emitted: z.array(z.tuple([z.string(), z.string()])),
	unpaid: z.array(z.tuple([z.string(), z.string(), z.string()])),
	// Absent in states saved before pay-later orders were watched.
	uncaptured: z.array(z.tuple([z.string(), z.string(), z.string()])).default([]),
	recheck: z.object({ from: dateTime, offset: z.number().int().nonnegative() }).optional(),
	recheckedAt: dateTime.optional(),
});

/** The stored state, or undefined when there is none (first poll) or it is not ours (then the trigger primes anew). */
export function readState(staticData: Record<string, unknown>): TriggerState | undefined {
	const result = stateSchema.safeParse(staticData[STATE_KEY]);
	return result.success ? (result.data as TriggerState) : undefined;
}
