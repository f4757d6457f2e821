import type { Route } from './types';

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

function splitPath(path: string): string[] {
	return path.split('/').filter((segment) => segment !== '');
}

/** Matches a concrete path against a `:name` template; undefined when it does not fit. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
	const expected = splitPath(template);
	const actual = splitPath(path);
	if (expected.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < expected.length; index++) {
		const segment = expected[index];
		if (segment.startsWith(':')) {
			try {
				params[segment.slice(1)] = decodeURIComponent(actual[index]);
			} catch {
				return undefined;
			}
		} else if (segment !== actual[index]) {
			return undefined;
		}
	}
	return params;
}

/** The route for this method and path; `allowed` lists the methods of routes that fit the path (for a 405). */
export function findRoute(
	routes: readonly Route[],
	method: string,
	path: string,
): { match?: RouteMatch; allowed: string[] } {
	const allowed: string[] = [];
	for (const route of routes) {
		const params = matchTemplate(route.path, path);
		if (!params) continue;
		if (route.method === method) return { match: { route, params }, allowed };
		allowed.push(route.method);
	}
	return { allowed };
}

export function routeKey(method: string, template: string): string {
	return `${method} ${template}`;
}
