import type { ILoadOptionsFunctions, INodeListSearchResult, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { redact } from '../../shared/redact';

/**
 * The chart of accounts for the ledger pickers: `GET /v1/ledger`, paged with `limit` (at most 2000) and `offset`;
 * `count` is the size of the page, not a total, so a short page is the last one
 * (https://api.e-boekhouden.nl/swagger/index.html). Only the pickers call this, while a user edits the node; the
 * node's execute never does.
 */
export const CREDENTIAL_TYPE = 'eBoekhoudenApi';
export const LEDGER_PAGE_SIZE = 2000;
/** A chart is a few hundred ledgers; stop reading after this many, whatever the server does with `offset`. */
export const LEDGERS_READ_MAX = 20_000;

const ledgerPage = z.object({
	items: z
		.array(z.object({ code: z.string(), description: z.string().nullish() }).passthrough())
		.nullish(),
});

export interface ChartLedger {
	code: string;
	description: string;
}

interface Answer {
	statusCode?: number;
	body?: unknown;
}

/** What e-Boekhouden answered to a refused list request, e.g. "e-Boekhouden said SYS_001: Server error." */
function answerSaid(body: unknown): string {
	const record = (body ?? {}) as Record<string, unknown>;
	const said = [record.code, record.title ?? record.message]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(': ');
	return said ? `e-Boekhouden said ${said}` : '';
}

function failure(
	context: ILoadOptionsFunctions,
	status: number | undefined,
	detail: string,
	secrets: string[],
): NodeApiError {
	const message = redact(
		`Could not read the chart of accounts from e-Boekhouden${status ? ` (HTTP ${status})` : ''}`,
		secrets,
	);
	const sentence = detail.trim().replace(/\.+$/, '');
	const description = redact(
		`${sentence ? `${sentence}. ` : ''}Check the e-Boekhouden credential of this node, or choose By Code and type the ledger code.`,
		secrets,
	);
	return new NodeApiError(context.getNode(), { message, description } as JsonObject, {
		message,
		description,
		httpCode: status === undefined ? undefined : String(status),
	});
}

/** Every ledger of the administration the node's e-Boekhouden credential points at, read page by page. */
export async function readChart(context: ILoadOptionsFunctions): Promise<ChartLedger[]> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseURL = String(credentials.baseUrl || 'https://api.e-boekhouden.nl').replace(/\/+$/, '');
	const secrets = [credentials.accessToken, credentials.sessionToken].filter(
		(secret): secret is string => typeof secret === 'string',
	);
	const ledgers: ChartLedger[] = [];
	for (let offset = 0; offset < LEDGERS_READ_MAX; offset += LEDGER_PAGE_SIZE) {
		let answer: Answer;
		try {
			answer = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				method: 'GET',
				baseURL,
				url: '/v1/ledger',
				qs: { limit: LEDGER_PAGE_SIZE, offset },
				json: true,
				returnFullResponse: true,
				// 401 is thrown so that n8n renews the session (the credential's preAuthentication) and asks again.
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
			})) as Answer;
		} catch (error) {
			// n8n throws a 401 that survived a renewed session, a session that could not be opened, or no answer.
			const thrown = error as { httpCode?: string; message?: string; description?: string };
			const status = Number(thrown.httpCode);
			throw failure(
				context,
				Number.isInteger(status) && status > 0 ? status : undefined,
				[thrown.message, thrown.description].filter(Boolean).join('. '),
				secrets,
			);
		}
		const status = Number(answer.statusCode);
		const page = ledgerPage.safeParse(answer.body);
		if (status < 200 || status >= 300 || !page.success)
			throw failure(context, status, answerSaid(answer.body), secrets);
		const items = page.data.items ?? [];
		ledgers.push(
			...items.map((ledger) => ({ code: ledger.code, description: ledger.description ?? '' })),
		);
		if (items.length < LEDGER_PAGE_SIZE) break;
	}
	return ledgers;
}

/** "8000 · Omzet hoog tarief", as the e-Boekhouden node's lists show a ledger. */
export const ledgerName = (ledger: ChartLedger) =>
	ledger.description ? `${ledger.code} · ${ledger.description}` : ledger.code;

/**
 * The ledger picker of every ledger setting: the chart by code, filtered on code or name. Without an e-Boekhouden
 * credential on the node there is no chart to show: n8n itself then shows "Could not load list" with a link to add
 * a credential, and this method (should it still be called) answers an empty list instead of failing.
 */
export async function searchLedgers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	if (!this.getNode().credentials?.[CREDENTIAL_TYPE]) return { results: [] };
	const text = filter?.trim().toLowerCase() ?? '';
	const results = (await readChart(this))
		.map((ledger) => ({ name: ledgerName(ledger), value: ledger.code }))
		.filter((result) => text === '' || result.name.toLowerCase().includes(text))
		.sort((a, b) => a.value.localeCompare(b.value, 'en', { numeric: true }));
	return { results };
}
