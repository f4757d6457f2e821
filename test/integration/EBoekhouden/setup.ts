import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { EBoekhouden } from '../../../nodes/EBoekhouden/EBoekhouden.node';
import { executeNode, type HarnessCredentials } from '../../harness';
import type { ExecuteNodeOptions } from '../../harness';
import { startBooks, type BooksSandbox } from '../../sandbox';

/** One sandbox administration per test file, and the node run through the real n8n-core harness. */
export interface Books {
	sandbox: BooksSandbox;
	credentials: HarnessCredentials;
}

export async function openBooks(): Promise<Books> {
	const sandbox = await startBooks();
	return {
		sandbox,
		credentials: { eBoekhoudenApi: { accessToken: 'sandbox-api-token', baseUrl: sandbox.url } },
	};
}

export async function run(
	books: Books,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	options: Partial<ExecuteNodeOptions> & { node?: INodeType } = {},
): Promise<INodeExecutionData[]> {
	const { node = new EBoekhouden(), ...rest } = options;
	const result = await executeNode(node, {
		parameters: parameters as ExecuteNodeOptions['parameters'],
		items: items.map((json) => ({ json })),
		credentials: books.credentials,
		...rest,
	});
	books.credentials = result.credentials;
	return result.output[0];
}

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
export const byCode = (value: string) => ({ __rl: true, mode: 'code', value });

/** The shapes of the sandbox's state dump the tests read. */
export interface BooksState {
	relations: IDataObject[];
	invoices: Array<IDataObject & { vatByCode: Record<string, { totalAmount: number }> }>;
	mutations: IDataObject[];
	outstanding: Array<IDataObject & { outstandingAmount: number }>;
}

export const stateOf = (books: Books) => books.sandbox.state() as unknown as BooksState;

/** Creates a relation by hand, as a test's starting point, and returns its id. */
export async function createRelation(
	books: Books,
	name: string,
	emailAddress = 'jan@example.com',
): Promise<number> {
	const [relation] = await run(books, {
		resource: 'relation',
		operation: 'create',
		name,
		additionalFields: { emailAddress },
	});
	return relation.json.id as number;
}
