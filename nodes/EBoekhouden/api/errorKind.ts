/** What an e-Boekhouden error means for the caller, whatever its code (errors.ts explains each). */
export type ErrorKind =
	| 'alreadyBooked'
	| 'notFound'
	| 'inactive'
	| 'auth'
	| 'access'
	| 'rateLimit'
	| 'server'
	| 'closedPeriod'
	| 'plan'
	| 'validation'
	| 'network'
	| 'unknown';
