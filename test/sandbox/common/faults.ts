import { matchTemplate } from './routes';
import type { Fault } from './types';

export interface Faults {
	/** Registers a fault; it hits the next `times` matching requests. Throws on a malformed fault. */
	add(fault: Fault): Fault;
	clear(): void;
	/** Faults still waiting to hit, oldest first. */
	list(): Fault[];
	/** Takes one hit from the oldest fault that matches this request. */
	take(method: string, path: string, routeTemplate?: string): Fault | undefined;
}

interface ArmedFault {
	fault: Fault;
	left: number;
}

function isWholeNumber(value: unknown, minimum: number): boolean {
	return typeof value === 'number' && Number.isInteger(value) && value >= minimum;
}

/** Why a fault is malformed, or undefined when it is fine. */
export function checkFault(fault: Fault): string | undefined {
	if (fault === null || typeof fault !== 'object') return 'a fault must be an object';
	if (fault.status === undefined && fault.delayMs === undefined)
		return 'give a status, a delayMs or both';
	if (fault.status !== undefined && !(isWholeNumber(fault.status, 100) && fault.status <= 599)) {
		return 'status must be an HTTP status code';
	}
	if (fault.times !== undefined && !isWholeNumber(fault.times, 1))
		return 'times must be a whole number ≥ 1';
	if (fault.delayMs !== undefined && !isWholeNumber(fault.delayMs, 0))
		return 'delayMs must be a whole number ≥ 0';
	if (fault.retryAfterSeconds !== undefined && !isWholeNumber(fault.retryAfterSeconds, 0)) {
		return 'retryAfterSeconds must be a whole number ≥ 0';
	}
	if (fault.path !== undefined && (typeof fault.path !== 'string' || !fault.path.startsWith('/'))) {
		return 'path must start with /';
	}
	if (fault.method !== undefined && typeof fault.method !== 'string')
		return 'method must be a string';
	return undefined;
}

function pathMatches(faultPath: string, path: string, routeTemplate?: string): boolean {
	if (faultPath.includes(':'))
		return faultPath === routeTemplate || matchTemplate(faultPath, path) !== undefined;
	return (
		path === faultPath || path.startsWith(faultPath.endsWith('/') ? faultPath : `${faultPath}/`)
	);
}

export function createFaults(): Faults {
	let armed: ArmedFault[] = [];
	return {
		add(fault) {
			const problem = checkFault(fault);
			if (problem) throw new Error(`Invalid fault: ${problem}`);
			const stored: Fault = {
				...fault,
				method: fault.method?.toUpperCase(),
				times: fault.times ?? 1,
			};
			armed.push({ fault: stored, left: stored.times ?? 1 });
			return stored;
		},
		clear() {
			armed = [];
		},
		list() {
			return armed.map(({ fault, left }) => ({ ...fault, times: left }));
		},
		take(method, path, routeTemplate) {
			const hit = armed.find(
				({ fault }) =>
					(fault.method === undefined || fault.method === method.toUpperCase()) &&
					(fault.path === undefined || pathMatches(fault.path, path, routeTemplate)),
			);
			if (!hit) return undefined;
			hit.left -= 1;
			if (hit.left <= 0) armed = armed.filter((entry) => entry !== hit);
			return hit.fault;
		},
	};
}
