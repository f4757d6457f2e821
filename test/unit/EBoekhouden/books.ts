import type { IDataObject } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

import * as transport from '../../../nodes/EBoekhouden/api/transport';
import type { ApiRequest } from '../../../nodes/EBoekhouden/api/transport';

/**
 * A scripted e-Boekhouden for operation tests: the transport's `apiRequest` is replaced by `books.handle`, which
 * records each request and answers from the routes a test gives (first match on "METHOD /path"). The answer goes
 * through the real zod schema, as the transport would do.
 */
export type Answer = unknown | ((request: ApiRequest) => unknown);

export class ScriptedBooks {
	readonly requests: ApiRequest[] = [];
	private readonly routes: Array<{ key: string; answer: Answer }> = [];

	on(key: string, answer: Answer): this {
		this.routes.push({ key, answer });
		return this;
	}

	readonly handle = async (
		_ctx: unknown,
		request: ApiRequest,
		schema?: ZodTypeAny,
	): Promise<unknown> => {
		this.requests.push(request);
		const key = `${request.method} ${request.path}`;
		const route = this.routes.find((candidate) => candidate.key === key);
		if (!route)
			throw new Error(`No scripted answer for ${key} ${JSON.stringify(request.qs ?? {})}`);
		const answer =
			typeof route.answer === 'function'
				? (route.answer as (r: ApiRequest) => unknown)(request)
				: route.answer;
		if (answer instanceof Error) throw answer;
		return schema ? schema.parse(answer) : answer;
	};

	calls(key: string): ApiRequest[] {
		return this.requests.filter((request) => `${request.method} ${request.path}` === key);
	}

	writes(): ApiRequest[] {
		return this.requests.filter((request) => request.method !== 'GET');
	}
}

/** Every e-Boekhouden request of the test goes to `books` (undo with jest.restoreAllMocks). */
export function use(books: ScriptedBooks): ScriptedBooks {
	jest
		.spyOn(transport, 'apiRequest')
		.mockImplementation(books.handle as typeof transport.apiRequest);
	return books;
}

export const list = (items: IDataObject[]) => ({ items, count: items.length });

/** The sandbox chart of accounts (test/sandbox/books/chart.ts), with big ids that never equal the code. */
export const LEDGERS = [
	{ id: 22206452, code: '1010', description: 'Bank', category: 'FIN' },
	{ id: 22206455, code: '1020', description: 'Mollie', category: 'FIN' },
	{ id: 22206453, code: '1300', description: 'Debiteuren', category: 'DEB' },
	{ id: 22206462, code: '8000', description: 'Omzet hoog tarief', category: 'VW' },
	{ id: 22206467, code: '8010', description: 'Omzet laag tarief', category: 'VW' },
	{ id: 22206480, code: '8100', description: 'Verzendkosten', category: 'VW' },
];

export const TEMPLATES = [{ id: 752296, name: 'Standaard', active: true, type: 'E' }];
