/**
 * A fixed network latency (with jitter) on every answer of a sandbox server, so a run on 127.0.0.1 costs what it
 * costs against the real API (e-Boekhouden answers in 100–300 ms). Half of each delay is spent before the request is
 * handled and half after, as on a real network, so two clients racing for the same record both see the old state.
 * Set with `startServer({ latency })`, `POST /__admin/latency {latencyMs?, jitterMs?}` (GET reads it), or from the
 * command line (`npm run sandbox -- --latency-ms 150 --jitter-ms 30`).
 */
export interface Latency {
	/** Added to every answer (admin requests excepted), in milliseconds. */
	latencyMs: number;
	/** Each answer is up to this much faster or slower, uniformly (never below 0). */
	jitterMs: number;
}

export const NO_LATENCY: Latency = { latencyMs: 0, jitterMs: 0 };

/** Why a latency setting is malformed, or undefined when it is fine. */
export function checkLatency(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		return 'give an object { latencyMs?, jitterMs? }';
	for (const key of ['latencyMs', 'jitterMs'] as const) {
		const field = (value as Record<string, unknown>)[key];
		if (field === undefined) continue;
		if (typeof field !== 'number' || !Number.isInteger(field) || field < 0 || field > 60_000)
			return `${key} must be a whole number of milliseconds from 0 to 60000`;
	}
	return undefined;
}

/** A mutable setting: what the server reads on every request. */
export function createLatency(initial: Partial<Latency> = {}): Latency {
	const latency = { ...NO_LATENCY };
	updateLatency(latency, initial);
	return latency;
}

/** Applies the given fields; throws on a malformed one (nothing is changed then). */
export function updateLatency(latency: Latency, patch: Partial<Latency>): Latency {
	const problem = checkLatency(patch);
	if (problem) throw new Error(`Invalid latency: ${problem}`);
	if (patch.latencyMs !== undefined) latency.latencyMs = patch.latencyMs;
	if (patch.jitterMs !== undefined) latency.jitterMs = patch.jitterMs;
	return latency;
}

/** One answer's delay: latency ± jitter, never negative. `random` is in [0, 1). */
export function drawDelay(latency: Latency, random: () => number = Math.random): number {
	const jitter = latency.jitterMs > 0 ? (random() * 2 - 1) * latency.jitterMs : 0;
	return Math.max(0, Math.round(latency.latencyMs + jitter));
}

/** Sets the latency of a running server through its admin endpoint (for a server started elsewhere). */
export async function setLatency(baseUrl: string, latency: Partial<Latency>): Promise<Latency> {
	const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/__admin/latency`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(latency),
	});
	const body = (await response.json()) as Latency & { message?: string };
	if (!response.ok)
		throw new Error(body.message ?? `setting the latency failed (${response.status})`);
	return { latencyMs: body.latencyMs, jitterMs: body.jitterMs };
}
