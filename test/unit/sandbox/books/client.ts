/** A tiny fetch client for the books sandbox tests: logs in once, sends the raw session token. */
export interface Reply {
	status: number;
	/** Parsed JSON; the tests read it as plain records. */
	body: Record<string, unknown> & { items?: Record<string, unknown>[]; code?: string };
}

export interface BooksClient {
	token: string;
	call(
		method: string,
		path: string,
		body?: unknown,
		headers?: Record<string, string>,
	): Promise<Reply>;
}

export async function send(
	url: string,
	method: string,
	path: string,
	body?: unknown,
	headers = {},
): Promise<Reply> {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

export async function login(url: string, source = 'n8n'): Promise<BooksClient> {
	const session = await send(url, 'POST', '/v1/session', {
		accessToken: 'sandbox-api-token',
		source,
	});
	if (session.status !== 200) throw new Error(`login failed: ${session.status}`);
	const token = session.body.token as string;
	return {
		token,
		call: (method, path, body, headers = {}) =>
			send(url, method, path, body, { Authorization: token, ...headers }),
	};
}

export const LEDGER = {
	bank: 22206452,
	mollie: 22206455,
	debtors: 22206453,
	revenueHigh: 22206462,
	revenueLow: 22206467,
};
export const TEMPLATE_ID = 752296;

export async function createRelation(
	client: BooksClient,
	fields: Record<string, unknown> = {},
): Promise<number> {
	const reply = await client.call('POST', '/v1/relation', {
		name: 'Jan Jansen',
		type: 'P',
		...fields,
	});
	if (reply.status !== 201) throw new Error(`relation failed: ${JSON.stringify(reply.body)}`);
	return reply.body.id as number;
}

/** A booked invoice (with `mutation`), EX prices unless said otherwise. */
export function invoiceBody(
	relationId: number,
	invoiceNumber: string,
	items: Record<string, unknown>[],
	extra = {},
) {
	return {
		relationId,
		invoiceNumber,
		templateId: TEMPLATE_ID,
		termOfPayment: 14,
		date: '2026-05-01',
		mutation: { ledgerId: LEDGER.debtors, description: `Order ${invoiceNumber}` },
		items: items.map((item) => ({
			quantity: 1,
			ledgerId: LEDGER.revenueHigh,
			vatCode: 'HOOG_VERK_21',
			...item,
		})),
		...extra,
	};
}

export function paymentBody(relationId: number, invoiceNumber: string, amount: number, type = 3) {
	return {
		type,
		date: '2026-05-03',
		ledgerId: LEDGER.bank,
		relationId,
		invoiceNumber,
		description: `Betaling ${invoiceNumber}`,
		inExVat: 'EX',
		rows: [{ ledgerId: LEDGER.debtors, vatCode: 'GEEN', amount, invoiceNumber, relationId }],
	};
}
